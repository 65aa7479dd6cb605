import { auditLog, offering, plannedIntervention } from "@bgm/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEngagementWorld } from "../../../test/engagement-fixtures.js";
import { type Api, allPages, createTestApp, type TestApp } from "../../../test/helpers.js";
import { toBerlin } from "./berlin-time.js";
import { type CompanyWorld, expectOk, inDays, makeCompany } from "./test-fixtures.js";

let t: TestApp;
let c: CompanyWorld;
let as: Api;

beforeAll(async () => {
  t = await createTestApp();
  c = await makeCompany(t);
  as = c.asManager;
});
afterAll(() => t?.close());

const HOUR = 3_600_000;

async function planned(orgId: string, status: "proposed" | "adopted" | "dismissed", title = "Rückenschule") {
  const [row] = await t.database.db
    .insert(plannedIntervention)
    .values({
      orgId,
      title,
      description: "Bewegungsprogramm für die Produktion",
      category: "movement",
      targetGroup: "Produktion",
      schedule: "ab März, wöchentlich",
      costEstimateCents: 480_000,
      status,
    })
    .returning({ id: plannedIntervention.id });
  return row?.id as string;
}

describe("creating interventions", () => {
  it("creates one directly; the field of action and approach default from the category", async () => {
    const res = await as.post("/api/interventions", { title: "Lunch & Learn", category: "nutrition", targetGroup: "Alle" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      title: "Lunch & Learn",
      category: "nutrition",
      fieldOfAction: "nutrition",
      approach: "behavioural",
      targetGroup: "Alle",
      status: "open",
      providerOrgId: null,
      engagementId: null,
      plannedInterventionId: null,
      sessions: [],
    });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, res.json().id));
    expect(audit.map((a) => a.action)).toEqual(["participation.intervention_created"]);
  });

  it("refuses a direct intervention without title or category (422, naming the field)", async () => {
    const noTitle = await as.post("/api/interventions", { category: "nutrition" });
    expect(noTitle.statusCode).toBe(422);
    expect(noTitle.json().error.details).toEqual({ field: "title" });
    const noCategory = await as.post("/api/interventions", { title: "Ohne Kategorie" });
    expect(noCategory.statusCode).toBe(422);
    expect(noCategory.json().error.details).toEqual({ field: "category" });
    const unknown = await as.post("/api/interventions", { title: "X", category: "astrology" });
    expect(unknown.statusCode).toBe(400);
  });

  it("takes an adopted planned intervention's fields and keeps the link; only once", async () => {
    const id = await planned(c.manager.orgId, "adopted");
    const res = await as.post("/api/interventions", { source: { kind: "planned", plannedInterventionId: id } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      title: "Rückenschule",
      description: "Bewegungsprogramm für die Produktion",
      category: "movement",
      fieldOfAction: "movement",
      targetGroup: "Produktion",
      costCents: 480_000,
      plannedInterventionId: id,
    });
    const again = await as.post("/api/interventions", { source: { kind: "planned", plannedInterventionId: id } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "already_created", details: { interventionId: res.json().id } });
  });

  it("lets the body override the prefill", async () => {
    const id = await planned(c.manager.orgId, "adopted", "Rückenfit");
    const res = await as.post("/api/interventions", {
      source: { kind: "planned", plannedInterventionId: id },
      title: "Rückenfit am Morgen",
      costCents: null,
      approach: "structural",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ title: "Rückenfit am Morgen", costCents: null, approach: "structural", category: "movement" });
  });

  it("refuses a planned intervention that is not adopted (409) and one of another company (404)", async () => {
    const proposed = await planned(c.manager.orgId, "proposed");
    const res = await as.post("/api/interventions", { source: { kind: "planned", plannedInterventionId: proposed } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "planned_not_adopted", details: { status: "proposed" } });
    const other = await makeCompany(t, "Fremd GmbH");
    const foreign = await planned(other.manager.orgId, "adopted");
    const res2 = await as.post("/api/interventions", { source: { kind: "planned", plannedInterventionId: foreign } });
    expect(res2.statusCode).toBe(404);
  });

  it("carries over provider, offering and its §20 certification from an engagement in progress", async () => {
    const w = await makeEngagementWorld(t, { until: "in_progress", offering: { title: "Rückenfit Präventionskurs" } });
    await t.database.db
      .update(offering)
      .set({ certifications: ["§20 SGB V", "ZPP-KU-20-123456"], category: "movement", description: "8 Termine à 60 Minuten" })
      .where(eq(offering.id, w.offeringId));
    const res = await w.asCompany.post("/api/interventions", { source: { kind: "engagement", engagementId: w.engagementId } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      title: "Rückenfit Präventionskurs",
      description: "8 Termine à 60 Minuten",
      category: "movement",
      fieldOfAction: "movement",
      providerOrgId: w.partner.orgId,
      providerName: "SurveyPro GmbH",
      engagementId: w.engagementId,
      certificationId: "ZPP-KU-20-123456",
    });
    // Another company cannot build on it.
    const res2 = await as.post("/api/interventions", { source: { kind: "engagement", engagementId: w.engagementId } });
    expect(res2.statusCode).toBe(404);
  });

  it("refuses an engagement that does not run (requested, not yet accepted)", async () => {
    const w = await makeEngagementWorld(t, { until: "accepted", offering: {}, companyName: "Angebot GmbH" });
    const accepted = await w.asCompany.post("/api/interventions", { source: { kind: "engagement", engagementId: w.engagementId } });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().certificationId).toBeNull();
    const requested = await w.asCompany.post("/api/engagements", { offeringId: w.offeringId, brief: { what: "Noch eins" } });
    const res = await w.asCompany.post("/api/interventions", { source: { kind: "engagement", engagementId: requested.json().id } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "engagement_not_running", details: { status: "requested" } });
  });
});

describe("listing, reading, changing interventions", () => {
  it("lists the company's interventions newest first, paged by cursor, filtered by status", async () => {
    const mine = await makeCompany(t, "Liste GmbH");
    const ids: string[] = [];
    for (const title of ["Eins", "Zwei", "Drei"]) {
      const res = await mine.asManager.post("/api/interventions", { title, category: "movement" });
      ids.push(res.json().id);
    }
    const { items, pages } = await allPages<{ id: string; title: string }>(mine.asManager, "/api/interventions", 2);
    expect(pages).toBe(2);
    expect(items.map((i) => i.title)).toEqual(["Drei", "Zwei", "Eins"]);
    expectOk(await mine.asManager.post(`/api/interventions/${ids[0]}/close`), 200, "close");
    const closed = await mine.asManager.get("/api/interventions?status=closed");
    expect(closed.json().items.map((i: { title: string }) => i.title)).toEqual(["Eins"]);
  });

  it("updates fields, closes, reopens and refuses changes once cancelled", async () => {
    const created = await as.post("/api/interventions", { title: "Stress lass nach", category: "mental_health" });
    const id = created.json().id;
    expect(created.json().fieldOfAction).toBe("stress_resources");
    const patched = await as.patch(`/api/interventions/${id}`, { title: "Stressbewältigung", targetGroup: "Führungskräfte" });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ title: "Stressbewältigung", targetGroup: "Führungskräfte" });
    expect((await as.patch(`/api/interventions/${id}`, {})).statusCode).toBe(400);
    expect((await as.patch(`/api/interventions/${id}`, { status: "closed" })).statusCode).toBe(400);
    expect((await as.post(`/api/interventions/${id}/close`)).json().status).toBe("closed");
    expect((await as.post(`/api/interventions/${id}/close`)).json().status).toBe("closed");
    expect((await as.post(`/api/interventions/${id}/reopen`)).json().status).toBe("open");
    expect((await as.post(`/api/interventions/${id}/cancel`)).json().status).toBe("cancelled");
    const late = await as.patch(`/api/interventions/${id}`, { title: "Zu spät" });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("intervention_cancelled");
    expect((await as.post(`/api/interventions/${id}/reopen`)).statusCode).toBe(409);
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action);
    expect(actions).toEqual([
      "participation.intervention_created",
      "participation.intervention_updated",
      "participation.intervention_closed",
      "participation.intervention_reopened",
      "participation.intervention_cancelled",
    ]);
  });

  it("answers 404 for an unknown intervention", async () => {
    expect((await as.get("/api/interventions/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
  });
});

describe("sessions", () => {
  it("creates a weekly series of 8 in one step at the same local time across the change to summer time", async () => {
    const created = await as.post("/api/interventions", { title: "Rückenfit (8 Wochen)", category: "movement", certificationId: "ZPP-1" });
    const id = created.json().id;
    // Tuesday 16 March 2027, 18:00 in Berlin (CET); summer time starts on 28 March.
    const res = await as.post(`/api/interventions/${id}/sessions`, {
      startsAt: "2027-03-16T17:00:00Z",
      endsAt: "2027-03-16T18:00:00Z",
      registrationDeadline: "2027-03-15T17:00:00Z",
      location: "Sporthalle",
      capacity: 12,
      repeat: { count: 8 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const sessions = res.json().sessions as { startsAt: string; endsAt: string; registrationDeadline: string; capacity: number }[];
    expect(sessions).toHaveLength(8);
    for (const [i, s] of sessions.entries()) {
      const local = toBerlin(new Date(s.startsAt));
      expect([local.hour, local.minute], `session ${i + 1}`).toEqual([18, 0]);
      expect(toBerlin(new Date(s.endsAt)).hour).toBe(19);
      expect(toBerlin(new Date(s.registrationDeadline)).hour).toBe(18);
      expect(s.capacity).toBe(12);
    }
    expect(sessions[0]?.startsAt).toBe("2027-03-16T17:00:00.000Z");
    expect(sessions[2]?.startsAt).toBe("2027-03-30T16:00:00.000Z");
    expect(sessions[7]?.startsAt).toBe("2027-05-04T16:00:00.000Z");
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "participation.sessions_created")));
    expect(audit[0]?.details).toMatchObject({ count: 8, everyWeeks: 1 });
  });

  it("refuses bad sessions with 400 and writes nothing", async () => {
    const id = (await as.post("/api/interventions", { title: "Prüfung", category: "movement" })).json().id;
    const start = inDays(3);
    const base = { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + HOUR).toISOString(), capacity: 5 };
    const bad = [
      { ...base, endsAt: base.startsAt },
      { ...base, capacity: 0 },
      { ...base, registrationDeadline: new Date(start.getTime() + 1000).toISOString() },
      { ...base, repeat: { count: 1 } },
      { ...base, repeat: { count: 53 } },
      { ...base, onlineUrl: "javascript:alert(1)" },
    ];
    for (const body of bad) expect((await as.post(`/api/interventions/${id}/sessions`, body)).statusCode, JSON.stringify(body)).toBe(400);
    expect((await as.get(`/api/interventions/${id}`)).json().sessions).toEqual([]);
  });

  it("takes no sessions on a closed intervention (409)", async () => {
    const id = (await as.post("/api/interventions", { title: "Zu", category: "movement" })).json().id;
    await as.post(`/api/interventions/${id}/close`);
    const start = inDays(3);
    const res = await as.post(`/api/interventions/${id}/sessions`, {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + HOUR).toISOString(),
      capacity: 5,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("intervention_not_open");
  });

  it("updates a session (deadline and end checked against the stored start) and cancels it", async () => {
    const id = (await as.post("/api/interventions", { title: "Yoga", category: "movement" })).json().id;
    const start = inDays(5);
    const created = await as.post(`/api/interventions/${id}/sessions`, {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + HOUR).toISOString(),
      capacity: 5,
    });
    const sessionId = created.json().sessions[0].id;
    const moved = await as.patch(`/api/participation-sessions/${sessionId}`, { location: "Raum 3", capacity: 8 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().sessions[0]).toMatchObject({ location: "Raum 3", capacity: 8 });
    const badEnd = await as.patch(`/api/participation-sessions/${sessionId}`, { endsAt: new Date(start.getTime() - HOUR).toISOString() });
    expect(badEnd.statusCode).toBe(422);
    expect(badEnd.json().error.details).toEqual({ field: "endsAt" });
    const badDeadline = await as.patch(`/api/participation-sessions/${sessionId}`, {
      registrationDeadline: new Date(start.getTime() + 1000).toISOString(),
    });
    expect(badDeadline.statusCode).toBe(422);
    const cancelled = await as.post(`/api/participation-sessions/${sessionId}/cancel`);
    expect(cancelled.json().sessions[0].status).toBe("cancelled");
    expect((await as.post(`/api/participation-sessions/${sessionId}/cancel`)).statusCode).toBe(200);
    const late = await as.patch(`/api/participation-sessions/${sessionId}`, { capacity: 9 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("session_cancelled");
  });
});
