import { type DataGrantOverview, dataFieldLabel } from "@bgm/domain";
import type { z } from "zod";
import { toCsv } from "../../lib/csv.js";
import { renderPdf } from "../../lib/pdf.js";

/**
 * The record of data sharing for the company's records of processing (Art. 30 DSGVO): one row per
 * grant with what was shared, why, by whom, until when, and how often it was fetched. The counts are
 * the totals over the whole access log (`recordOfProcessing`), never a capped list of entries.
 */
type Overview = z.infer<typeof DataGrantOverview>;

export type ExportLanguage = "de" | "en";

const STATE: Record<ExportLanguage, Record<string, string>> = {
  de: { active: "aktiv", expired: "abgelaufen", revoked: "widerrufen", replaced: "ersetzt", ended: "beendet (Auftrag beendet)" },
  en: { active: "active", expired: "expired", revoked: "revoked", replaced: "replaced", ended: "ended (engagement ended)" },
};

const HEADER: Record<ExportLanguage, string[]> = {
  de: [
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
  ],
  en: [
    "Partner",
    "Engagement",
    "Data category",
    "Fields",
    "Purpose",
    "Extent when granted",
    "Granted by",
    "Granted on",
    "Valid until",
    "Status",
    "Ended by",
    "Ended on",
    "Fetches",
    "Last fetch",
    "Denied attempts",
  ],
};

// Times as a reader in the company's time zone writes them, minutes precise: "02.12.2026 11:42" in
// German, "2026-12-02 11:42" in English (sv-SE formats so); Excel reads both as date and time.
const TIME_FORMAT: Record<ExportLanguage, Intl.DateTimeFormat> = {
  de: new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" }),
  en: new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Berlin" }),
};

/** An instant in Europe/Berlin for the export's readers; "" for none. */
export function berlinTime(iso: string | null | undefined, lang: ExportLanguage): string {
  if (!iso) return "";
  return TIME_FORMAT[lang].format(new Date(iso)).replace(",", "");
}

function rows(o: Overview, lang: ExportLanguage): string[][] {
  return o.partners.flatMap((p) =>
    p.grants.map((g) => {
      return [
        p.providerName,
        g.offeringTitle ?? "",
        g.label[lang],
        g.fields.map((f) => dataFieldLabel(g.scopeKey, f)[lang]).join(", "),
        g.purpose[lang],
        g.preview[lang],
        g.grantedByName ?? "",
        berlinTime(g.grantedAt, lang),
        berlinTime(g.expiresAt, lang),
        STATE[lang][g.state] ?? g.state,
        g.revokedByName ?? "",
        berlinTime(g.revokedAt, lang),
        String(g.access.served),
        berlinTime(g.access.lastServedAt, lang),
        String(g.access.denied),
      ];
    }),
  );
}

/**
 * `;`-separated with a BOM: German Excel opens it with umlauts intact. Column heads, data categories,
 * field names, purposes and states in the reader's language; times in Europe/Berlin (the column heads
 * say so in the route's description), not UTC.
 */
export function recordsCsv(o: Overview, lang: ExportLanguage = "de"): string {
  return toCsv(HEADER[lang], rows(o, lang), "excel");
}

export async function recordsPdf(o: Overview, meta: { companyName: string; generatedAt: Date }): Promise<Buffer> {
  const cols = [0, 2, 3, 4, 7, 8, 9, 12];
  const body = [cols.map((i) => ({ text: HEADER.de[i], bold: true })), ...rows(o, "de").map((r) => cols.map((i) => r[i] ?? ""))];
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
