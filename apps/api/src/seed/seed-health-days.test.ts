import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, api, createTestApp, signIn, type TestApp } from "../../test/helpers.js";
import { DEMO_PASSWORD } from "./demo-logins.js";
import { seedDemo } from "./seed-demo.js";

/** The demo world's health day: Petra finds "Fit for Work" planned, with stations waiting for the providers. */
let t: TestApp;
let petra: Api;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, t.app.auth);
  petra = api(t.app, await signIn(t.app, "petra.manager@muster-gmbh.de", DEMO_PASSWORD));
}, 300_000);
afterAll(() => t?.close());

describe("health day demo data", () => {
  it("gives Muster GmbH 'Fit for Work' in preparation: three stations with slots, booking requested, no conflicts", async () => {
    const list = (await petra.get("/api/health-days")).json().items as { id: string; title: string; status: string; moduleCount: number }[];
    expect(list.map((d) => [d.title, d.status, d.moduleCount])).toEqual([["Fit for Work", "preparation", 3]]);
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
});
