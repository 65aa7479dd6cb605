import { type DisclosedCount, GKV_FIELDS_OF_ACTION, type InsuranceReport } from "@bgm/domain";
import ExcelJS from "exceljs";
import { toCsv } from "../../lib/csv.js";
import { germanDate, germanDateTime, renderPdf } from "../../lib/pdf.js";

/**
 * The insurer report as PDF, CSV and XLSX. All three are drawn from the same sections, so they say the
 * same thing; a withheld people count is the word SUPPRESSED in every format, never a number.
 */
export const SUPPRESSED = "unterdrückt";

type Cell = string | number | null;
export interface Section {
  title: string;
  header: string[];
  rows: Cell[][];
}

const people = (c: DisclosedCount): Cell => (c.suppressed || c.value === null ? SUPPRESSED : c.value);
const yesNo = (b: boolean) => (b ? "ja" : "nein");
const percent = (r: number | null) =>
  r === null ? "–" : `${new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 }).format(r * 100)} %`;
const APPROACH_DE: Record<string, string> = { behavioural: "verhaltensbezogen", structural: "verhältnisbezogen" };

export function suppressionNote(r: InsuranceReport): string {
  return (
    `Datenschutz: Es werden nur zusammengefasste Zahlen ausgewiesen. Zahlen über weniger als ${r.minGroupSize} Personen ` +
    `(und Zahlen, aus denen sich solche berechnen ließen) sind als „${SUPPRESSED}“ gekennzeichnet.`
  );
}

export function reportSections(r: InsuranceReport): Section[] {
  return [
    {
      title: "Angaben zum Betrieb",
      header: ["Merkmal", "Wert"],
      rows: [
        ["Unternehmen", r.company.name],
        ["Branche (WZ 2008)", r.company.industry ? `${r.company.industry.key} – ${r.company.industry.label.de}` : "nicht angegeben"],
        ["Beschäftigte (Mitarbeiterverzeichnis)", r.company.headCount],
        ["Betriebsgröße", r.company.sizeClass?.label.de ?? "–"],
        ["Berichtszeitraum", `${germanDate(r.period.from)} – ${germanDate(r.period.to)}`],
        ["Erstellt am", germanDateTime(new Date(r.generatedAt))],
      ],
    },
    {
      title: "Erreichung",
      header: ["Merkmal", "Wert"],
      rows: [
        ["Erreichte Beschäftigte (mindestens ein Termin besucht)", people(r.reach.peopleReached)],
        ["Anteil an allen Beschäftigten", percent(r.reach.reachRate)],
        ["Maßnahmen mit Terminen im Zeitraum", r.reach.interventions],
        ["Durchgeführte Termine", r.reach.sessions],
      ],
    },
    {
      title: "Steuerungsgremium",
      header: ["Merkmal", "Wert"],
      rows: [
        ["Steuerungskreis vorhanden", yesNo(r.steeringCommittee.exists)],
        ["Gebildet am", r.steeringCommittee.since ? germanDate(r.steeringCommittee.since) : "–"],
      ],
    },
    {
      title: "Bedarfsermittlung",
      header: ["Methode", "Durchgeführt", "Nachweis"],
      rows: r.needsAnalysis.map((n) => [
        n.label.de,
        yesNo(n.done),
        n.evidence.map((e) => [e.label, e.provider, e.date ? germanDate(e.date) : null, e.detail].filter(Boolean).join(", ")).join("; ") ||
          "–",
      ]),
    },
    {
      title: "Erfolgskontrolle",
      header: ["Methode", "Durchgeführt", "Details"],
      rows: r.successCheck.map((s) => [s.label.de, yesNo(s.done), s.detail]),
    },
    {
      title: "Zielgruppen",
      header: ["Zielgruppe", "Maßnahmen"],
      rows: r.targetGroups.map((t) => [t.label, t.interventions]),
    },
    {
      title: "Handlungsfelder (GKV-Leitfaden Prävention)",
      header: ["Handlungsfeld", "Präventionsprinzip", "Maßnahmen", "Teilnehmende"],
      rows: r.fieldsOfAction.map((f) => [f.field.de, f.label.de, f.interventions, people(f.participants)]),
    },
    {
      title: "Verhaltens- und verhältnisbezogene Maßnahmen",
      header: ["Ausrichtung", "Maßnahmen", "Teilnehmende"],
      rows: r.approaches.map((a) => [a.label.de, a.interventions, people(a.participants)]),
    },
    {
      title: "Maßnahmen",
      header: [
        "Maßnahme",
        "Kategorie",
        "Handlungsfeld",
        "Ausrichtung",
        "Zielgruppe",
        "Anbieter",
        "Zertifizierung (§ 20)",
        "Termine",
        "Erster Termin",
        "Letzter Termin",
        "Teilnehmende",
      ],
      rows: r.interventions.map((i) => {
        const field = GKV_FIELDS_OF_ACTION.find((f) => f.key === i.fieldOfAction);
        return [
          i.title,
          i.categoryLabel.de,
          field?.label.de ?? i.fieldOfAction,
          APPROACH_DE[i.approach] ?? i.approach,
          i.targetGroup,
          i.provider ?? "–",
          i.certificationId ?? "–",
          i.sessions,
          germanDate(i.firstSession),
          germanDate(i.lastSession),
          people(i.participants),
        ];
      }),
    },
  ];
}

const TITLE = "Dokumentation Betriebliche Gesundheitsförderung nach § 20b SGB V";

/**
 * CSV in the excel dialect (`;`, UTF-8 with BOM): the sections one below the other, each as a title row,
 * a header row and its rows, separated by an empty row.
 */
export function reportCsv(r: InsuranceReport): string {
  const lines: Cell[][] = [[`${r.company.name} – ${germanDate(r.period.from)} bis ${germanDate(r.period.to)}`], []];
  for (const s of reportSections(r)) lines.push([s.title], s.header, ...s.rows, []);
  lines.push([suppressionNote(r)]);
  return toCsv([TITLE], lines, "excel");
}

/** XLSX: sheet "Übersicht" with every section but the interventions, sheet "Maßnahmen" as one filterable table. */
export async function reportXlsx(r: InsuranceReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "BGM Hub";
  wb.created = new Date(r.generatedAt);
  const sections = reportSections(r);
  const overview = wb.addWorksheet("Übersicht");
  overview.addRow([TITLE]).font = { bold: true, size: 14 };
  overview.addRow([`${r.company.name} – ${germanDate(r.period.from)} bis ${germanDate(r.period.to)}`]);
  overview.addRow([]);
  for (const s of sections.slice(0, -1)) {
    overview.addRow([s.title]).font = { bold: true, size: 12 };
    overview.addRow(s.header).font = { bold: true };
    for (const row of s.rows) overview.addRow(row);
    overview.addRow([]);
  }
  overview.addRow([suppressionNote(r)]).font = { italic: true };
  overview.getColumn(1).width = 55;
  overview.getColumn(2).width = 40;
  overview.getColumn(3).width = 60;
  overview.getColumn(4).width = 14;

  const list = sections[sections.length - 1] as Section;
  const sheet = wb.addWorksheet("Maßnahmen");
  sheet.addRow(list.header).font = { bold: true };
  for (const row of list.rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: list.header.length } };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  list.header.forEach((_, i) => {
    sheet.getColumn(i + 1).width = [40, 22, 40, 18, 24, 26, 20, 10, 14, 14, 14][i] ?? 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A printable German PDF (A4 portrait), the interventions in landscape on their own page. */
export function reportPdf(r: InsuranceReport): Promise<Buffer> {
  const sections = reportSections(r);
  const table = (s: Section, widths: (string | number)[]) => [
    { text: s.title, style: "h2" },
    s.rows.length === 0
      ? { text: "Keine Einträge im Zeitraum.", italics: true, margin: [0, 0, 0, 8] }
      : {
          table: {
            headerRows: 1,
            widths,
            body: [s.header.map((h) => ({ text: h, bold: true })), ...s.rows.map((row) => row.map((c) => (c === null ? "" : String(c))))],
          },
          layout: "lightHorizontalLines",
          margin: [0, 0, 0, 10],
        },
  ];
  const kv = [230, "*"];
  const [company, reach, steering, needs, success, groups, fields, approaches, list] = sections as [
    Section,
    Section,
    Section,
    Section,
    Section,
    Section,
    Section,
    Section,
    Section,
  ];
  const doc = {
    info: { title: `${TITLE} – ${r.company.name}`, creator: "BGM Hub", subject: `${r.period.from} bis ${r.period.to}` },
    pageSize: "A4",
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: "Roboto", fontSize: 9 },
    styles: { h1: { fontSize: 15, bold: true, margin: [0, 0, 0, 4] }, h2: { fontSize: 11, bold: true, margin: [0, 6, 0, 4] } },
    footer: (page: number, pages: number) => ({
      text: `${r.company.name} · ${TITLE} · Seite ${page} von ${pages}`,
      alignment: "center",
      fontSize: 7,
      color: "#666666",
    }),
    content: [
      { text: TITLE, style: "h1" },
      {
        text: `${r.company.name} · Berichtszeitraum ${germanDate(r.period.from)} bis ${germanDate(r.period.to)} · erstellt am ${germanDateTime(new Date(r.generatedAt))}`,
        margin: [0, 0, 0, 10],
      },
      ...table(company, kv),
      ...table(reach, kv),
      ...table(steering, kv),
      ...table(needs, [150, 55, "*"]),
      ...table(success, [150, 55, "*"]),
      ...table(groups, ["*", "auto"]),
      ...table(fields, [130, "*", "auto", "auto"]),
      ...table(approaches, ["*", "auto", "auto"]),
      { text: suppressionNote(r), italics: true, fontSize: 8, margin: [0, 6, 0, 0] },
      {
        pageBreak: "before",
        pageOrientation: "landscape",
        stack: [{ text: list.title, style: "h2" }],
      },
      list.rows.length === 0
        ? { text: "Keine Maßnahmen mit Terminen im Zeitraum.", italics: true }
        : {
            table: {
              headerRows: 1,
              widths: [106, 58, 88, 68, 58, 58, 66, 30, 42, 42, 50],
              body: [
                list.header.map((h) => ({ text: h, bold: true })),
                ...list.rows.map((row) => row.map((c) => (c === null ? "" : String(c)))),
              ],
            },
            layout: "lightHorizontalLines",
            fontSize: 8,
          },
    ],
  };
  return renderPdf(doc);
}

/** A file name the server makes: ASCII only, company, period and extension. */
export function reportFileName(r: InsuranceReport, ext: string): string {
  const slug =
    r.company.name
      .toLowerCase()
      .replace(/ä/g, "ae")
      .replace(/ö/g, "oe")
      .replace(/ü/g, "ue")
      .replace(/ß/g, "ss")
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "unternehmen";
  return `bgf-bericht-${slug}-${r.period.from}-bis-${r.period.to}.${ext}`;
}
