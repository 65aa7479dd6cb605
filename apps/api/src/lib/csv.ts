import type { CsvDialect } from "@bgm/domain";

type Cell = string | number | boolean | null | undefined;

/**
 * One convention for every CSV download: `excel` (the default) is `;`-separated with a BOM, which German
 * Excel opens by double-click with umlauts intact; `rfc4180` is plain comma-separated UTF-8 for programs.
 */
export const CSV_DIALECTS: Record<CsvDialect, { separator: string; bom: boolean }> = {
  excel: { separator: ";", bom: true },
  rfc4180: { separator: ",", bom: false },
};

/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading
 * apostrophe: names and goal titles are typed by people, and these files are opened in Excel.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[], dialect: CsvDialect = "excel"): string {
  const opts = CSV_DIALECTS[dialect];
  const sep = opts.separator;
  const cell = (v: Cell) => {
    let s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [header, ...rows].map((r) => r.map(cell).join(sep));
  return `${opts.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}
