import { EmployeeImportErrorCode } from "@bgm/domain";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectEncoding, MAX_IMPORT_ROWS, MAX_REPORTED_ERRORS, parseEmployeeCsv } from "./csv-import.js";

const BOM = "\uFEFF";
const HEADER = "Vorname;Nachname;E-Mail;Abteilung;Standort";

function ok(text: string | Uint8Array) {
  const r = parseEmployeeCsv(text);
  if (!r.ok) throw new Error(`expected ok, got ${r.message}: ${JSON.stringify(r.errors)}`);
  return r.rows;
}
function fail(text: string | Uint8Array) {
  const r = parseEmployeeCsv(text);
  if (r.ok) throw new Error("expected the file to be rejected");
  return r;
}

describe("parseEmployeeCsv", () => {
  it("reads a German Excel export: BOM, semicolons, CRLF, umlauts", () => {
    const csv = `${BOM}${HEADER}\r\nJürgen;Weiß;juergen.weiss@example.de;Produktion;München\r\nÄnne;Öztürk;aenne@example.de;Büro;Köln\r\n`;
    expect(ok(csv)).toEqual([
      { row: 2, firstName: "Jürgen", lastName: "Weiß", email: "juergen.weiss@example.de", department: "Produktion", location: "München" },
      { row: 3, firstName: "Änne", lastName: "Öztürk", email: "aenne@example.de", department: "Büro", location: "Köln" },
    ]);
  });

  it("does not let the BOM spoil the first header name", () => {
    expect(ok(`${BOM}Vorname;Nachname;E-Mail;Abteilung\nA;B;a@example.de;X\n`)).toHaveLength(1);
  });

  it("keeps separators and quotes inside quoted fields", () => {
    const rows = ok(`${HEADER}\r\n"Anna; Maria";"Müller ""Mü""";anna@example.de;"Lager; Versand";\r\n`);
    expect(rows[0]).toMatchObject({ firstName: "Anna; Maria", lastName: 'Müller "Mü"', department: "Lager; Versand", location: "" });
  });

  it("accepts English headers in any case, comma separated when the header has no semicolon", () => {
    const rows = ok("first name,LAST NAME,Email,department,Location\nJane,Doe,jane@example.com,IT,Berlin\n");
    expect(rows[0]).toEqual({
      row: 2,
      firstName: "Jane",
      lastName: "Doe",
      email: "jane@example.com",
      department: "IT",
      location: "Berlin",
    });
  });

  it("accepts columns in any order and leaves location undefined without a location column", () => {
    const rows = ok("E-Mail;Abteilung;Nachname;Vorname\nx@example.de;HR;Schmidt;Eva\n");
    expect(rows[0]).toEqual({ row: 2, firstName: "Eva", lastName: "Schmidt", email: "x@example.de", department: "HR" });
  });

  it("trims cells and skips blank lines and separator-only lines Excel writes", () => {
    const rows = ok(`${HEADER}\n  Eva ; Schmidt ;eva@example.de ; HR ;\n\n;;;;\nMax;Muster;max@example.de;IT;\n`);
    expect(rows.map((r) => [r.row, r.firstName, r.email])).toEqual([
      [2, "Eva", "eva@example.de"],
      [5, "Max", "max@example.de"],
    ]);
  });

  it("ignores an unnamed trailing column", () => {
    expect(ok(`${HEADER};\nA;B;a@example.de;X;Y;\n`)).toHaveLength(1);
  });

  it("reports bad rows with their line numbers and fields, and returns no rows", () => {
    const csv = `${HEADER}\r\nEva;Schmidt;eva@example.de;HR;\r\n;Muster;kein-mail;IT;\r\nMax;${"x".repeat(101)};max@example.de;;\r\n`;
    const r = fail(csv);
    expect(r.reason).toBe("invalid");
    expect(r.errors).toEqual([
      { row: 3, field: "firstName", code: "required", message: "Required" },
      { row: 3, field: "email", code: "invalid_email", message: "Not a valid e-mail address" },
      { row: 4, field: "lastName", code: "too_long", message: "At most 100 characters", values: { max: 100 } },
      { row: 4, field: "department", code: "required", message: "Required" },
    ]);
    expect(r.message).toMatch(/2 rows .* invalid; nothing was imported/);
  });

  it("counts lines of quoted multi-line fields so the reported line is where the row starts", () => {
    const r = fail(`${HEADER}\n"Eva\nMaria";Schmidt;eva@example.de;HR;\nMax;Muster;bad;IT;\n`);
    expect(r.errors).toEqual([{ row: 4, field: "email", code: "invalid_email", message: "Not a valid e-mail address" }]);
  });

  it("rejects duplicate e-mails within the file, ignoring case", () => {
    const r = fail(`${HEADER}\nEva;Schmidt;eva@example.de;HR;\nEva;Schmidt;EVA@Example.de;HR;\n`);
    expect(r.errors).toEqual([
      { row: 3, field: "email", code: "duplicate_email", message: "Duplicate e-mail, also in line 2", values: { line: 2 } },
    ]);
  });

  it("rejects rows with more fields than the header", () => {
    const r = fail("Vorname;Nachname;E-Mail;Abteilung\nEva;Schmidt;eva@example.de;HR;extra\n");
    expect(r.errors).toEqual([{ row: 2, code: "too_many_fields", message: "More fields than the header has columns" }]);
  });

  it("rejects unknown, duplicate and missing header columns with a clear message", () => {
    const r = fail("Vorname;Name;E-Mail;Email\nEva;Schmidt;eva@example.de;eva@example.de\n");
    expect(r.message).toMatch(/header row is not valid/);
    expect(r.errors).toEqual([
      { row: 1, code: "unknown_column", message: 'Unknown column "Name"', values: { column: "Name" } },
      { row: 1, field: "email", code: "duplicate_column", message: "Column E-Mail appears twice" },
      { row: 1, field: "lastName", code: "missing_column", message: "Missing column Nachname / Last name" },
      { row: 1, field: "department", code: "missing_column", message: "Missing column Abteilung / Department" },
    ]);
  });

  it("rejects an empty file, a BOM-only file and a header without rows", () => {
    expect(fail("").message).toBe("The file is empty");
    expect(fail(`${BOM}\r\n`).message).toBe("The file is empty");
    expect(fail(`${HEADER}\r\n;;;;\r\n`).message).toBe("The file has no employee rows");
  });

  it("rejects an unclosed quote with its line", () => {
    const r = fail(`${HEADER}\nEva;Schmidt;eva@example.de;HR;\n"Max;Muster;max@example.de;IT;\n`);
    expect(r.errors[0]).toMatchObject({ row: 3, message: "A quoted field is never closed" });
  });

  it("uses only codes the domain's enum lists", () => {
    const r = fail(`${HEADER}\n;${"x".repeat(101)};bad;X;\nA;B;c@example.de;X;\nA;B;c@example.de;X;\n`);
    for (const e of r.errors) expect(EmployeeImportErrorCode.options).toContain(e.code);
  });
});

describe("parseEmployeeCsv: encodings German Excel writes", () => {
  const text = `Vorname;Nachname;E-Mail;Abteilung;Standort\r\nJürgen;Müller;j.mueller@example.de;Straße;Köln\r\n`;
  const expected = [
    { row: 2, firstName: "Jürgen", lastName: "Müller", email: "j.mueller@example.de", department: "Straße", location: "Köln" },
  ];
  const cases: [string, Buffer, string][] = [
    ["Windows-1252 (Excel's default CSV)", iconv.encode(text, "windows-1252"), "windows-1252"],
    ["UTF-8 without BOM", iconv.encode(text, "utf-8"), "utf-8"],
    ["UTF-8 with BOM", iconv.encode(text, "utf-8", { addBOM: true }), "utf-8"],
    ["UTF-16 LE with BOM (Excel's Unicode text)", iconv.encode(text, "utf-16le", { addBOM: true }), "utf-16le"],
    ["UTF-16 BE with BOM", iconv.encode(text, "utf-16be", { addBOM: true }), "utf-16be"],
  ];
  for (const [name, bytes, encoding] of cases) {
    it(`reads ${name} with exact umlauts`, () => {
      expect(detectEncoding(bytes)).toBe(encoding);
      expect(ok(bytes)).toEqual(expected);
    });
  }

  it("reads Excel's tab-separated Unicode text", () => {
    const bytes = iconv.encode(text.replaceAll(";", "\t"), "utf-16le", { addBOM: true });
    expect(ok(bytes)).toEqual(expected);
  });

  it("reads the Windows-1252 characters beyond Latin-1 (€, „“) and ASCII-only files", () => {
    const rows = ok(iconv.encode(`${HEADER}\n„Eva“;Schmidt;eva@example.de;€-Büro;\n`, "windows-1252"));
    expect(rows[0]).toMatchObject({ firstName: "„Eva“", department: "€-Büro" });
    expect(ok(Buffer.from(`${HEADER}\nEva;Schmidt;eva@example.de;HR;\n`))).toHaveLength(1);
  });

  it("refuses binary data with NUL bytes as unreadable", () => {
    const r = fail(Buffer.from([0x56, 0x6f, 0x00, 0x72, 0x0a, 0x00]));
    expect(r.errors).toEqual([{ row: 1, code: "unreadable_file", message: "The file is not a CSV text file" }]);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows as too many`, () => {
    const lines = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `A;B;p${i}@example.de;X;`);
    expect(fail(`${HEADER}\n${lines.join("\n")}\n`).reason).toBe("too_many_rows");
    expect(ok(`${HEADER}\n${lines.slice(1).join("\n")}\n`)).toHaveLength(MAX_IMPORT_ROWS);
  });

  it("caps the number of reported errors", () => {
    const lines = Array.from({ length: MAX_REPORTED_ERRORS + 50 }, () => "A;B;bad;X;");
    const r = fail(`${HEADER}\n${lines.join("\n")}\n`);
    expect(r.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(r.message).toMatch(`${MAX_REPORTED_ERRORS + 50} rows`);
  });
});
