import { CreateEmployee } from "@bgm/domain";
import { CsvError, parse } from "csv-parse/sync";
import type { z } from "zod";

/** More rows than this per file is refused (413): one import is one transaction. */
export const MAX_IMPORT_ROWS = 5000;
/** A file full of mistakes should not produce a megabyte of error JSON; the first ones suffice to fix it. */
export const MAX_REPORTED_ERRORS = 100;

export type ImportField = "firstName" | "lastName" | "email" | "department" | "location";

export interface CsvRowError {
  /** 1-based line in the file; the header is line 1. */
  row: number;
  /** The API field name, so the client can show its own label for it. */
  field?: ImportField;
  /** Machine-readable: Zod's issue code for a field, else what is wrong with the line or file. */
  code: string;
  message: string;
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

function invalid(message: string, errors: CsvRowError[]): CsvParseResult {
  return { ok: false, reason: "invalid", message, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
}

/** Excel in Germany writes `;`; other tools write `,`. The header line decides. */
function detectDelimiter(text: string): ";" | "," {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return firstLine.includes(";") ? ";" : ",";
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
      errors.push({ row: 1, code: "unknown_column", message: `Unknown column "${name.slice(0, 50)}"` });
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

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "too_small") return "Required";
  if (issue.code === "too_big") return `At most ${String(issue.maximum)} characters`;
  if (issue.code === "invalid_format") return "Not a valid e-mail address";
  return issue.message;
}

/**
 * Parses and validates an employee CSV export. Pure: no I/O, so every rule is unit-tested.
 * All-or-nothing: any bad row makes the whole file invalid, so a half-imported staff list never exists.
 */
export function parseEmployeeCsv(text: string): CsvParseResult {
  // A file saved as Windows-1252 (old Excel "CSV") arrives with its umlauts replaced; importing
  // "J�rgen" silently would be worse than asking for a UTF-8 export.
  if (text.includes("\uFFFD")) {
    return invalid('The file is not UTF-8 encoded. In Excel choose "CSV UTF-8 (durch Trennzeichen getrennt)"', [
      { row: 1, code: "not_utf8", message: "Not UTF-8" },
    ]);
  }
  const records = readRecords(text);
  if (!Array.isArray(records)) return records;
  const [header, ...body] = records;
  if (!header) return invalid("The file is empty", [{ row: 1, code: "empty_file", message: "The file is empty" }]);
  const columns = mapHeader(header.record);
  if (!Array.isArray(columns)) return columns;
  // Rows of only separators (";;;") are what Excel writes for blank lines.
  const dataRows = body.filter((r) => r.record.some((cell) => cell.trim() !== ""));
  if (dataRows.length === 0) return invalid("The file has no employee rows", [{ row: 2, code: "no_rows", message: "No data rows" }]);
  if (dataRows.length > MAX_IMPORT_ROWS) {
    const message = `At most ${MAX_IMPORT_ROWS} rows per import; the file has ${dataRows.length}`;
    return { ok: false, reason: "too_many_rows", message, errors: [] };
  }
  return validateRows(dataRows, columns, header.record.length);
}

function validateRows(dataRows: RawRecord[], columns: ColumnMap, headerWidth: number): CsvParseResult {
  const hasLocation = columns.some((c) => c.field === "location");
  const errors: CsvRowError[] = [];
  const rows: ImportRow[] = [];
  const firstLineOfEmail = new Map<string, number>();
  for (const raw of dataRows) {
    const line = startLine(raw);
    if (raw.record.slice(headerWidth).some((cell) => cell.trim() !== "")) {
      errors.push({ row: line, code: "too_many_fields", message: "More fields than the header has columns" });
      continue;
    }
    const cells: Partial<Record<ImportField, string>> = {};
    for (const c of columns) cells[c.field] = (raw.record[c.index] ?? "").trim();
    const parsed = CreateEmployee.safeParse({ ...cells, location: cells.location ?? "" });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ row: line, field: issue.path[0] as ImportField, code: issue.code, message: issueMessage(issue) });
      }
      continue;
    }
    const key = parsed.data.email.toLowerCase();
    const seen = firstLineOfEmail.get(key);
    if (seen !== undefined) {
      errors.push({ row: line, field: "email", code: "duplicate", message: `Duplicate e-mail, also in line ${seen}` });
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
