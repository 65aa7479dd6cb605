import { auditLog, offering } from "@bgm/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Api, api, createTestApp, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { pdfText } from "../../../test/pdf-text.js";
import { addPerson, expectOk, type Person, startsIn } from "../participation/test-fixtures.js";
import { type DayWorld, dayWithSlots, openRegistration } from "./report.test-fixtures.js";

/**
 * A health day's slots managed like sessions (ADR 0014 Consequences: the manager's session routes),
 * and the post-event report from the attendance taken there: JSON, PDF, recommendations.
 */

let t: TestApp;
let w: DayWorld;
const people: Person[] = [];
const berlinDate = (offsetDays: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date(Date.now() + offsetDays * 24 * 3_600_000));
const later = berlinDate(2);
let slotA: string;
let slotB: string;

async function publishedOffering(): Promise<string> {
  const partner = await signUpProvider(t.app, { name: "Rückenpause GmbH" });
  const [row] = await t.database.db
    .insert(offering)
    .values({
      orgId: partner.orgId,
      title: "Rückenscreening",
      category: "health_day_module",
      deliveryMode: "on_site",
      priceFromCents: 90_000,
      priceUnit: "per_day",
      capacity: 20,
      status: "published",
      providerName: "Rückenpause GmbH",
    })
    .returning({ id: offering.id });
  return row?.id as string;
}

const settle = () => new Promise((r) => setTimeout(r, 50));

beforeAll(async () => {
  t = await createTestApp();
  w = await dayWithSlots(t, {
    // From yesterday: a slot moved to "now" below stays within the day even just after midnight in Germany.
    startsOn: berlinDate(-1),
    endsOn: berlinDate(3),
    offeringId: await publishedOffering(),
    slots: [
      { startsAt: `${later}T08:00:00Z`, endsAt: `${later}T09:00:00Z`, capacity: 2, waitlistEnabled: true },
      { startsAt: `${later}T10:00:00Z`, endsAt: `${later}T11:00:00Z`, capacity: 10 },
    ],
  });
  [slotA, slotB] = w.slotIds as [string, string];
  await openRegistration(w);
  for (const [firstName, lastName] of [
    ["Anna", "Achterberg"],
    ["Bernd", "Brockmann"],
    ["Clara", "Czerny"],
    ["Dieter", "Dahl"],
  ] as const) {
    people.push(await addPerson(t, w.manager, { account: true, firstName, lastName }));
  }
  const [anna, bernd, clara, dieter] = people as [Person, Person, Person, Person];
  for (const [p, slot] of [
    [anna, slotA],
    [bernd, slotA],
    [clara, slotA],
    [dieter, slotB],
  ] as const) {
    const res = await (p.as as Api).post(`/api/me/health-days/${w.dayId}/slots/${slot}/registration`);
    expectOk(res, 201, "register");
  }
});
afterAll(() => t?.close());
beforeEach(() => {
  t.mails.length = 0;
});

describe("a health-day slot through the manager's session routes", () => {
  it("changes its place: the answer names station and day, registered people get the updated calendar file", async () => {
    const res = await w.asManager.patch(`/api/participation-sessions/${slotA}`, { location: "Raum 2.14" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: "health_day_slot",
      healthDayId: w.dayId,
      healthDayTitle: "Fit for Work",
      stationId: w.stationId,
      stationTitle: "Rückenscreening",
      session: { id: slotA, interventionId: null, location: "Raum 2.14", counts: { registered: 2, waitlisted: 1 } },
    });
    await settle();
    const [anna, , clara] = people as [Person, Person, Person];
    const toAnna = t.mails.find((m) => m.to === anna.email);
    expect(toAnna?.subject).toBe("BGM Hub: Termin geändert – Fit for Work – Rückenscreening");
    expect(toAnna?.attachments?.[0]?.content).toMatch(/SEQUENCE:1\r?\n/);
    expect(toAnna?.attachments?.[0]?.content).toContain("LOCATION:Raum 2.14");
    // Waiting: a mail without a calendar file.
    expect(t.mails.find((m) => m.to === clara.email)?.attachments).toBeUndefined();
    const audit = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, slotA), eq(auditLog.action, "participation.session_updated")));
    expect(audit[0]?.details).toMatchObject({ healthDayModuleId: w.stationId, fields: ["location"] });
  });

  it("refuses a capacity below the places held, as for any session, and a change that clashes with the day's timeline", async () => {
    const res = await w.asManager.patch(`/api/participation-sessions/${slotA}`, { capacity: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "capacity_below_places", details: { placesTaken: 2 } });
    const kinds = async (patch: Record<string, unknown>) => {
      const r = await w.asManager.patch(`/api/participation-sessions/${slotA}`, patch);
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json().error.code).toBe("slot_conflict");
      return r.json().error.details.conflicts.map((c: { kind: string; otherSlotId: string | null }) => [c.kind, c.otherSlotId]);
    };
    // Onto slot B's time in B's room: the same room, and the provider twice at once.
    expect(await kinds({ startsAt: `${later}T10:30:00Z`, endsAt: `${later}T11:30:00Z`, location: "Kantine" })).toEqual([
      ["same_room", slotB],
      ["same_provider", slotB],
    ]);
    expect(await kinds({ capacity: 25 })).toEqual([["over_capacity", null]]);
    expect(await kinds({ startsAt: "2099-01-01T10:00:00Z", endsAt: "2099-01-01T11:00:00Z" })).toEqual([["outside_day", null]]);
    // Nothing changed, nobody was mailed.
    const read = (await w.asManager.get(`/api/health-days/${w.dayId}`)).json();
    expect(read.modules[0].slots[0]).toMatchObject({ id: slotA, capacity: 2, location: "Raum 2.14" });
    await settle();
    expect(t.mails).toEqual([]);
  });

  it("takes attendance: the list names the station and day, marks count in its summary", async () => {
    await startsIn(w.asManager, slotA, -5);
    const list = await w.asManager.get(`/api/participation-sessions/${slotA}/attendance`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({
      interventionTitle: "Fit for Work – Rückenscreening",
      healthDay: { healthDayId: w.dayId, healthDayTitle: "Fit for Work", stationId: w.stationId, stationTitle: "Rückenscreening" },
      session: { interventionId: null },
    });
    expect(list.json().rows.map((r: { lastName: string; status: string }) => [r.lastName, r.status])).toEqual([
      ["Achterberg", "registered"],
      ["Brockmann", "registered"],
      ["Czerny", "waitlisted"],
    ]);
    const [anna, bernd] = people as [Person, Person];
    expectOk(
      await w.asManager.put(`/api/participation-sessions/${slotA}/attendance/${anna.employeeId}`, { status: "attended" }),
      200,
      "mark",
    );
    const marked = await w.asManager.put(`/api/participation-sessions/${slotA}/attendance/${bernd.employeeId}`, { status: "no_show" });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().summary).toEqual({ attended: 1, expected: 2, rate: 0.5 });
  });

  it("cancels a slot: a cancelling calendar file to the people in it; the answer is the slot", async () => {
    const res = await w.asManager.post(`/api/participation-sessions/${slotB}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: "health_day_slot",
      stationTitle: "Rückenscreening",
      session: { id: slotB, status: "cancelled" },
    });
    await settle();
    const dieter = people[3] as Person;
    expect(t.mails.find((m) => m.to === dieter.email)?.attachments?.[0]?.content).toContain("METHOD:CANCEL");
    expect((await w.asManager.post(`/api/participation-sessions/${slotB}/cancel`)).statusCode).toBe(200);
  });
});

describe("the post-event report", () => {
  it("counts per station and slot, totals against the headcount, costs against the budget, and recommends", async () => {
    const res = await w.asManager.get(`/api/health-days/${w.dayId}/report`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ healthDayId: w.dayId, title: "Fit for Work", status: "registration_open" });
    expect(r.stations).toHaveLength(1);
    expect(r.stations[0]).toMatchObject({
      title: "Rückenscreening",
      providerName: "Rückenpause GmbH",
      // Slot B was cancelled: listed, not summed.
      capacity: 2,
      registered: 2,
      attended: 1,
      noShow: 1,
      waitlisted: 1,
      noShowRate: 0.5,
      utilization: 1,
    });
    expect(
      r.stations[0].slots.map((s: { slotId: string; status: string; registered: number }) => [s.slotId, s.status, s.registered]),
    ).toEqual([
      [slotA, "scheduled", 2],
      [slotB, "cancelled", 1],
    ]);
    expect(r.totals).toMatchObject({ people: 2, expectedHeadcount: 120, attended: 1, noShow: 1, reachedShare: 2 / 120 });
    expect(r.budget).toMatchObject({ budgetCents: 500_000, plannedCents: 90_000 });
    expect(r.recommendations.map((x: { kind: string }) => x.kind)).toEqual(["add_slot", "send_reminder", "below_headcount"]);
    expect(r.recommendations[0].text).toMatch(/^Rückenscreening war um \d\d:\d\d ausgebucht — einen weiteren Slot einplanen$/);
    expect(JSON.stringify(r)).not.toMatch(/Achterberg|Brockmann|Czerny|Dahl/);
  });

  it("downloads as a PDF with the figures and no names, audited", async () => {
    const res = await w.asManager.get(`/api/health-days/${w.dayId}/report.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="gesundheitstag-Fit-for-Work-${berlinDate(-1)}.pdf"`);
    const text = pdfText(res.rawPayload);
    expect(text).toContain("Auswertung Gesundheitstag");
    expect(text).toContain("Rückenscreening");
    expect(text).toContain("ausgebucht");
    expect(text).toContain("Muster GmbH");
    expect(text).not.toMatch(/Achterberg|Brockmann|Czerny|Dahl|Anna|Bernd/);
    const audit = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w.dayId), eq(auditLog.action, "health_days.report_exported")));
    expect(audit.map((a) => a.details)).toEqual([{ format: "pdf" }]);
  });

  it("is the manager's: employees 403, other companies and unknown days 404", async () => {
    const anna = people[0] as Person;
    expect((await (anna.as as Api).get(`/api/health-days/${w.dayId}/report`)).statusCode).toBe(403);
    expect((await (anna.as as Api).get(`/api/health-days/${w.dayId}/report.pdf`)).statusCode).toBe(403);
    const stranger = api(t.app, (await signUpCompany(t.app, { name: "Fremd GmbH" })).cookie);
    expect((await stranger.get(`/api/health-days/${w.dayId}/report`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/health-days/${w.dayId}/report.pdf`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/participation-sessions/${slotA}/attendance`)).statusCode).toBe(404);
    expect((await stranger.patch(`/api/participation-sessions/${slotA}`, { location: "x" })).statusCode).toBe(404);
    expect((await w.asManager.get("/api/health-days/00000000-0000-4000-8000-000000000000/report")).statusCode).toBe(404);
  });

  it("a slot of a cancelled day cannot change any more", async () => {
    expectOk(await w.asManager.post(`/api/health-days/${w.dayId}/transitions`, { action: "cancel" }), 200, "cancel day");
    const res = await w.asManager.patch(`/api/participation-sessions/${slotA}`, { location: "Kantine" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("session_cancelled");
    const reopen = await w.asManager.post(`/api/participation-sessions/${slotB}/reopen`);
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().error.code).toBe("health_day_cancelled");
  });
});
