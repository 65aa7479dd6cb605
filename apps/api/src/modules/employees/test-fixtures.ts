import ExcelJS from "exceljs";

/** A workbook as Excel would save it, built in the test: one sheet, the header in row 1. */
export async function workbook(rows: unknown[][], sheetName = "Mitarbeitende"): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same workbook with the declared unpacked size of one entry lowered: a bomb that lies about its size. */
export function lyingAbout(zip: Buffer, entryName: string, declared: number): Buffer {
  const out = Buffer.from(zip);
  for (
    let at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    at >= 0;
    at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
  ) {
    const name = out.toString("utf8", at + 46, at + 46 + out.readUInt16LE(at + 28));
    if (name === entryName) {
      out.writeUInt32LE(declared, at + 24);
      return out;
    }
  }
  throw new Error(`no entry ${entryName}`);
}
