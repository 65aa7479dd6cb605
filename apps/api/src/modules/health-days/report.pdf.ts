import type { HealthDayConsolidatedReport, HealthDayReport, StationFeedback } from "@bgm/domain";
import { germanDate, germanDateTime, renderPdf } from "../../lib/pdf.js";

/**
 * The post-event report as a PDF (pdfmake, as every PDF here): one A4 document in German with the totals,
 * attendance per station and slot, costs against the budget and the recommendations. Counts only; it
 * lists no person.
 */

const time = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" });
const pct = (share: number | null) => (share === null ? "–" : `${Math.round(share * 1000) / 10} %`.replace(".", ","));
const euros = (cents: number | null) =>
  cents === null
    ? "–"
    : new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(cents / 100);
const head = (cells: string[]) => cells.map((text) => ({ text, bold: true }));

export function reportFileName(r: Pick<HealthDayReport, "title" | "startsOn">, prefix = "gesundheitstag"): string {
  const slug = r.title
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .slice(0, 60);
  return `${prefix}-${slug || "bericht"}-${r.startsOn}.pdf`;
}

const rating = (f: StationFeedback) => (f.suppressed || f.average === null ? "–" : `${String(f.average).replace(".", ",")} von 5`);
const answers = (f: StationFeedback, k: number) => (f.suppressed ? `weniger als ${k}` : String(f.answers));
const spread = (f: StationFeedback) => (f.distribution ? f.distribution.map((n, i) => `${i + 1}★ ${n}`).join(" · ") : "–");

/** The feedback section: per station the answers, the mean rating, the spread and the comments, or why not. */
function feedbackContent(stations: { title: string; feedback: StationFeedback }[], k: number) {
  return [
    { text: "Rückmeldungen der Teilnehmenden (anonym)", fontSize: 13, bold: true, margin: [0, 0, 0, 6] },
    {
      table: {
        headerRows: 1,
        widths: ["*", 90, 90, 200],
        body: [
          head(["Station", "Antworten", "Bewertung", "Verteilung"]),
          ...stations.map((s) => [s.title, answers(s.feedback, k), rating(s.feedback), spread(s.feedback)]),
        ],
      },
      layout: "lightHorizontalLines",
      margin: [0, 0, 0, 6],
    },
    ...stations
      .filter((s) => s.feedback.comments.length > 0)
      .map((s) => ({ stack: [{ text: `Kommentare zu ${s.title}`, bold: true }, { ul: s.feedback.comments }], margin: [0, 4, 0, 4] })),
    {
      text: `Bewertungen und Kommentare einer Station erscheinen erst, wenn mindestens ${k} Personen geantwortet haben.`,
      fontSize: 8,
      color: "#444444",
      margin: [0, 0, 0, 14],
    },
  ];
}

/** Costs against the budget and the recommendations from the figures: the same in both reports. */
function budgetAndRecommendations(r: Pick<HealthDayReport, "budget" | "recommendations">) {
  return [
    { text: "Kosten und Budget", fontSize: 13, bold: true, margin: [0, 0, 0, 6] },
    {
      table: {
        headerRows: 1,
        widths: ["*", 90, 90, 90],
        body: [
          head(["Station", "Geplant", "Gebucht", "Abgerechnet"]),
          ...r.budget.modules.map((m) => [m.title, euros(m.plannedCents), euros(m.bookedCents), euros(m.invoicedCents)]),
          [
            { text: `Summe (Budget ${euros(r.budget.budgetCents)})`, bold: true },
            { text: euros(r.budget.plannedCents), bold: true },
            { text: euros(r.budget.bookedCents), bold: true },
            { text: euros(r.budget.invoicedCents), bold: true },
          ],
        ],
      },
      layout: "lightHorizontalLines",
      margin: [0, 0, 0, 14],
    },
    { text: "Empfehlungen", fontSize: 13, bold: true, margin: [0, 0, 0, 6] },
    r.recommendations.length > 0
      ? { ul: r.recommendations.map((x) => x.text) }
      : { text: "Keine – die Zahlen geben keinen Anlass zu Änderungen." },
  ];
}

/** A figure as printed: a count, or "< k" where the minimum group size withholds it (consolidated report). */
type Figure = (n: number | null) => string;
const plain: Figure = (n) => String(n ?? "–");

interface Totals {
  people: number | null;
  expectedHeadcount: number | null;
  reachedShare: number | null;
  registered: number;
  capacity: number;
  utilization: number | null;
  attended: number | null;
  noShow: number | null;
  noShowRate: number | null;
  waitlisted: number;
}

/** The figures of a station or slot, in the column order of STATION_HEADS. */
interface Places {
  capacity: number;
  registered: number;
  attended: number | null;
  noShow: number | null;
  waitlisted: number;
  noShowRate: number | null;
}
const STATION_HEADS = ["Plätze", "Angemeldet", "Teilgenommen", "No-show", "Warteliste", "No-show-Quote"];
const placeCells = (x: Places, fig: Figure) => [
  String(x.capacity),
  String(x.registered),
  fig(x.attended),
  fig(x.noShow),
  String(x.waitlisted),
  pct(x.noShowRate),
];

// Both reports share their frame, totals and station table; they differ in the rows (per slot, or per station
// with withheld figures) and in the wording around them.
function totalsTable(t: Totals, fig: Figure) {
  return {
    table: {
      widths: [200, "*"],
      body: [
        [
          { text: "Personen mit Platz", bold: true },
          `${fig(t.people)}${t.expectedHeadcount ? ` von ${t.expectedHeadcount} erwarteten (${pct(t.reachedShare)})` : ""}`,
        ],
        [{ text: "Plätze vergeben / angeboten", bold: true }, `${t.registered} / ${t.capacity} (${pct(t.utilization)})`],
        [{ text: "Teilgenommen", bold: true }, fig(t.attended)],
        [{ text: "Nicht erschienen (No-show-Quote)", bold: true }, `${fig(t.noShow)} (${pct(t.noShowRate)})`],
        [{ text: "Warteliste", bold: true }, String(t.waitlisted)],
      ],
    },
    layout: "lightHorizontalLines",
    margin: [0, 0, 0, 14],
  };
}

function stationTable(heading: string, firstHeads: [string, string], rows: unknown[][]) {
  return [
    { text: heading, fontSize: 13, bold: true, margin: [0, 0, 0, 6] },
    {
      table: { headerRows: 1, widths: ["*", 150, 50, 60, 70, 55, 60, 60], body: [head([...firstHeads, ...STATION_HEADS]), ...rows] },
      layout: "lightHorizontalLines",
      margin: [0, 0, 0, 14],
    },
  ];
}

function reportDocument(kind: "Auswertung" | "Gesamtbericht", dayTitle: string, subtitle: string, body: unknown[], footer: string) {
  return {
    info: { title: `${kind} Gesundheitstag – ${dayTitle}`, creator: "BGM Hub" },
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    content: [
      { text: `${kind} Gesundheitstag „${dayTitle}“`, fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      { text: subtitle, fontSize: 11, margin: [0, 0, 0, 14] },
      ...body,
      { text: footer, fontSize: 8, color: "#444444", margin: [0, 20, 0, 0] },
    ],
  };
}

const dayWhen = (r: { startsOn: string; endsOn: string }) =>
  r.startsOn === r.endsOn ? germanDate(r.startsOn) : `${germanDate(r.startsOn)} – ${germanDate(r.endsOn)}`;

export function healthDayReportPdf(r: HealthDayReport, companyName: string): Promise<Buffer> {
  const stationRows = r.stations.flatMap((st) => [
    [{ text: st.title, bold: true }, { text: st.providerName, bold: true }, ...placeCells(st, plain)],
    ...st.slots.map((s) => [
      {
        text: `  ${time.format(new Date(s.startsAt))}–${time.format(new Date(s.endsAt))}${s.status === "cancelled" ? " (abgesagt)" : ""}`,
        color: "#444444",
      },
      { text: s.location, color: "#444444" },
      ...placeCells(s, plain),
    ]),
  ]);
  const doc = reportDocument(
    "Auswertung",
    r.title,
    `${companyName} · ${dayWhen(r)}`,
    [
      totalsTable(r.totals, plain),
      ...stationTable("Teilnahme je Station und Slot", ["Station / Slot", "Anbieter / Ort"], stationRows),
      ...feedbackContent(r.stations, r.minGroupSize),
      ...budgetAndRecommendations(r),
    ],
    `Erstellt am ${germanDateTime(new Date(r.generatedAt))} über BGM Hub. Der Bericht enthält nur Anzahlen, keine Namen.`,
  );
  return renderPdf(doc);
}

/** The consolidated report of a full-service day: per station, aggregates only, the minimum group size applied. */
export function consolidatedReportPdf(r: HealthDayConsolidatedReport): Promise<Buffer> {
  const k = r.minGroupSize;
  const withheld: Figure = (n) => (n === null ? `< ${k}` : String(n));
  const doc = reportDocument(
    "Gesamtbericht",
    r.title,
    `${r.companyName} · ${dayWhen(r)} · organisiert von ${r.plannerName}`,
    [
      totalsTable(r.totals, withheld),
      ...stationTable(
        "Teilnahme je Station",
        ["Station", "Anbieter"],
        r.stations.map((s) => [{ text: s.title, bold: true }, s.providerName, ...placeCells(s, withheld)]),
      ),
      ...feedbackContent(r.stations, k),
      ...budgetAndRecommendations(r),
    ],
    `Erstellt am ${germanDateTime(new Date(r.generatedAt))} über BGM Hub. Nur zusammengefasste Zahlen, keine Namen; Teilnahmezahlen unter ${k} Personen werden nicht ausgewiesen („< ${k}“).`,
  );
  return renderPdf(doc);
}
