import type { DataGrantOverview } from "@bgm/domain";
import type { z } from "zod";
import { toCsv } from "../../lib/csv.js";
import { renderPdf } from "../../lib/pdf.js";

/**
 * The record of data sharing for the company's records of processing (Art. 30 DSGVO): one row per
 * grant with what was shared, why, by whom, until when, and how often it was fetched. The counts are
 * the totals over the whole access log (`recordOfProcessing`), never a capped list of entries.
 */
type Overview = z.infer<typeof DataGrantOverview>;

const STATE_DE: Record<string, string> = {
  active: "aktiv",
  expired: "abgelaufen",
  revoked: "widerrufen",
  replaced: "ersetzt",
  ended: "beendet (Auftrag beendet)",
};

const HEADER = [
  "Partner",
  "Auftrag",
  "Datenkategorie",
  "Felder",
  "Zweck",
  "Umfang bei Freigabe",
  "Erteilt von",
  "Erteilt am",
  "Gültig bis",
  "Status",
  "Beendet von",
  "Beendet am",
  "Abrufe",
  "Letzter Abruf",
  "Abgelehnte Versuche",
];

function rows(o: Overview): string[][] {
  return o.partners.flatMap((p) =>
    p.grants.map((g) => {
      return [
        p.providerName,
        g.offeringTitle ?? "",
        g.label.de,
        g.fields.join(", "),
        g.purpose.de,
        g.preview.de,
        g.grantedByName ?? "",
        g.grantedAt,
        g.expiresAt,
        STATE_DE[g.state] ?? g.state,
        g.revokedByName ?? "",
        g.revokedAt ?? "",
        String(g.access.served),
        g.access.lastServedAt ?? "",
        String(g.access.denied),
      ];
    }),
  );
}

/** `;`-separated with a BOM: German Excel opens it with umlauts intact. */
export function recordsCsv(o: Overview): string {
  return toCsv(HEADER, rows(o), "excel");
}

export async function recordsPdf(o: Overview, meta: { companyName: string; generatedAt: Date }): Promise<Buffer> {
  const cols = [0, 2, 3, 4, 7, 8, 9, 12];
  const body = [cols.map((i) => ({ text: HEADER[i], bold: true })), ...rows(o).map((r) => cols.map((i) => r[i] ?? ""))];
  const doc = {
    info: { title: `Datenfreigaben – ${meta.companyName}`, creator: "BGM Hub" },
    pageOrientation: "landscape",
    pageSize: "A4",
    defaultStyle: { font: "Roboto", fontSize: 8 },
    content: [
      { text: "Verzeichnis der Datenfreigaben an Partner (Art. 30 DSGVO)", fontSize: 14, bold: true, margin: [0, 0, 0, 4] },
      { text: `${meta.companyName} · erstellt am ${meta.generatedAt.toISOString()}`, margin: [0, 0, 0, 10] },
      o.partners.length === 0
        ? { text: "Es wurden noch keine Daten an Partner freigegeben." }
        : {
            table: { headerRows: 1, widths: ["auto", "auto", "*", "*", "auto", "auto", "auto", "auto"], body },
            layout: "lightHorizontalLines",
          },
    ],
  };
  return renderPdf(doc);
}
