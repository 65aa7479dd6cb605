import { CreateEmployee, type CsvRowError, type EmployeeImportErrorCode, type EmployeeImportField } from "@bgm/domain";
import { CsvError, parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import type { z } from "zod";

export type { CsvRowError };

/** More rows than this per file is refused (413): one import is one transaction. */
export const MAX_IMPORT_ROWS = 5000;
/** A file full of mistakes should not produce a megabyte of error JSON; the first ones suffice to fix it. */
export const MAX_REPORTED_ERRORS = 100;

export type ImportField = EmployeeImportField;

/** One line of the table as read from the file: its cells and the line (CSV) or row number (XLSX) it starts on. */
export interface TableRow {
  line: number;
  cells: string[];
}

export interface ImportRow {
  row: number;
  firstName: string;
  lastName: string;
  email: string;
  department: string;
  /** Undefined when the file has no location column: an update then keeps the stored location. */
  location?: string;
}

export type CsvParseResult =
  | { ok: true; rows: ImportRow[] }
  | { ok: false; reason: "invalid"; message: string; errors: CsvRowError[] }
  | { ok: false; reason: "too_many_rows"; message: string; errors: CsvRowError[] };

// Header names are compared without case, spaces, dashes, dots and underscores,
// so "E-Mail", "e_mail", "Email" and "First Name" all match.
const HEADER_ALIASES: Record<string, ImportField> = {
  vorname: "firstName",
  firstname: "firstName",
  nachname: "lastName",
  lastname: "lastName",
  familienname: "lastName",
  surname: "lastName",
  email: "email",
  emailadresse: "email",
  emailaddress: "email",
  mail: "email",
  abteilung: "department",
  department: "department",
  standort: "location",
  location: "location",
};
const REQUIRED: ImportField[] = ["firstName", "lastName", "email", "department"];
const LABEL: Record<ImportField, string> = {
  firstName: "Vorname / First name",
  lastName: "Nachname / Last name",
  email: "E-Mail",
  department: "Abteilung / Department",
  location: "Standort / Location",
};

const normalizeHeader = (h: string) => h.toLowerCase().replace(/[\s\-_.]/g, "");

export function invalid(message: string, errors: CsvRowError[]): CsvParseResult {
  return { ok: false, reason: "invalid", message, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
}

/** A problem of the whole file, reported on line 1. */
export function fileProblem(code: EmployeeImportErrorCode, message: string): CsvParseResult {
  return invalid(message, [{ row: 1, code, message }]);
}

/**
 * Excel in Germany writes `;`; other tools write `,`; Excel's "Unicode text" (UTF-16) writes tabs.
 * The header line decides.
 */
function detectDelimiter(text: string): ";" | "," | "\t" {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (firstLine.includes(";")) return ";";
  return firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
}

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * Which encoding the bytes are in, as German Excel writes CSV: a byte-order mark decides (UTF-8,
 * UTF-16 LE/BE); without one, bytes that are valid UTF-8 are UTF-8 (plain ASCII included), anything
 * else is Windows-1252, Excel's default "CSV (Trennzeichen-getrennt)". Windows-1252 maps every byte
 * to a character, so no file is refused for its encoding; umlauts come out exact either way.
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/** The file's text without its byte-order mark. */
export function decodeCsv(bytes: Uint8Array): string {
  // iconv-lite strips the BOM by default.
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), detectEncoding(bytes));
}

function csvErrorMessage(err: CsvError): string {
  if (err.code === "CSV_QUOTE_NOT_CLOSED") return "A quoted field is never closed";
  return "The file could not be read as CSV";
}

interface RawRecord {
  record: string[];
  info: { lines: number };
}

function readRecords(text: string): RawRecord[] | CsvParseResult {
  try {
    return parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      info: true,
      relax_column_count: true,
      // Hand-edited files contain O"Neil-style quotes; keep them literally instead of refusing the file.
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as RawRecord[];
  } catch (err) {
    if (err instanceof CsvError) {
      const line = typeof (err as { lines?: unknown }).lines === "number" ? (err as unknown as { lines: number }).lines : 1;
      return invalid(csvErrorMessage(err), [{ row: line, code: "malformed_csv", message: csvErrorMessage(err) }]);
    }
    throw err;
  }
}

/** csv-parse reports the line a record ends on; people look for the line it starts on. */
function startLine(r: RawRecord): number {
  const breaks = r.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  return r.info.lines - breaks;
}

type ColumnMap = { index: number; field: ImportField }[];

function mapHeader(header: string[]): ColumnMap | CsvParseResult {
  const columns: ColumnMap = [];
  const errors: CsvRowError[] = [];
  header.forEach((raw, index) => {
    const name = raw.trim();
    // Excel adds an unnamed column when rows end with a separator; nothing to import from it.
    if (name === "") return;
    const field = HEADER_ALIASES[normalizeHeader(name)];
    if (!field) {
      const column = name.slice(0, 50);
      errors.push({ row: 1, code: "unknown_column", message: `Unknown column "${column}"`, values: { column } });
    } else if (columns.some((c) => c.field === field)) {
      errors.push({ row: 1, field, code: "duplicate_column", message: `Column ${LABEL[field]} appears twice` });
    } else {
      columns.push({ index, field });
    }
  });
  for (const field of REQUIRED) {
    if (!columns.some((c) => c.field === field))
      errors.push({ row: 1, field, code: "missing_column", message: `Missing column ${LABEL[field]}` });
  }
  if (errors.length) {
    const expected = Object.values(LABEL).join("; ");
    return invalid(`The header row is not valid. Expected columns: ${expected} (Standort optional)`, errors);
  }
  return columns;
}

/** Zod's finding about one cell, in the import's own codes (the web words them in the UI language). */
function cellError(row: number, issue: z.core.$ZodIssue): CsvRowError {
  const field = issue.path[0] as ImportField;
  if (issue.code === "too_small") return { row, field, code: "required", message: "Required" };
  if (issue.code === "too_big") {
    const max = Number(issue.maximum);
    return { row, field, code: "too_long", message: `At most ${max} characters`, values: { max } };
  }
  if (field === "email" && issue.code === "invalid_format")
    return { row, field, code: "invalid_email", message: "Not a valid e-mail address" };
  return { row, field, code: "invalid_value", message: "Not a valid value" };
}

/**
 * Parses and validates an employee CSV export, given as the file's bytes (any encoding Excel writes)
 * or as text. Pure: no I/O, so every rule is unit-tested.
 * All-or-nothing: any bad row makes the whole file invalid, so a half-imported staff list never exists.
 */
export function parseEmployeeCsv(input: string | Uint8Array): CsvParseResult {
  const text = typeof input === "string" ? input.replace(/^\uFEFF/, "") : decodeCsv(input);
  // PostgreSQL cannot store NUL; a text file has none. Binary data sent as CSV ends here.
  if (text.includes("\u0000")) return fileProblem("unreadable_file", "The file is not a CSV text file");
  const records = readRecords(text);
  if (!Array.isArray(records)) return records;
  return parseEmployeeTable(records.map((r) => ({ line: startLine(r), cells: r.record })));
}

/** The rules every import obeys, whatever file the rows came from: header, rows, duplicates, row limit. */
export function parseEmployeeTable(records: TableRow[]): CsvParseResult {
  const [header, ...body] = records;
  if (!header) return fileProblem("empty_file", "The file is empty");
  const columns = mapHeader(header.cells);
  if (!Array.isArray(columns)) return columns;
  // Rows of only separators (";;;") are what Excel writes for blank lines.
  const dataRows = body.filter((r) => r.cells.some((cell) => cell.trim() !== ""));
  if (dataRows.length === 0) return invalid("The file has no employee rows", [{ row: 2, code: "no_rows", message: "No data rows" }]);
  if (dataRows.length > MAX_IMPORT_ROWS) return tooManyRows(dataRows.length);
  return validateRows(dataRows, columns, header.cells.length);
}

export function tooManyRows(count: number): CsvParseResult {
  return { ok: false, reason: "too_many_rows", message: `At most ${MAX_IMPORT_ROWS} rows per import; the file has ${count}`, errors: [] };
}

function validateRows(dataRows: TableRow[], columns: ColumnMap, headerWidth: number): CsvParseResult {
  const hasLocation = columns.some((c) => c.field === "location");
  const errors: CsvRowError[] = [];
  const rows: ImportRow[] = [];
  const firstLineOfEmail = new Map<string, number>();
  for (const raw of dataRows) {
    const line = raw.line;
    if (raw.cells.slice(headerWidth).some((cell) => cell.trim() !== "")) {
      errors.push({ row: line, code: "too_many_fields", message: "More fields than the header has columns" });
      continue;
    }
    const cells: Partial<Record<ImportField, string>> = {};
    for (const c of columns) cells[c.field] = (raw.cells[c.index] ?? "").trim();
    const parsed = CreateEmployee.safeParse({ ...cells, location: cells.location ?? "" });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(cellError(line, issue));
      continue;
    }
    const key = parsed.data.email.toLowerCase();
    const seen = firstLineOfEmail.get(key);
    if (seen !== undefined) {
      errors.push({
        row: line,
        field: "email",
        code: "duplicate_email",
        message: `Duplicate e-mail, also in line ${seen}`,
        values: { line: seen },
      });
      continue;
    }
    firstLineOfEmail.set(key, line);
    const { location, ...rest } = parsed.data;
    rows.push({ row: line, ...rest, ...(hasLocation ? { location } : {}) });
  }
  if (errors.length) {
    const lines = new Set(errors.map((e) => e.row)).size;
    return invalid(`${lines} row${lines === 1 ? "" : "s"} of the file ${lines === 1 ? "is" : "are"} invalid; nothing was imported`, errors);
  }
  return { ok: true, rows };
}
