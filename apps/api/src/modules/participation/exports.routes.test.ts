import { participationSettings } from "@bgm/db";
import type { InsuranceReport } from "@bgm/domain";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, type TestApp } from "../../../test/helpers.js";
import { makeReportWorld, type ReportWorld } from "../../../test/participation-exports-fixtures.js";
import { pdfLines, pdfText } from "../../../test/pdf-text.js";

/**
 * The participation reports against the fixture's hand-worked figures (participation-exports-fixtures.ts):
 * 2025 reached 15 of 20 employees; Rückenfit 9 people, Stressbewältigung 3 (withheld; its people all took
 * Rückenfit too, so "behavioural" is 9 and gives nothing away), Ergonomie-Beratung 6.
 */
let t: TestApp;
let w: ReportWorld;
const PERIOD = "from=2025-01-01&to=2025-12-31";

// The world is made through the API (sign-ups, an engagement, a delivered result): slow on a busy machine.
beforeAll(async () => {
  t = await createTestApp();
  w = await makeReportWorld(t);
}, 240_000);
afterAll(() => t.close());

const byTitle = (r: InsuranceReport, title: string) => r.interventions.find((i) => i.title === title);

describe("insurer report (§20b SGB V)", () => {
  it("has the GKV dimensions with the figures of the data", async () => {
    const res = await w.manager.api.get(`/api/participation/insurance-report?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const r = res.json() as InsuranceReport;
    expect(r.period).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(r.company).toMatchObject({
      name: "Muster Maschinenbau GmbH",
      headCount: 20,
      industry: { key: "C" },
      sizeClass: { key: "10to49" },
    });
    expect(r.reach).toEqual({ peopleReached: { value: 15, suppressed: false }, interventions: 3, sessions: 16, reachRate: 0.75 });
    expect(r.interventions.map((i) => [i.title, i.sessions, i.participants])).toEqual([
      ["Rückenfit", 10, { value: 9, suppressed: false }],
      ["Stressbewältigung", 4, { value: null, suppressed: true }],
      ["Ergonomie-Beratung", 2, { value: 6, suppressed: false }],
    ]);
    expect(byTitle(r, "Rückenfit")).toMatchObject({
      category: "movement",
      provider: "Upfit GmbH",
      certificationId: "KU-ZPP-20250301",
      targetGroup: "Produktion",
      firstSession: "2025-03-03",
      lastSession: "2025-05-05",
    });
    expect(byTitle(r, "Ergonomie-Beratung")).toMatchObject({ provider: null, targetGroup: "Alle Beschäftigten", approach: "structural" });
    expect(r.fieldsOfAction.map((f) => [f.key, f.interventions, f.participants.value])).toEqual([
      ["work_design", 1, 6],
      ["stress_resources", 1, null],
      ["movement", 1, 9],
    ]);
    expect(r.approaches.map((a) => [a.key, a.interventions, a.participants.value])).toEqual([
      ["behavioural", 2, 9],
      ["structural", 1, 6],
    ]);
    expect(r.targetGroups).toEqual([
      { label: "Alle Beschäftigten", interventions: 1 },
      { label: "Führungskräfte", interventions: 1 },
      { label: "Produktion", interventions: 1 },
    ]);
    expect(r.steeringCommittee.exists).toBe(true);
    const survey = r.needsAnalysis.find((n) => n.method === "employee_survey");
    expect(survey?.done).toBe(true);
    expect(survey?.evidence[0]).toMatchObject({ provider: "Upfit GmbH", date: "2026-10-23" });
    expect(survey?.evidence[0]?.detail).toContain("84 von 120 Beschäftigten");
    expect(r.needsAnalysis.find((n) => n.method === "sick_leave_analysis")?.done).toBe(false);
    expect(r.successCheck.find((s) => s.method === "effectiveness_measured")?.done).toBe(true);
    expect(r.successCheck.find((s) => s.method === "goals_reviewed")).toMatchObject({
      done: true,
      detail: "2 Ziele: 1 erreicht, 1 in Arbeit, 0 verworfen",
    });
    // Nothing about a person: no employee id, no name.
    for (const id of w.employeeIds) expect(res.body).not.toContain(id);
    expect(res.body).not.toMatch(/Vorname|Nachname/);
  });

  it("an empty period is a report with zeros, not an error", async () => {
    const r = (await w.manager.api.get("/api/participation/insurance-report?from=2023-01-01&to=2023-12-31")).json() as InsuranceReport;
    expect(r.reach).toMatchObject({ peopleReached: { value: 0, suppressed: false }, interventions: 0, sessions: 0, reachRate: null });
    expect(r.interventions).toEqual([]);
  });

  it("CSV: excel dialect (BOM, `;`), server-made file name, the same figures, withheld ones as a word", async () => {
    const res = await w.manager.api.get(`/api/participation/insurance-report/export?format=csv&${PERIOD}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(
      'attachment; filename="bgf-bericht-muster-maschinenbau-gmbh-2025-01-01-bis-2025-12-31.csv"',
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(res.body, { delimiter: ";", bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(value("Unternehmen")).toBe("Muster Maschinenbau GmbH");
    expect(value("Branche (WZ 2008)")).toBe("C – Verarbeitendes Gewerbe");
    expect(value("Beschäftigte (Mitarbeiterverzeichnis)")).toBe("20");
    expect(value("Betriebsgröße")).toBe("10 bis 49 Beschäftigte");
    expect(value("Berichtszeitraum")).toBe("01.01.2025 – 31.12.2025");
    expect(value("Erreichte Beschäftigte (mindestens ein Termin besucht)")).toBe("15");
    expect(value("Anteil an allen Beschäftigten")).toBe("75 %");
    expect(value("Durchgeführte Termine")).toBe("16");
    expect(value("Steuerungskreis vorhanden")).toBe("ja");
    const header = rows.findIndex((r) => r[0] === "Maßnahme");
    const list = rows.slice(header + 1, header + 4);
    const col = (rows[header] as string[]).indexOf("Teilnehmende");
    expect(list.map((r) => [r[0], r[7], r[col]])).toEqual([
      ["Rückenfit", "10", "9"],
      ["Stressbewältigung", "4", "unterdrückt"],
      ["Ergonomie-Beratung", "2", "6"],
    ]);
    expect(list[0]).toEqual([
      "Rückenfit",
      "Bewegung",
      "Bewegungsförderliches Arbeiten und körperlich aktive Beschäftigte",
      "verhaltensbezogen",
      "Produktion",
      "Upfit GmbH",
      "KU-ZPP-20250301",
      "10",
      "03.03.2025",
      "05.05.2025",
      "9",
    ]);
    const fields = rows.find((r) => r[1] === "Stressbewältigung und Ressourcenstärkung");
    expect(fields?.[3]).toBe("unterdrückt");
    expect(rows.find((r) => r[0] === "Verhältnisbezogen")).toEqual(["Verhältnisbezogen", "1", "6"]);
    // No people figure below the minimum group size appears as a number anywhere.
    const peopleCells = [...list.map((r) => r[col]), ...rows.filter((r) => r.length === 4 && r[0] !== "Handlungsfeld").map((r) => r[3])];
    for (const cell of peopleCells) expect(cell === "unterdrückt" || Number(cell) === 0 || Number(cell) >= 5).toBe(true);
  });

  it("XLSX: two sheets, numbers as numbers, withheld figures as the word", async () => {
    const res = await w.manager.api.get(`/api/participation/insurance-report/export?format=xlsx&${PERIOD}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers["content-disposition"]).toMatch(/filename="bgf-bericht-muster-maschinenbau-gmbh-2025-01-01-bis-2025-12-31\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Übersicht", "Maßnahmen"]);
    const overview = wb.getWorksheet("Übersicht") as ExcelJS.Worksheet;
    const find = (label: string) => {
      let found: ExcelJS.CellValue = null;
      overview.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    expect(find("Unternehmen")).toBe("Muster Maschinenbau GmbH");
    expect(find("Beschäftigte (Mitarbeiterverzeichnis)")).toBe(20);
    expect(find("Erreichte Beschäftigte (mindestens ein Termin besucht)")).toBe(15);
    const sheet = wb.getWorksheet("Maßnahmen") as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    const col = header.indexOf("Teilnehmende") + 1;
    const rows = [2, 3, 4].map((n) => [
      sheet.getRow(n).getCell(1).value,
      sheet.getRow(n).getCell(8).value,
      sheet.getRow(n).getCell(col).value,
    ]);
    expect(rows).toEqual([
      ["Rückenfit", 10, 9],
      ["Stressbewältigung", 4, "unterdrückt"],
      ["Ergonomie-Beratung", 2, 6],
    ]);
    expect(sheet.rowCount).toBe(4);
  });

  it("PDF: a PDF in German with company, period, the date it was made and the figures", async () => {
    const res = await w.manager.api.get(`/api/participation/insurance-report/export?format=pdf&${PERIOD}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(/filename="bgf-bericht-muster-maschinenbau-gmbh-2025-01-01-bis-2025-12-31\.pdf"/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const lines = pdfLines(res.rawPayload);
    const text = pdfText(res.rawPayload);
    expect(text).toContain("Dokumentation Betriebliche Gesundheitsförderung nach § 20b SGB V");
    expect(lines.find((l) => l.startsWith("Muster Maschinenbau GmbH · Berichtszeitraum"))).toMatch(
      /^Muster Maschinenbau GmbH · Berichtszeitraum 01\.01\.2025 bis 31\.12\.2025 · erstellt am \d{1,2}\. \S+ \d{4}/,
    );
    expect(lines).toContain("Branche (WZ 2008) | C – Verarbeitendes Gewerbe");
    expect(lines).toContain("Erreichte Beschäftigte (mindestens ein Termin besucht) | 15");
    expect(lines).toContain("Steuerungskreis vorhanden | ja");
    const row = (title: string) => lines.find((l) => l.startsWith(`${title} |`)) ?? "";
    expect(row("Rückenfit")).toMatch(/\| Upfit GmbH \| KU-ZPP-20250301 \| 10 \| 03\.03\.2025 \| 05\.05\.2025 \| 9$/);
    expect(row("Stressbewältigung")).toMatch(/\| 4 \| 02\.06\.2025 \| 23\.06\.2025 \| unterdrückt$/);
    expect(row("Ergonomie-Beratung")).toMatch(/\| 2 \| 10\.09\.2025 \| 17\.09\.2025 \| 6$/);
    expect(text).toContain("als „unterdrückt“ gekennzeichnet");
  });

  it("every download is audited as an export", async () => {
    const audit = (await w.manager.api.get("/api/audit?limit=100")).json() as {
      items: { action: string; details: Record<string, unknown> }[];
    };
    const exports = audit.items.filter((a) => a.action === "participation.insurance_report_exported");
    expect(exports.map((e) => e.details.format).sort()).toEqual(["csv", "pdf", "xlsx"]);
    expect(exports[0]?.details).toMatchObject({ from: "2025-01-01", to: "2025-12-31", interventions: 3 });
  });

  it("bad period or format: 400 with the agreed error body", async () => {
    for (const url of [
      "/api/participation/insurance-report?from=2025-12-31&to=2025-01-01",
      "/api/participation/insurance-report?from=2020-01-01&to=2025-01-01",
      "/api/participation/insurance-report?from=2025-01-01",
      "/api/participation/insurance-report/export?format=docx&from=2025-01-01&to=2025-12-31",
      "/api/participation/insurance-report/export?from=2025-01-01&to=2025-12-31",
    ]) {
      const res = await w.manager.api.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error).toMatchObject({ code: "validation_failed", message: expect.any(String) });
      expect(res.json().error.details.issues.length).toBeGreaterThan(0);
    }
  });
});

describe("§20 participation certificates", () => {
  it("lists my certified courses with the 80 % rule worked out", async () => {
    const res = await w.employee1.api.get("/api/me/certificates");
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((c: Record<string, unknown>) => [
          c.title,
          c.attendedSessions,
          c.countedSessions,
          c.requiredSessions,
          c.upcomingSessions,
          c.reason,
        ]),
    ).toEqual([
      ["Pilates", 0, 1, 1, 0, "too_few_sessions"],
      ["Rückenfit", 8, 10, 8, 0, "available"],
      ["Stressbewältigung", 4, 4, 4, 0, "available"],
      ["Yoga am Mittag", 1, 1, 1, 1, "course_running"],
    ]);
    const mine2 = (await w.employee2.api.get("/api/me/certificates")).json().items;
    expect(mine2.map((c: Record<string, unknown>) => [c.title, c.attendedSessions, c.available])).toEqual([
      ["Rückenfit", 7, false],
      ["Stressbewältigung", 4, true],
    ]);
  });

  it("downloads my certificate with name, course, ZPP id, provider, dates and company", async () => {
    const res = await w.employee1.api.get(`/api/me/certificates/${w.ids.rueckenfit}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="teilnahmebescheinigung-${w.ids.rueckenfit.slice(0, 8)}.pdf"`);
    const lines = pdfLines(res.rawPayload);
    expect(lines).toContain("Teilnahmebescheinigung");
    expect(lines).toContain("Vorname1 Nachname1");
    expect(lines).toContain("beschäftigt bei Muster Maschinenbau GmbH, an folgendem Kurs teilgenommen hat:");
    expect(lines).toContain("Kurs | Rückenfit");
    expect(lines).toContain("Zertifizierung (ZPP-Kurs-ID) | KU-ZPP-20250301");
    expect(lines).toContain("Kursanbieter | Upfit GmbH");
    expect(lines).toContain("Teilnahme | 8 von 10 Kursterminen");
    // The eight attended dates (the cancelled session and the two no-shows are not among them).
    const dates = pdfText(res.rawPayload).match(/\d{2}\.\d{2}\.2025/g);
    expect(dates).toEqual(["03.03.2025", "10.03.2025", "17.03.2025", "24.03.2025", "31.03.2025", "07.04.2025", "14.04.2025", "21.04.2025"]);
    const audit = (await w.manager.api.get("/api/audit?limit=100")).json().items as { action: string; entityId: string }[];
    expect(audit.some((a) => a.action === "participation.certificate_downloaded" && a.entityId === w.ids.rueckenfit)).toBe(true);
  });

  it("my own course below 80 % or still running: 409 with the figures", async () => {
    const res = await w.employee2.api.get(`/api/me/certificates/${w.ids.rueckenfit}/pdf`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "conflict",
      details: { reason: "too_few_sessions", attendedSessions: 7, countedSessions: 10, requiredSessions: 8 },
    });
    const running = await w.employee1.api.get(`/api/me/certificates/${w.ids.yoga}/pdf`);
    expect(running.statusCode).toBe(409);
    expect(running.json().error.details.reason).toBe("course_running");
  });

  it("only the person themselves: another employee, the manager, a partner, company B and anonymous get nothing", async () => {
    const url = `/api/me/certificates/${w.ids.rueckenfit}/pdf`;
    // e2 is not in Yoga (e1's course): the same 404 as for an unknown id.
    expect((await w.employee2.api.get(`/api/me/certificates/${w.ids.yoga}/pdf`)).statusCode).toBe(404);
    expect((await w.employee1.api.get(`/api/me/certificates/${w.ids.uncertified}/pdf`)).statusCode).toBe(404);
    expect((await w.employee1.api.get(`/api/me/certificates/${w.ids.foreign}/pdf`)).statusCode).toBe(404);
    expect((await w.employee1.api.get("/api/me/certificates/00000000-0000-4000-8000-000000000000/pdf")).statusCode).toBe(404);
    const manager = await w.manager.api.get(url);
    expect(manager.statusCode).toBe(404);
    expect(manager.json().error.code).toBe("not_found");
    expect((await w.other.api.get(url)).statusCode).toBe(404);
    for (const partner of [w.partner, w.uninvolved]) {
      const res = await partner.api.get(url);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("forbidden");
    }
    expect((await api(t.app).get(url)).statusCode).toBe(401);
    expect((await w.manager.api.get("/api/me/certificates")).statusCode).toBe(404);
    expect((await w.partner.api.get("/api/me/certificates")).statusCode).toBe(403);
  });
});

describe("tax-free health budget (§3 Nr. 34 EStG)", () => {
  it("cost per participant, each employee's certified sum for the year, near and over the limit", async () => {
    const res = await w.manager.api.get("/api/participation/health-budget?year=2025");
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b).toMatchObject({ year: 2025, limitCents: 60_000, nearShare: 0.8, summary: { employees: 9, near: 6, over: 3 } });
    const row = (title: string) => b.interventions.find((i: { title: string }) => i.title === title);
    expect(row("Rückenfit")).toMatchObject({
      certified: true,
      costCents: 480_000,
      participants: 9,
      participantsInYear: 9,
      costPerParticipantCents: 53_333,
    });
    expect(row("Stressbewältigung")).toMatchObject({ certified: true, participants: 3, costPerParticipantCents: 30_000 });
    expect(row("Ergonomie-Beratung")).toMatchObject({ certified: false, participants: 6, costPerParticipantCents: 20_000 });
    expect(row("Yoga am Mittag")).toMatchObject({ participants: 1, participantsInYear: 0, costPerParticipantCents: 30_000 });
    expect(row("Obsttag")).toMatchObject({ costCents: null, participants: 1, costPerParticipantCents: null });
    expect(row("Pilates")).toBeUndefined();
    const first = b.employees[0];
    expect(first).toMatchObject({ firstName: "Vorname1", lastName: "Nachname1", totalCents: 83_333, status: "over" });
    expect(first.items.map((i: { title: string; cents: number }) => [i.title, i.cents])).toEqual([
      ["Rückenfit", 53_333],
      ["Stressbewältigung", 30_000],
    ]);
    expect(b.employees.map((e: { lastName: string; status: string }) => `${e.lastName}:${e.status}`)).toEqual([
      "Nachname1:over",
      "Nachname2:over",
      "Nachname3:over",
      ...[4, 5, 6, 7, 8, 9].map((n) => `Nachname${n}:near`),
    ]);
    // Ergonomie-Beratung is not certified: e10–e15 have no tax-free amount.
    expect(b.employees.some((e: { employeeId: string }) => e.employeeId === w.employeeIds[9])).toBe(false);
  });

  it("another year has its own sums; a bad year is a 400", async () => {
    const b = (await w.manager.api.get("/api/participation/health-budget?year=2024")).json();
    expect(b.employees.map((e: { lastName: string; totalCents: number; status: string }) => [e.lastName, e.totalCents, e.status])).toEqual([
      ["Nachname1", 30_000, "ok"],
    ]);
    expect((await w.manager.api.get("/api/participation/health-budget?year=zwei")).statusCode).toBe(400);
  });
});

describe("a company that raised its minimum group size", () => {
  it("gets its own minimum applied: 9 people are withheld at 10", async () => {
    await t.database.db.insert(participationSettings).values({ orgId: w.manager.orgId, minGroupSize: 10 });
    const r = (await w.manager.api.get(`/api/participation/insurance-report?${PERIOD}`)).json() as InsuranceReport;
    expect(r.minGroupSize).toBe(10);
    expect(r.reach.peopleReached).toEqual({ value: 15, suppressed: false });
    expect(r.interventions.map((i) => i.participants.value)).toEqual([null, null, null]);
    const csv = (await w.manager.api.get(`/api/participation/insurance-report/export?format=csv&${PERIOD}`)).body;
    expect(csv).toContain("Zahlen über weniger als 10 Personen");
  });
});
