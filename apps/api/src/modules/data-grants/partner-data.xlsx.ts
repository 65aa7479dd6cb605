import { dataFieldLabel, dataScope, type PartnerData } from "@bgm/domain";
import ExcelJS from "exceljs";
import type { z } from "zod";
import { germanDateTime } from "../../lib/pdf.js";

type Data = z.infer<typeof PartnerData>;

/**
 * The partner's Excel download of one granted scope. The first sheet keeps the field keys as column
 * heads (the same columns as the JSON and CSV, so a partner's import script reads all three alike);
 * the second says in plain words what each column holds and under which grant the data came, because
 * the person opening the file in Excel is often not the one who wrote the integration.
 */
export async function partnerDataXlsx(data: Data): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "BGM Hub";
  const scope = dataScope(data.scope);
  const sheet = wb.addWorksheet("Daten");
  sheet.addRow(data.fields).font = { bold: true };
  for (const record of data.records) {
    const values = record as Record<string, string | number | boolean | null>;
    sheet.addRow(data.fields.map((f) => values[f] ?? null));
  }
  if (data.fields.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: data.fields.length } };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  data.fields.forEach((_, i) => {
    sheet.getColumn(i + 1).width = 24;
  });

  const about = wb.addWorksheet("Felder");
  about.addRow([scope?.label.de ?? data.scope]).font = { bold: true, size: 12 };
  about.addRow(["Freigegeben am", germanDateTime(new Date(data.grantedAt))]);
  about.addRow(["Gültig bis", germanDateTime(new Date(data.expiresAt))]);
  about.addRow([]);
  about.addRow(["Spalte", "Bedeutung", "Meaning"]).font = { bold: true };
  for (const f of data.fields) {
    const label = dataFieldLabel(data.scope, f);
    about.addRow([f, label.de, label.en]);
  }
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 40;
  about.getColumn(3).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
