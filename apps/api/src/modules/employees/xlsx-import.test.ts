import { describe, expect, it } from "vitest";
import { lyingAbout, workbook } from "./test-fixtures.js";
import { parseEmployeeXlsx } from "./xlsx-import.js";
import { checkZip, MAX_UNPACKED_BYTES } from "./zip-guard.js";

const HEADER = ["Vorname", "Nachname", "E-Mail", "Abteilung", "Standort"];

describe("parseEmployeeXlsx", () => {
  it("reads the first sheet with exact umlauts; row numbers are Excel's", async () => {
    const bytes = await workbook([
      HEADER,
      ["Jürgen", "Müller", "j.mueller@example.de", "Straße", "Köln"],
      [],
      ["Eva", "Schmidt", { text: "eva@example.de", hyperlink: "mailto:eva@example.de" }, "IT", 4711],
    ]);
    const r = await parseEmployeeXlsx(bytes);
    expect(r).toEqual({
      ok: true,
      rows: [
        { row: 2, firstName: "Jürgen", lastName: "Müller", email: "j.mueller@example.de", department: "Straße", location: "Köln" },
        { row: 4, firstName: "Eva", lastName: "Schmidt", email: "eva@example.de", department: "IT", location: "4711" },
      ],
    });
  });

  it("reports bad rows and duplicate e-mails with the same codes as CSV", async () => {
    const r = await parseEmployeeXlsx(
      await workbook([
        HEADER,
        ["", "Muster", "kein-mail", "IT"],
        ["Eva", "Schmidt", "eva@example.de", "IT"],
        ["Eva", "S", "EVA@example.de", "IT"],
      ]),
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      { row: 2, field: "firstName", code: "required", message: "Required" },
      { row: 2, field: "email", code: "invalid_email", message: "Not a valid e-mail address" },
      { row: 4, field: "email", code: "duplicate_email", message: "Duplicate e-mail, also in line 3", values: { line: 3 } },
    ]);
  });

  it("refuses a damaged workbook as unreadable", async () => {
    const bytes = await workbook([HEADER]);
    const r = await parseEmployeeXlsx(bytes.subarray(0, bytes.length - 30));
    expect(!r.ok && r.errors[0]?.code).toBe("unreadable_file");
  });
});

describe("zip bombs", () => {
  it("refuses a workbook whose directory declares more than the limit unpacked, before inflating anything", async () => {
    // Built by declaring the size (51 MB of one letter would pack to 50 KB, but take seconds to build here).
    const bytes = lyingAbout(await workbook([HEADER]), "xl/worksheets/sheet1.xml", MAX_UNPACKED_BYTES + 1);
    expect(checkZip(bytes)).toEqual({ ok: false, reason: "too_large" });
    expect(await parseEmployeeXlsx(bytes)).toMatchObject({ ok: false, reason: "too_large" });
  });

  it("refuses an entry that inflates to more than it declares, without inflating it further", async () => {
    const honest = await workbook([HEADER, ["Eva", "Schmidt", "eva@example.de", "IT"]]);
    expect(checkZip(honest)).toEqual({ ok: true });
    expect(checkZip(lyingAbout(honest, "xl/worksheets/sheet1.xml", 10))).toEqual({ ok: false, reason: "too_large" });
  });

  it("refuses bytes that are not a ZIP directory", () => {
    expect(checkZip(Buffer.from("PK\u0003\u0004 nothing else"))).toEqual({ ok: false, reason: "unreadable" });
  });
});
