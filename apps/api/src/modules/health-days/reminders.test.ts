import { auditLog, healthDayReminder, offering } from "@bgm/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Api, createTestApp, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { addPerson, expectOk, type Person } from "../participation/test-fixtures.js";
import { runHealthDayReminders } from "./index.js";
import { tomorrowInGermany } from "./reminders.js";
import { type DayWorld, dayWithSlots, openRegistration } from "./report.test-fixtures.js";

/**
 * The reminder the day before: everyone holding a place in a slot of tomorrow (in Germany) gets one
 * mail with the slot's calendar file, once — across runs, restarts and two nodes at once.
 */

let t: TestApp;
let w: DayWorld;
const people: Person[] = [];
const day = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString().slice(0, 10);
/** Noon in Germany the day before the health day (11:00 UTC in winter, 10:00 in summer: both that day). */
const dayBefore = new Date(`${new Date(Date.parse(`${day}T00:00:00Z`) - 24 * 3_600_000).toISOString().slice(0, 10)}T10:30:00Z`);

const run = (now: Date) =>
  runHealthDayReminders(
    {
      db: t.database.db,
      mailer: t.app.mailer,
      log: t.app.log,
      calendar: { appUrl: t.app.config.appUrl, organizerEmail: "noreply@bgm-hub.test" },
    },
    now,
  );
const settle = () => new Promise((r) => setTimeout(r, 50));

async function publishedOffering(t: TestApp, title = "Rückenscreening", capacity = 20): Promise<string> {
  const partner = await signUpProvider(t.app, { name: "Rückenpause GmbH" });
  const [row] = await t.database.db
    .insert(offering)
    .values({
      orgId: partner.orgId,
      title,
      category: "health_day_module",
      deliveryMode: "on_site",
      priceFromCents: 90_000,
      priceUnit: "per_day",
      capacity,
      status: "published",
      providerName: "Rückenpause GmbH",
    })
    .returning({ id: offering.id });
  return row?.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await dayWithSlots(t, {
    startsOn: day,
    offeringId: await publishedOffering(t),
    slots: [
      { startsAt: `${day}T08:00:00Z`, endsAt: `${day}T09:00:00Z`, capacity: 2, waitlistEnabled: true },
      { startsAt: `${day}T09:00:00Z`, endsAt: `${day}T10:00:00Z`, capacity: 5 },
    ],
  });
  await openRegistration(w);
  for (const firstName of ["Anna", "Bernd", "Clara"]) people.push(await addPerson(t, w.manager, { account: true, firstName }));
  for (const p of people) {
    const res = await (p.as as Api).post(`/api/me/health-days/${w.dayId}/slots/${w.slotIds[0]}/registration`);
    expectOk(res, 201, "register");
  }
});
afterAll(() => t?.close());
beforeEach(() => {
  t.mails.length = 0;
});

describe("the reminder the day before", () => {
  it("knows tomorrow in Germany, across the change of the clocks", () => {
    // 23:30 UTC on 28 March 2026 is already Sunday 29 March in Germany (the clocks go forward that night).
    expect(tomorrowInGermany(new Date("2026-03-28T23:30:00Z"))).toEqual({
      from: new Date("2026-03-29T22:00:00Z"),
      to: new Date("2026-03-30T22:00:00Z"),
    });
    expect(tomorrowInGermany(new Date("2026-12-02T12:00:00Z"))).toEqual({
      from: new Date("2026-12-02T23:00:00Z"),
      to: new Date("2026-12-03T23:00:00Z"),
    });
  });

  it("is not sent two days before", async () => {
    const out = await run(new Date(dayBefore.getTime() - 24 * 3_600_000));
    expect(out.reminded).toBe(0);
    await settle();
    expect(t.mails).toEqual([]);
  });

  it("mails everyone holding a place once, with the slot's calendar file; waiting people get none", async () => {
    const out = await run(dayBefore);
    expect(out).toMatchObject({ reminded: 2, failed: 0 });
    await settle();
    const [anna, bernd, clara] = people as [Person, Person, Person];
    expect(t.mails.map((m) => m.to).sort()).toEqual([anna.email, bernd.email].sort());
    expect(t.mails.some((m) => m.to === clara.email)).toBe(false);
    const mail = t.mails[0];
    expect(mail?.subject).toBe("BGM Hub: Erinnerung – morgen Fit for Work – Rückenscreening");
    expect(mail?.text).toContain("Morgen sind Sie für „Fit for Work – Rückenscreening“ angemeldet.");
    const ics = mail?.attachments?.[0]?.content ?? "";
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain("SUMMARY:Fit for Work – Rückenscreening");
    expect(ics).toContain(`UID:participation-session-${w.slotIds[0]}@`);

    const audit = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w.dayId), eq(auditLog.action, "health_days.reminders_sent")));
    expect(audit.map((a) => a.details)).toEqual([{ moduleId: w.stationId, sessionId: w.slotIds[0], reminded: 2 }]);
  });

  it("is idempotent across runs and two nodes at once; someone moving up later is reminded on the next run", async () => {
    const twice = await Promise.all([run(dayBefore), run(new Date(dayBefore.getTime() + 60_000))]);
    expect(twice.map((r) => r.reminded)).toEqual([0, 0]);
    await settle();
    expect(t.mails).toEqual([]);

    // Anna gives her place up: Clara moves up from the waitlist and is reminded on the next run, alone.
    const [anna, , clara] = people as [Person, Person, Person];
    expectOk(await (anna.as as Api).delete(`/api/me/health-days/${w.dayId}/slots/${w.slotIds[0]}/registration`), 200, "cancel");
    t.mails.length = 0;
    const [a, b] = await Promise.all([run(dayBefore), run(dayBefore)]);
    expect((a?.reminded ?? 0) + (b?.reminded ?? 0)).toBe(1);
    await settle();
    expect(t.mails.map((m) => m.to)).toEqual([clara.email]);
    const markers = await t.database.db
      .select()
      .from(healthDayReminder)
      .where(eq(healthDayReminder.sessionId, w.slotIds[0] as string));
    expect(markers).toHaveLength(3);
  });

  it("skips a cancelled day", async () => {
    const other = await dayWithSlots(t, {
      startsOn: day,
      company: { manager: w.manager, asManager: w.asManager },
      offeringId: await publishedOffering(t),
      slots: [{ startsAt: `${day}T12:00:00Z`, endsAt: `${day}T13:00:00Z`, capacity: 5 }],
    });
    await openRegistration(other);
    const [anna] = people as [Person];
    expectOk(await (anna.as as Api).post(`/api/me/health-days/${other.dayId}/slots/${other.slotIds[0]}/registration`), 201, "register");
    expectOk(await w.asManager.post(`/api/health-days/${other.dayId}/transitions`, { action: "cancel" }), 200, "cancel day");
    t.mails.length = 0;
    expect((await run(dayBefore)).reminded).toBe(0);
    await settle();
    expect(t.mails).toEqual([]);
  });
});
