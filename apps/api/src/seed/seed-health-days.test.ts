import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoTestApp } from "../../test/demo-app.js";
import type { Api, TestApp } from "../../test/helpers.js";

/** The demo world's health day: Petra finds "Fit for Work" planned, with stations waiting for the providers. */
let t: TestApp;
let petra: Api;

beforeAll(async () => {
  ({ t, petra } = await createDemoTestApp());
}, 300_000);
afterAll(() => t?.close());

describe("health day demo data", () => {
  it("gives Muster GmbH 'Fit for Work' in preparation: three stations with slots, booking requested, no conflicts", async () => {
    const list = (await petra.get("/api/health-days")).json().items as { id: string; title: string; status: string; moduleCount: number }[];
    // Latest day first: the planned one ahead, then the past one.
    expect(list.map((d) => [d.title, d.status, d.moduleCount])).toEqual([
      ["Fit for Work", "preparation", 3],
      ["Gesundheitstag Frühjahr", "done", 2],
    ]);
    const day = (await petra.get(`/api/health-days/${list[0]?.id}`)).json();
    expect(day.card.headline).toMatch(/^Fit for Work · .+ · Budget 5\.000 €$/);
    expect(day.card.lines.map((l: { text: string }) => l.text)).toEqual([
      "09:00 Rückenscreening (Rückenpause GmbH) ⏳",
      "10:00 Stress-Messung (cardioscan) ⏳",
      "14:00 Ergonomie-Station für den Gesundheitstag (ErgoProfi) ⏳",
    ]);
    expect(day.card.registrations.text).toBe("Anmeldungen: 0/120 (0 %)");
    expect(day.modules.map((m: { slots: unknown[] }) => m.slots.length)).toEqual([3, 3, 2]);
    expect(day.conflicts).toEqual([]);
    expect(day.budget).toMatchObject({ budgetCents: 500_000, plannedCents: 95_000 + 110_000 + 70_000, bookedCents: 0, warnings: [] });
  });

  it("gives Muster GmbH a past day, done, whose report has attendance and recommendations", async () => {
    const list = (await petra.get("/api/health-days?status=done")).json().items as { id: string; title: string }[];
    expect(list.map((d) => d.title)).toEqual(["Gesundheitstag Frühjahr"]);
    const res = await petra.get(`/api/health-days/${list[0]?.id}/report`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.totals).toMatchObject({ capacity: 46, registered: 39, attended: 30, noShow: 9, waitlisted: 3, expectedHeadcount: 80 });
    expect(r.stations.map((s: { title: string; attended: number }) => [s.title, s.attended])).toEqual([
      ["Rückenscreening", 21],
      ["Stress-Messung", 9],
    ]);
    expect(r.recommendations.map((x: { text: string }) => x.text)).toContain(
      "Rückenscreening war um 10:00 ausgebucht — einen weiteren Slot einplanen",
    );
    expect(r.recommendations.map((x: { kind: string }) => x.kind)).toContain("send_reminder");
    // Anonymous feedback above the minimum group size, so the report's feedback section is not empty.
    expect(
      r.stations.map((s: { feedback: { suppressed: boolean; answers: number | null } }) => [s.feedback.suppressed, s.feedback.answers]),
    ).toEqual([
      [false, 12],
      [false, 6],
    ]);
    expect(r.stations[0].feedback.average).toBe(4.2);
    const pdf = await petra.get(`/api/health-days/${list[0]?.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
  });
});
