import ExcelJS from "exceljs";
import { type CsvParseResult, fileProblem, MAX_IMPORT_ROWS, parseEmployeeTable, type TableRow, tooManyRows } from "./csv-import.js";
import { checkZip } from "./zip-guard.js";

export type XlsxParseResult = CsvParseResult | { ok: false; reason: "too_large"; message: string; errors: [] };

/**
 * Reads the first worksheet of an Excel workbook as the same table a CSV export holds (header in its
 * first row) and applies the same rules. Line numbers are Excel's row numbers. The ZIP container is
 * checked for its unpacked size before ExcelJS opens it (see zip-guard.ts).
 */
export async function parseEmployeeXlsx(bytes: Uint8Array): Promise<XlsxParseResult> {
  const zip = checkZip(bytes);
  if (!zip.ok) {
    if (zip.reason === "too_large") return { ok: false, reason: "too_large", message: "The workbook unpacks to too much data", errors: [] };
    return fileProblem("unreadable_file", "The Excel file could not be read");
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return fileProblem("unreadable_file", "The Excel file could not be read");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fileProblem("empty_file", "The file is empty");
  // The header plus MAX_IMPORT_ROWS rows; counted before the cells are read.
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) return tooManyRows(sheet.actualRowCount - 1);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    // `text` is what Excel shows: a number as typed, a hyperlinked e-mail as its text, a formula's result.
    for (let col = 1; col <= row.cellCount; col++) cells.push(row.getCell(col).text ?? "");
    rows.push({ line, cells });
  });
  return parseEmployeeTable(rows);
}
