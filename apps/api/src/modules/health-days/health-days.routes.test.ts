import { auditLog, offering, participation } from "@bgm/db";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FUTURE_QUOTE } from "../../../test/engagement-fixtures.js";
import { type Api, api, createTestApp, type OrgUser, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { addPerson, expectOk, type Person } from "../participation/test-fixtures.js";

/**
 * Health days in DIY mode through the API, as Petra plans "Fit for Work": the day, stations booked from
 * marketplace offerings (the provider's answer drives ✓/⏳ and the budget), slots with their conflicts,
 * the lifecycle, employees taking places, and cancelling the day.
 */

let t: TestApp;
let manager: OrgUser;
let asManager: Api;
let partner: OrgUser;
let asPartner: Api;
let otherCompany: Api;
let employee: Person;
const offers: Record<string, string> = {};

/** A date 30 days ahead, as a calendar date, and instants on it (10:00 UTC is 11:00 or 12:00 in Germany). */
const day = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString().slice(0, 10);
const at = (hhmm: string) => `${day}T${hhmm}:00Z`;

async function publish(
  title: string,
  fields: { category: string; deliveryMode: "on_site" | "remote"; status?: "published" | "draft"; capacity?: number },
) {
  const [row] = await t.database.db
    .insert(offering)
    .values({
      orgId: partner.orgId,
      title,
      category: fields.category,
      deliveryMode: fields.deliveryMode,
      priceFromCents: 90_000,
      priceUnit: "per_day",
      capacity: fields.capacity ?? null,
      status: fields.status ?? "published",
      providerName: "Rückenpause GmbH",
    })
    .returning({ id: offering.id });
  return row?.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  manager = await signUpCompany(t.app, { name: "Muster GmbH" });
  asManager = api(t.app, manager.cookie);
  partner = await signUpProvider(t.app, { name: "Rückenpause GmbH" });
  asPartner = api(t.app, partner.cookie);
  otherCompany = api(t.app, (await signUpCompany(t.app, { name: "Andere AG" })).cookie);
  employee = await addPerson(t, manager, { account: true, firstName: "Erika", lastName: "Muster" });
  offers.back = await publish("Rückenscreening", { category: "health_day_module", deliveryMode: "on_site", capacity: 20 });
  offers.ergo = await publish("Ergonomie-Check", { category: "ergonomics", deliveryMode: "on_site" });
  offers.survey = await publish("Online-Befragung", { category: "survey_analysis", deliveryMode: "remote" });
  offers.draft = await publish("Entwurf", { category: "health_day_module", deliveryMode: "on_site", status: "draft" });
});
afterAll(() => t?.close());
beforeEach(() => {
  t.mails.length = 0;
});

async function createDay(extra: Record<string, unknown> = {}) {
  const res = await asManager.post("/api/health-days", {
    title: "Fit for Work",
    startsOn: day,
    locations: ["Kantine", "Raum 2.14"],
    expectedHeadcount: 120,
    budgetCents: 500_000,
    ...extra,
  });
  expectOk(res, 201, "create health day");
  return res.json();
}

async function addModule(dayId: string, offeringId: string, location = "Kantine") {
  const res = await asManager.post(`/api/health-days/${dayId}/modules`, { offeringId, location, message: "Bitte mit Liege" });
  expectOk(res, 201, "add module");
  return res.json().modules.find((m: { offeringId: string }) => m.offeringId === offeringId);
}

describe("planning a health day", () => {
  it("creates it in planning with the brief's card, lists and changes it, and audits each step", async () => {
    const created = await createDay();
    expect(created).toMatchObject({
      title: "Fit for Work",
      startsOn: day,
      endsOn: day,
      status: "planning",
      mode: "diy",
      responsibleUserId: manager.userId,
      allowedActions: ["start_preparation", "open_registration", "cancel"],
      modules: [],
      budget: { budgetCents: 500_000, plannedCents: 0, bookedCents: 0, invoicedCents: 0, warnings: [] },
    });
    expect(created.card.headline).toMatch(/^Fit for Work · \d{1,2}\. \S+ · Budget 5\.000 €$/);
    expect(created.card.registrations.text).toBe("Anmeldungen: 0/120 (0 %)");

    const list = await asManager.get("/api/health-days?limit=100");
    expect(list.statusCode).toBe(200);
    expect(list.json().items.some((d: { id: string }) => d.id === created.id)).toBe(true);

    const patched = await asManager.patch(`/api/health-days/${created.id}`, { budgetCents: 600_000, title: "Fit for Work 2027" });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ budgetCents: 600_000, title: "Fit for Work 2027" });

    const audit = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), like(auditLog.action, "health_days.%")));
    expect(audit.map((a) => a.action).sort()).toEqual(["health_days.created", "health_days.updated"]);
  });

  it("pages the list by cursor, latest day first, filtered by status", async () => {
    const other = api(t.app, (await signUpCompany(t.app, { name: "Blätter GmbH" })).cookie);
    for (const startsOn of ["2099-05-01", "2099-06-01", "2099-06-01", "2099-04-01"]) {
      expectOk(await other.post("/api/health-days", { title: `Tag ${startsOn}`, startsOn }), 201, "create");
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await other.get(`/api/health-days?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...res.json().items.map((d: { startsOn: string }) => d.startsOn));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(["2099-06-01", "2099-06-01", "2099-05-01", "2099-04-01"]);
    expect((await other.get("/api/health-days?status=cancelled")).json().items).toEqual([]);
    expect((await other.get("/api/health-days?cursor=kaputt!")).statusCode).toBe(400);
  });

  it("refuses bad input with the agreed error body", async () => {
    const noTitle = await asManager.post("/api/health-days", { startsOn: day });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.code).toBe("validation_failed");
    expect((await asManager.post("/api/health-days", { title: "X", startsOn: day, endsOn: "2000-01-01" })).statusCode).toBe(400);
    expect((await asManager.post("/api/health-days", { title: "X", startsOn: day, budgetCents: -1 })).statusCode).toBe(400);
    const stranger = await asManager.post("/api/health-days", { title: "X", startsOn: day, responsibleUserId: partner.userId });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.details).toEqual({ field: "responsibleUserId" });
    const missing = await asManager.get("/api/health-days/00000000-0000-4000-8000-000000000000");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("not_found");
    expect((await asManager.get("/api/health-days/kein-uuid")).statusCode).toBe(400);
  });
});

describe("stations and their booking", () => {
  it("books a station from a published offering: the provider gets a quote request, ✓/⏳ and the budget follow it", async () => {
    const d = await createDay();
    const station = await addModule(d.id, offers.back as string);
    expect(station).toMatchObject({
      title: "Rückenscreening",
      providerName: "Rückenpause GmbH",
      bookingStatus: "requested",
      costCents: 90_000,
    });
    const engagementId = station.engagementId as string;
    const inbox = await asPartner.get(`/api/engagements/${engagementId}`);
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json()).toMatchObject({
      status: "requested",
      brief: { employeeCount: 120, budgetCents: 90_000, message: "Bitte mit Liege" },
    });
    expect(inbox.json().brief.what).toContain("Fit for Work");

    expectOk(
      await asPartner.post(`/api/engagements/${engagementId}/quotes`, {
        priceCents: 85_000,
        scopeOfWork: "Screening",
        validUntil: FUTURE_QUOTE,
      }),
      201,
      "quote",
    );
    let read = (await asManager.get(`/api/health-days/${d.id}`)).json();
    expect(read.modules[0]).toMatchObject({ bookingStatus: "pending", engagementStatus: "quoted" });
    expect(read.card.lines[0].mark).toBe("⏳");
    expect(read.budget).toMatchObject({ plannedCents: 90_000, bookedCents: 0 });

    expectOk(await asManager.post(`/api/engagements/${engagementId}/transitions`, { action: "accept_quote", message: "" }), 200, "accept");
    read = (await asManager.get(`/api/health-days/${d.id}`)).json();
    expect(read.modules[0]).toMatchObject({ bookingStatus: "confirmed" });
    expect(read.card.lines[0]).toMatchObject({ mark: "✓", text: "Rückenscreening (Rückenpause GmbH) ✓" });
    expect(read.budget).toMatchObject({ plannedCents: 90_000, bookedCents: 85_000, invoicedCents: 0, remainingCents: 415_000 });

    // Over the budget: the tracker warns.
    expectOk(await asManager.patch(`/api/health-days/${d.id}`, { budgetCents: 80_000 }), 200, "lower budget");
    read = (await asManager.get(`/api/health-days/${d.id}`)).json();
    expect(read.budget.warnings).toEqual(["booked_exceeds_budget", "planned_exceeds_budget"]);
  });

  it("refuses an unpublished or unfitting offering with 422, and changes nothing", async () => {
    const d = await createDay();
    for (const id of [offers.draft, offers.survey, "00000000-0000-4000-8000-000000000000"]) {
      const res = await asManager.post(`/api/health-days/${d.id}/modules`, { offeringId: id });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.details.field).toBe("offeringId");
    }
    expect((await asManager.get(`/api/health-days/${d.id}`)).json().modules).toEqual([]);
    // Any offering delivered on site fits, whatever its category.
    expect((await addModule(d.id, offers.ergo as string)).title).toBe("Ergonomie-Check");
  });
});

describe("slots and conflicts", () => {
  it("adds slots, and refuses the same room, the same provider at once, a slot outside the day or above capacity with 409", async () => {
    const d = await createDay();
    const back = await addModule(d.id, offers.back as string, "Kantine");
    const ergo = await addModule(d.id, offers.ergo as string, "Kantine");
    const ok = await asManager.post(`/api/health-days/${d.id}/modules/${back.id}/slots`, {
      slots: [
        { startsAt: at("08:00"), endsAt: at("09:00"), capacity: 10 },
        { startsAt: at("09:00"), endsAt: at("10:00"), capacity: 10 },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const slots = ok.json().modules[0].slots;
    expect(slots).toHaveLength(2);
    expect(slots[0]).toMatchObject({ location: "Kantine", capacity: 10, status: "scheduled", counts: { registered: 0 } });

    const sameRoom = await asManager.post(`/api/health-days/${d.id}/modules/${ergo.id}/slots`, {
      slots: [{ startsAt: at("08:30"), endsAt: at("09:30"), capacity: 5 }],
    });
    expect(sameRoom.statusCode).toBe(409);
    expect(sameRoom.json().error.code).toBe("slot_conflict");
    // Both stations are the one provider's: it would be in two places at once as well.
    expect(sameRoom.json().error.details.conflicts.map((c: { kind: string; otherSlotId: string }) => [c.kind, c.otherSlotId])).toEqual([
      ["same_room", slots[0].id],
      ["same_provider", slots[0].id],
      ["same_room", slots[1].id],
      ["same_provider", slots[1].id],
    ]);

    const sameProvider = await asManager.post(`/api/health-days/${d.id}/modules/${back.id}/slots`, {
      slots: [{ startsAt: at("08:15"), endsAt: at("08:45"), capacity: 5, location: "Raum 2.14" }],
    });
    expect(sameProvider.json().error.details.conflicts).toEqual([
      expect.objectContaining({ kind: "same_provider", otherSlotId: slots[0].id, index: 0 }),
    ]);

    const outside = await asManager.post(`/api/health-days/${d.id}/modules/${ergo.id}/slots`, {
      slots: [{ startsAt: "2099-01-01T10:00:00Z", endsAt: "2099-01-01T11:00:00Z", capacity: 5, location: "Raum 2.14" }],
    });
    expect(outside.statusCode).toBe(409);
    expect(outside.json().error.details.conflicts.map((c: { kind: string }) => c.kind)).toEqual(["outside_day"]);

    const tooMany = await asManager.post(`/api/health-days/${d.id}/modules/${back.id}/slots`, {
      slots: [{ startsAt: at("12:00"), endsAt: at("13:00"), capacity: 25 }],
    });
    expect(tooMany.json().error.details.conflicts.map((c: { kind: string }) => c.kind)).toEqual(["over_capacity"]);

    // Two new slots that clash with each other: all or none.
    const pair = await asManager.post(`/api/health-days/${d.id}/modules/${ergo.id}/slots`, {
      slots: [
        { startsAt: at("13:00"), endsAt: at("14:00"), capacity: 5, location: "Raum 2.14" },
        { startsAt: at("13:30"), endsAt: at("14:30"), capacity: 5, location: "Raum 2.14" },
      ],
    });
    expect(pair.statusCode).toBe(409);
    const after = (await asManager.get(`/api/health-days/${d.id}`)).json();
    expect(after.modules.map((m: { slots: unknown[] }) => m.slots.length)).toEqual([2, 0]);
    expect(after.conflicts).toEqual([]);

    expect((await asManager.post(`/api/health-days/${d.id}/modules/${back.id}/slots`, { slots: [] })).statusCode).toBe(400);
    const inverted = await asManager.post(`/api/health-days/${d.id}/modules/${back.id}/slots`, {
      slots: [{ startsAt: at("15:00"), endsAt: at("14:00"), capacity: 5 }],
    });
    expect(inverted.statusCode).toBe(400);
    const foreignModule = await asManager.post(`/api/health-days/${d.id}/modules/00000000-0000-4000-8000-000000000000/slots`, {
      slots: [{ startsAt: at("15:00"), endsAt: at("16:00"), capacity: 5 }],
    });
    expect(foreignModule.statusCode).toBe(404);
  });
});

describe("registration and the lifecycle", () => {
  it("lets employees register once registration is open, counts them on the card, and cancelling the day tells them", async () => {
    const d = await createDay();
    const back = await addModule(d.id, offers.back as string);
    const withSlot = await asManager.post(`/api/health-days/${d.id}/modules/${back.id}/slots`, {
      slots: [{ startsAt: at("08:00"), endsAt: at("09:00"), capacity: 1, waitlistEnabled: false }],
    });
    const slotId = withSlot.json().modules[0].slots[0].id as string;
    const me = employee.as as Api;
    const url = `/api/me/health-days/${d.id}/slots/${slotId}/registration`;

    const early = await me.post(url);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("registration_not_open");
    expect((await me.get("/api/me/health-days")).json().items.some((x: { id: string }) => x.id === d.id)).toBe(false);

    const wrong = await asManager.post(`/api/health-days/${d.id}/transitions`, { action: "finish" });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error).toMatchObject({ code: "invalid_transition", details: { status: "planning" } });
    const opened = await asManager.post(`/api/health-days/${d.id}/transitions`, { action: "open_registration" });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().status).toBe("registration_open");

    const open = (await me.get("/api/me/health-days")).json().items.find((x: { id: string }) => x.id === d.id);
    expect(open.modules[0].slots[0]).toMatchObject({ id: slotId, freePlaces: 1, registrationOpen: true, mine: null });

    const reg = await me.post(url);
    expect(reg.statusCode, reg.body).toBe(201);
    expect(reg.json()).toMatchObject({ healthDayId: d.id, slotId, title: "Rückenscreening", status: "registered", waitlistPosition: null });
    expect((await me.post(url)).statusCode).toBe(200);
    // The confirmation comes from participation's core, with the slot's calendar file titled by day and station.
    const confirm = t.mails.find((m) => m.to === employee.email);
    expect(confirm?.attachments?.[0]?.content).toContain("SUMMARY:Fit for Work – Rückenscreening");

    const read = (await asManager.get(`/api/health-days/${d.id}`)).json();
    expect(read.card.registrations).toMatchObject({ people: 1, of: 120, text: "Anmeldungen: 1/120 (0 %)" });
    expect(read.modules[0].slots[0].counts.registered).toBe(1);

    // My participation history lists the slot under the day's and station's name.
    const history = (await me.get("/api/me/participations")).json().items;
    expect(history).toContainEqual(
      expect.objectContaining({
        sessionId: slotId,
        interventionId: null,
        interventionTitle: "Fit for Work – Rückenscreening",
        status: "registered",
      }),
    );
    // The generic session routes of participation accept the slot too (one core).
    const generic = await me.delete(`/api/me/participation-sessions/${slotId}/registration`);
    expect(generic.statusCode, generic.body).toBe(200);
    expect(generic.json()).toMatchObject({
      interventionId: null,
      interventionTitle: "Fit for Work – Rückenscreening",
      status: "cancelled",
    });
    expectOk(await me.post(url), 201, "register again");

    t.mails.length = 0;
    const cancelled = await asManager.post(`/api/health-days/${d.id}/transitions`, { action: "cancel" });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: "cancelled", allowedActions: [] });
    expect(cancelled.json().modules[0].slots[0].status).toBe("cancelled");
    await new Promise((r) => setTimeout(r, 50));
    const told = t.mails.find((m) => m.to === employee.email);
    expect(told?.attachments?.[0]?.content).toContain("METHOD:CANCEL");

    const late = await me.post(url);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("health_day_cancelled");
    expect((await asManager.post(`/api/health-days/${d.id}/modules`, { offeringId: offers.ergo })).statusCode).toBe(409);
    expect((await asManager.patch(`/api/health-days/${d.id}`, { title: "Neu" })).json().error.code).toBe("health_day_cancelled");
    const rows = await t.database.db.select().from(participation).where(eq(participation.sessionId, slotId));
    expect(rows.map((r) => r.status)).toEqual(["registered"]);
    const audit = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, d.id), eq(auditLog.action, "health_days.status_changed")));
    expect(audit.map((a) => a.details)).toContainEqual({
      action: "cancel",
      from: "registration_open",
      to: "cancelled",
      slotsCancelled: 1,
      peopleInformed: 1,
    });
  });
});

describe("tenants and roles", () => {
  it("keeps a company's day from other companies, providers and employees' manager routes", async () => {
    const d = await createDay({ title: "Geheimtag A" });
    const station = await addModule(d.id, offers.back as string);
    for (const res of [
      await otherCompany.get(`/api/health-days/${d.id}`),
      await otherCompany.patch(`/api/health-days/${d.id}`, { title: "gekapert" }),
      await otherCompany.post(`/api/health-days/${d.id}/transitions`, { action: "cancel" }),
      await otherCompany.post(`/api/health-days/${d.id}/modules`, { offeringId: offers.ergo }),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
    }
    expect((await otherCompany.get("/api/health-days?limit=100")).body).not.toContain("Geheimtag A");
    // The station's provider sees its engagement, never the day.
    expect((await asPartner.get(`/api/health-days/${d.id}`)).statusCode).toBe(403);
    expect((await asPartner.get("/api/health-days")).statusCode).toBe(403);
    expect((await asPartner.get(`/api/engagements/${station.engagementId}`)).statusCode).toBe(200);
    // An employee registers for slots, but does not plan the day.
    expect((await (employee.as as Api).get(`/api/health-days/${d.id}`)).statusCode).toBe(403);
    expect((await (employee.as as Api).post("/api/health-days", { title: "X", startsOn: day })).statusCode).toBe(403);
    expect((await asManager.get(`/api/health-days/${d.id}`)).json().title).toBe("Geheimtag A");
  });
});
