import { apiKey, dataAccessLog } from "@bgm/db";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engagementUntil, publishTestOffering } from "../../../test/engagement-fixtures.js";
import { addMember, api, createTestApp, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import {
  addIntervention,
  addPeople,
  addPlaces,
  addSession,
  attended,
  day,
  expectNoPersonalData,
  makeAggregatesWorld,
  noShow,
  type Person,
  registered,
} from "../../../test/participation-aggregates-fixtures.js";

let t: TestApp;
beforeAll(async () => {
  // `checked`: every response is serialized by Zod and by the compiled serializer production uses, and any
  // difference fails the request (plugins/response-serializer.ts).
  t = await createTestApp({ responseSerialization: "checked" });
});
afterAll(() => t.close());

const url = (engagementId: string) => `/api/partner/engagements/${engagementId}/participation`;
const byKey = (key: string, path: string) => t.app.inject({ method: "GET", url: path, headers: { authorization: `Bearer ${key}` } });

describe("the partner's view of participation", () => {
  it("shows the three numbers per session and intervention, never a person; a session with 3 attendees shows no figure", async () => {
    const w = await makeAggregatesWorld(t, { companyName: "Teilnahme GmbH" });
    const staff = await addPeople(t, w.company.orgId, 40, { prefix: "Lunch" });
    const lunch = await addIntervention(t, w.company.orgId, {
      title: "Lunch & Learn",
      engagementId: w.engagementId,
      providerOrgId: w.partner.orgId,
    });
    const s1 = await addSession(t, w.company.orgId, lunch, day("2026-03-05"));
    const s2 = await addSession(t, w.company.orgId, lunch, day("2026-03-12"));
    const s3 = await addSession(t, w.company.orgId, lunch, day("2026-03-19"));
    const cancelled = await addSession(t, w.company.orgId, lunch, day("2026-03-26"), { status: "cancelled" });
    // s1: 28 of 33 came (5 no-shows), s2: 3 came, s3: 9 came and 2 did not.
    await addPlaces(t, w.company.orgId, s1, [...attended(staff.slice(0, 28)), ...noShow(staff.slice(28, 33))]);
    await addPlaces(t, w.company.orgId, s2, attended(staff.slice(0, 3)));
    await addPlaces(t, w.company.orgId, s3, [...attended(staff.slice(10, 19)), ...registered(staff.slice(19, 21))]);
    await addPlaces(t, w.company.orgId, cancelled, registered(staff.slice(0, 2)));
    // Waitlisted and cancelled places count for nobody.
    await addPlaces(t, w.company.orgId, s2, [
      { person: staff[30] as Person, status: "waitlisted" },
      { person: staff[31] as Person, status: "cancelled" },
    ]);
    // Another company's intervention, the company's own one without partner, another provider's engagement: never shown.
    await addIntervention(t, w.company.orgId, { title: "Interne Rückenschule" });

    const res = await w.asPartner.get(url(w.engagementId));
    expect(res.statusCode, res.body).toBe(200);
    expectNoPersonalData(res, staff);
    const body = res.json();
    expect(body.minGroupSize).toBe(5);
    expect(body.interventions).toHaveLength(1);
    const [i] = body.interventions;
    expect(i.title).toBe("Lunch & Learn");
    const session = (id: string) => i.sessions.find((s: { sessionId: string }) => s.sessionId === id);
    expect(i.sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual([s1, s2, s3]);
    // s1: 28 came; its 5 no-shows are counted together with s3's 2 (7 people), so s1's registrations
    // are not shown alone — otherwise the total minus s1 would give s3's 2.
    expect(session(s1)).toMatchObject({ attendedCount: 28, registeredCount: null, attendanceRate: null, suppressed: true });
    // 3 attendees: no figure at all, and s3 (next smallest) is withheld with it so 40 − 28 − 9 cannot give 3.
    expect(session(s2)).toMatchObject({ attendedCount: null, registeredCount: null, attendanceRate: null, suppressed: true });
    expect(session(s3)).toMatchObject({ attendedCount: null, registeredCount: null, suppressed: true });
    expect(session(s2).combinedGroup).toBe("Sonstige Termine");
    expect(session(s3).combinedGroup).toBe("Sonstige Termine");
    expect(session(s1).combinedGroup).toBe("Sonstige Termine 2");
    expect(i.combinedGroups).toEqual([
      {
        label: "Sonstige Termine",
        sessionIds: [s2, s3].sort(),
        attendedCount: 12,
        registeredCount: null,
        attendanceRate: null,
        suppressed: true,
      },
      {
        label: "Sonstige Termine 2",
        sessionIds: [s1, s3].sort(),
        attendedCount: null,
        registeredCount: null,
        attendanceRate: null,
        suppressed: true,
      },
    ]);
    // The intervention: the sums over its scheduled sessions, every block being safe.
    expect(i).toMatchObject({ attendedCount: 40, registeredCount: 47, suppressed: false });
    expect(i.attendanceRate).toBeCloseTo(40 / 47, 10);

    // The same through an API key: byte for byte the same answer.
    const key = (await w.asPartner.post("/api/provider/api-keys", { name: "Auswertung" })).json().key as string;
    const viaKey = await byKey(key, url(w.engagementId));
    expect(viaKey.statusCode, viaKey.body).toBe(200);
    expectNoPersonalData(viaKey, staff);
    expect(viaKey.json()).toEqual(body);

    // Every read is in the company's access log, served, as a partner data read.
    const log = await t.database.db
      .select()
      .from(dataAccessLog)
      .where(and(eq(dataAccessLog.engagementId, w.engagementId), eq(dataAccessLog.scopeKey, "participation_aggregates")));
    expect(log.map((l) => [l.outcome, l.apiKeyId !== null, l.orgId])).toEqual([
      ["served", false, w.company.orgId],
      ["served", true, w.company.orgId],
    ]);
    expect(log.every((l) => l.subjectEmployeeIds.length === 0)).toBe(true);
    const companyLog = await w.asCompany.get("/api/data-grants/access-log");
    expect(companyLog.json().items.filter((e: { scopeKey: string }) => e.scopeKey === "participation_aggregates")).toHaveLength(2);
  });

  it("withholds registrations and the rate when the no-shows are a small group (the brief's 28 of 32)", async () => {
    const w = await makeAggregatesWorld(t);
    const staff = await addPeople(t, w.company.orgId, 32, { prefix: "Kurs" });
    const i = await addIntervention(t, w.company.orgId, { engagementId: w.engagementId });
    const s = await addSession(t, w.company.orgId, i, day("2026-04-02"));
    await addPlaces(t, w.company.orgId, s, [...attended(staff.slice(0, 28)), ...noShow(staff.slice(28))]);
    const res = await w.asPartner.get(url(w.engagementId));
    expectNoPersonalData(res, staff);
    expect(res.json().interventions[0].sessions[0]).toMatchObject({
      attendedCount: 28,
      registeredCount: null,
      attendanceRate: null,
      suppressed: true,
    });
  });

  it("shows nothing personal whatever data scopes were granted, and only the engagement's own interventions", async () => {
    const w = await makeAggregatesWorld(t);
    const staff = await addPeople(t, w.company.orgId, 12, { prefix: "Scope" });
    const granted = await w.asCompany.post(`/api/engagements/${w.engagementId}/grants`, {
      decisions: [
        { scopeKey: "employee_list", grant: true, confirmHighSensitivity: true },
        { scopeKey: "employee_count", grant: true },
      ],
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const mine = await addIntervention(t, w.company.orgId, { title: "Meins", engagementId: w.engagementId });
    const s = await addSession(t, w.company.orgId, mine, day("2026-05-01"));
    await addPlaces(t, w.company.orgId, s, attended(staff));
    // The same company with another provider, and the same provider's engagement with another company.
    const other = await signUpProvider(t.app, { name: "Anderer Anbieter" });
    const otherOffering = await publishTestOffering(t, other.orgId, { title: "Yoga" });
    const otherEngagement = await engagementUntil(w.asCompany, api(t.app, other.cookie), otherOffering, "accepted");
    const foreign = await addIntervention(t, w.company.orgId, { title: "Fremd", engagementId: otherEngagement });
    await addPlaces(t, w.company.orgId, await addSession(t, w.company.orgId, foreign, day("2026-05-02")), attended(staff));

    const res = await w.asPartner.get(url(w.engagementId));
    expect(res.statusCode).toBe(200);
    expectNoPersonalData(res, staff);
    expect(res.json().interventions.map((x: { title: string }) => x.title)).toEqual(["Meins"]);
    expect(res.json().interventions[0]).toMatchObject({ attendedCount: 12, registeredCount: 12, attendanceRate: 1 });
    // The other provider cannot read this engagement, nor this provider the other's.
    const cross = await api(t.app, other.cookie).get(url(w.engagementId));
    expect(cross.statusCode).toBe(404);
    expect(cross.json().error).toMatchObject({ code: "not_found", details: { reason: "foreign_engagement" } });
    expectNoPersonalData(cross, staff);
    expect((await w.asPartner.get(url(otherEngagement))).statusCode).toBe(404);
    // …and that refusal is logged for the provider, naming no company.
    const denied = await t.database.db
      .select()
      .from(dataAccessLog)
      .where(and(eq(dataAccessLog.providerOrgId, other.orgId), eq(dataAccessLog.outcome, "denied")));
    expect(denied.map((d) => [d.scopeKey, d.reason, d.orgId])).toEqual([["participation_aggregates", "foreign_engagement", null]]);
  });

  it("applies the company's raised minimum group size", async () => {
    const w = await makeAggregatesWorld(t);
    const staff = await addPeople(t, w.company.orgId, 14, { prefix: "Hoch" });
    const i = await addIntervention(t, w.company.orgId, { engagementId: w.engagementId });
    const a = await addSession(t, w.company.orgId, i, day("2026-06-01"));
    const b = await addSession(t, w.company.orgId, i, day("2026-06-08"));
    await addPlaces(t, w.company.orgId, a, attended(staff.slice(0, 6)));
    await addPlaces(t, w.company.orgId, b, attended(staff.slice(0, 8)));
    const before = (await w.asPartner.get(url(w.engagementId))).json().interventions[0].sessions;
    expect(before.map((s: { attendedCount: number | null }) => s.attendedCount)).toEqual([6, 8]);
    expect((await w.asCompany.put("/api/participation/disclosure", { minGroupSize: 7 })).statusCode).toBe(200);
    const after = await w.asPartner.get(url(w.engagementId));
    expectNoPersonalData(after, staff);
    expect(after.json().minGroupSize).toBe(7);
    // 6 is below 7: a and b are counted together (8 distinct people), neither alone.
    expect(after.json().interventions[0].sessions.map((s: { attendedCount: number | null }) => s.attendedCount)).toEqual([null, null]);
    expect(after.json().interventions[0].combinedGroups[0]).toMatchObject({ attendedCount: 14, registeredCount: 14 });
  });
});

describe("repeated reads by a machine (the partner API's hot path)", () => {
  it("answers every read alike and logs each one; the key is marked as used; a foreign engagement is refused every time", async () => {
    const w = await makeAggregatesWorld(t);
    const staff = await addPeople(t, w.company.orgId, 10, { prefix: "Wdh" });
    const i = await addIntervention(t, w.company.orgId, { engagementId: w.engagementId });
    const s = await addSession(t, w.company.orgId, i, day("2026-07-01"));
    await addPlaces(t, w.company.orgId, s, [...attended(staff.slice(0, 7)), ...noShow(staff.slice(7))]);
    const key = (await w.asPartner.post("/api/provider/api-keys", { name: "Dauerabruf" })).json() as { id: string; key: string };
    const lastUsed = async () =>
      (await w.asPartner.get("/api/provider/api-keys")).json().items.find((k: { id: string }) => k.id === key.id).lastUsedAt as
        | string
        | null;
    expect(await lastUsed()).toBeNull();

    const reads = [];
    for (let n = 0; n < 3; n++) reads.push(await byKey(key.key, url(w.engagementId)));
    expect(reads.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    for (const r of reads) expectNoPersonalData(r, staff);
    expect(reads[1]?.json()).toEqual(reads[0]?.json());
    expect(reads[2]?.json()).toEqual(reads[0]?.json());
    // 7 came, 3 did not: the no-shows are a small group, so registrations and the rate are withheld.
    expect(reads[2]?.json().interventions[0].sessions[0]).toMatchObject({ attendedCount: 7, registeredCount: null, suppressed: true });
    expect(await lastUsed()).not.toBeNull();
    // A key last used a while ago is marked as used again by the next read (once a minute, not on every read).
    const longAgo = new Date(Date.now() - 5 * 60_000);
    await t.database.db.update(apiKey).set({ lastUsedAt: longAgo }).where(eq(apiKey.id, key.id));
    expect((await byKey(key.key, url(w.engagementId))).statusCode).toBe(200);
    expect(new Date((await lastUsed()) as string).getTime()).toBeGreaterThan(longAgo.getTime() + 60_000);

    // Another provider, by key, after the engagement's company is known to the server: refused and logged every time.
    const other = await signUpProvider(t.app, { name: "Neugieriger Anbieter" });
    const otherKey = (await api(t.app, other.cookie).post("/api/provider/api-keys", { name: "Fremd" })).json().key as string;
    for (let n = 0; n < 2; n++) {
      const res = await byKey(otherKey, url(w.engagementId));
      expect(res.statusCode).toBe(404);
      expect(res.json().error.details).toEqual({ reason: "foreign_engagement" });
    }
    const log = await t.database.db.select().from(dataAccessLog).where(eq(dataAccessLog.engagementId, w.engagementId));
    expect(log.map((l) => [l.providerOrgId === w.partner.orgId, l.outcome, l.orgId])).toEqual([
      [true, "served", w.company.orgId],
      [true, "served", w.company.orgId],
      [true, "served", w.company.orgId],
      [true, "served", w.company.orgId],
      [false, "denied", null],
      [false, "denied", null],
    ]);
    // A served entry (committed before the read answered) says what was served: one intervention and its one
    // session are 2 figures, by this key, as JSON, under the aggregates' key; nobody's employees.
    expect(log[0]).toMatchObject({
      scopeKey: "participation_aggregates",
      apiKeyId: key.id,
      actorUserId: null,
      format: "json",
      recordCount: 2,
      reason: null,
      grantId: null,
      subjectEmployeeIds: [],
    });
    expect(log[0]?.ip).toBeTruthy();
  });
});

describe("the partner's view when little or nothing is there", () => {
  it("an engagement without interventions yet answers an empty list with the company's minimum group size, by key and session", async () => {
    const w = await makeAggregatesWorld(t, { companyName: "Noch Leer GmbH" });
    const key = (await w.asPartner.post("/api/provider/api-keys", { name: "Leer" })).json().key as string;
    for (const res of [
      await w.asPartner.get(url(w.engagementId)),
      await byKey(key, url(w.engagementId)),
      await byKey(key, url(w.engagementId)),
    ]) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ engagementId: w.engagementId, minGroupSize: 5, interventions: [] });
    }
  });
});

describe("the served entry in the company's access log", () => {
  it("counts what was sent: one record per intervention and per scheduled session, none for an empty engagement", async () => {
    const w = await makeAggregatesWorld(t, { companyName: "Zählt Mit GmbH" });
    const empty = await w.asPartner.get(url(w.engagementId));
    expect(empty.statusCode, empty.body).toBe(200);
    await addIntervention(t, w.company.orgId, { title: "Noch ohne Termine", engagementId: w.engagementId });
    const course = await addIntervention(t, w.company.orgId, { title: "Kurs", engagementId: w.engagementId });
    for (const d of ["2026-09-01", "2026-09-08", "2026-09-15"]) await addSession(t, w.company.orgId, course, day(d));
    await addSession(t, w.company.orgId, course, day("2026-09-22"), { status: "cancelled" });
    const full = await w.asPartner.get(url(w.engagementId));
    expect(full.statusCode, full.body).toBe(200);
    expect(
      full
        .json()
        .interventions.map((i: { sessions: unknown[] }) => i.sessions.length)
        .sort(),
    ).toEqual([0, 3]);
    const log = await t.database.db.select().from(dataAccessLog).where(eq(dataAccessLog.engagementId, w.engagementId));
    expect(log.map((l) => [l.outcome, l.recordCount])).toEqual([
      ["served", 0],
      ["served", 5],
    ]);
  });

  it("no figure leaves without its entry: when the entry cannot be written, the read answers an error and nothing else", async () => {
    const w = await makeAggregatesWorld(t, { companyName: "Ohne Protokoll GmbH" });
    const staff = await addPeople(t, w.company.orgId, 8, { prefix: "Prot" });
    const i = await addIntervention(t, w.company.orgId, { engagementId: w.engagementId });
    const s = await addSession(t, w.company.orgId, i, day("2026-10-01"));
    await addPlaces(t, w.company.orgId, s, attended(staff));
    const key = (await w.asPartner.post("/api/provider/api-keys", { name: "Protokoll" })).json().key as string;
    expect((await byKey(key, url(w.engagementId))).statusCode).toBe(200);
    // The app's role loses the right to append to the access log (as the owner, in this test's own database).
    await t.database.db.execute(sql`revoke insert on data_access_log from bgm_app`);
    try {
      for (const res of [await byKey(key, url(w.engagementId)), await w.asPartner.get(url(w.engagementId))]) {
        expect(res.statusCode, res.body).toBeGreaterThanOrEqual(500);
        expect(Object.keys(res.json())).toEqual(["error"]);
        expect(res.body).not.toContain("attendedCount");
      }
    } finally {
      await t.database.db.execute(sql`grant insert on data_access_log to bgm_app`);
    }
    const log = await t.database.db.select().from(dataAccessLog).where(eq(dataAccessLog.engagementId, w.engagementId));
    expect(log.map((l) => l.outcome)).toEqual(["served"]);
    expect((await byKey(key, url(w.engagementId))).statusCode).toBe(200);
  });
});

describe("a key the server has already seen", () => {
  it("is refused on the very next read once revoked or expired: nothing served, the refusal logged", async () => {
    const w = await makeAggregatesWorld(t, { companyName: "Widerruf GmbH" });
    const staff = await addPeople(t, w.company.orgId, 8, { prefix: "Wr" });
    const i = await addIntervention(t, w.company.orgId, { engagementId: w.engagementId });
    await addPlaces(t, w.company.orgId, await addSession(t, w.company.orgId, i, day("2026-04-01")), attended(staff));
    const revoked = (await w.asPartner.post("/api/provider/api-keys", { name: "Bald widerrufen" })).json() as { id: string; key: string };
    const expiring = (await w.asPartner.post("/api/provider/api-keys", { name: "Läuft ab" })).json() as { id: string; key: string };
    // Both keys are used twice first, so the server knows their engagement's company.
    for (const k of [revoked, expiring]) for (let n = 0; n < 2; n++) expect((await byKey(k.key, url(w.engagementId))).statusCode).toBe(200);

    expect((await w.asPartner.post(`/api/provider/api-keys/${revoked.id}/revoke`, {})).statusCode).toBe(200);
    const afterRevoke = await byKey(revoked.key, url(w.engagementId));
    expect(afterRevoke.statusCode).toBe(401);
    expect(afterRevoke.json().error).toMatchObject({ code: "invalid_api_key", details: { reason: "key_revoked" } });
    expectNoPersonalData(afterRevoke, staff);

    await t.database.db
      .update(apiKey)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKey.id, expiring.id));
    const afterExpiry = await byKey(expiring.key, url(w.engagementId));
    expect(afterExpiry.statusCode).toBe(401);
    expect(afterExpiry.json().error.details).toEqual({ reason: "key_expired" });

    const log = await t.database.db.select().from(dataAccessLog).where(eq(dataAccessLog.engagementId, w.engagementId));
    const byKeyId = (id: string) => log.filter((l) => l.apiKeyId === id).map((l) => [l.outcome, l.reason]);
    expect(byKeyId(revoked.id)).toEqual([
      ["served", null],
      ["served", null],
      ["denied", "key_revoked"],
    ]);
    expect(byKeyId(expiring.id)).toEqual([
      ["served", null],
      ["served", null],
      ["denied", "key_expired"],
    ]);
  });
});

describe("who may read a partner's participation view", () => {
  it("the engagement's partner (session and key) only; everyone else 401/403/404 in the agreed error body", async () => {
    const w = await makeAggregatesWorld(t, { companyName: "Matrix A GmbH" });
    const staff = await addPeople(t, w.company.orgId, 6, { prefix: "Mx" });
    const i = await addIntervention(t, w.company.orgId, { engagementId: w.engagementId });
    await addPlaces(t, w.company.orgId, await addSession(t, w.company.orgId, i, day("2026-02-02")), attended(staff));
    const companyB = await signUpCompany(t.app, { name: "Matrix B GmbH" });
    const uninvolved = await signUpProvider(t.app, { name: "Unbeteiligt" });
    const employee = await addMember(t, w.company, "employee");
    const partnerMember = await addMember(t, w.partner, "partner_member");
    const partnerKey = (await w.asPartner.post("/api/provider/api-keys", { name: "Matrix" })).json().key as string;
    const uninvolvedKey = (await api(t.app, uninvolved.cookie).post("/api/provider/api-keys", { name: "Fremd" })).json().key as string;

    const cases: [string, () => ReturnType<typeof byKey>, number][] = [
      ["engagement partner (admin session)", () => w.asPartner.get(url(w.engagementId)), 200],
      ["engagement partner (member session)", () => api(t.app, partnerMember.cookie).get(url(w.engagementId)), 200],
      ["engagement partner (API key)", () => byKey(partnerKey, url(w.engagementId)), 200],
      ["company A manager", () => w.asCompany.get(url(w.engagementId)), 403],
      ["company B manager", () => api(t.app, companyB.cookie).get(url(w.engagementId)), 403],
      ["employee of A", () => api(t.app, employee.cookie).get(url(w.engagementId)), 403],
      ["uninvolved partner (session)", () => api(t.app, uninvolved.cookie).get(url(w.engagementId)), 404],
      ["uninvolved partner (API key)", () => byKey(uninvolvedKey, url(w.engagementId)), 404],
      ["anonymous", () => api(t.app).get(url(w.engagementId)), 401],
      ["malformed key", () => byKey("nonsense", url(w.engagementId)), 401],
    ];
    for (const [who, call, status] of cases) {
      const res = await call();
      expect(res.statusCode, `${who}: ${res.body}`).toBe(status);
      expectNoPersonalData(res, staff);
      if (status !== 200) {
        expect(Object.keys(res.json()), who).toEqual(["error"]);
        expect(typeof res.json().error.code, who).toBe("string");
        expect(res.body, who).not.toContain("Matrix A");
      }
    }
    // A bad id is a 400 in the same shape.
    const bad = await w.asPartner.get(url("not-a-uuid"));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("validation_failed");
    expectNoPersonalData(bad, staff);
  });
});
