type Cell = string | number | boolean | null | undefined;

/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading
 * apostrophe: names and goal titles are typed by people, and these files are opened in Excel.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  opts: { separator?: string; bom?: boolean } = {},
): string {
  const sep = opts.separator ?? ",";
  const cell = (v: Cell) => {
    let s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [header, ...rows].map((r) => r.map(cell).join(sep));
  return `${opts.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}
