import { participation } from "@bgm/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, createTestApp, type TestApp } from "../../../test/helpers.js";
import { type CompanyWithPeople, companyWithPeople, countsDrift, interventionWithSession, type Person } from "./test-fixtures.js";

/**
 * Capacity under concurrency, through the HTTP API: the session row is locked (SELECT … FOR UPDATE)
 * in each registration's tenant transaction. Runs on PGlite and, with `node scripts/test-pg.mjs`, on a
 * PostgreSQL server, where the requests really run in parallel on several connections.
 */
let t: TestApp;
let c: CompanyWithPeople;

beforeAll(async () => {
  t = await createTestApp();
  c = await companyWithPeople(t, "Ansturm GmbH", 50);
}, 600_000);
afterAll(() => t?.close());

describe("50 people register at once for 10 places", () => {
  it("gives exactly 10 places and puts 40 on the waitlist, numbered 1–40", async () => {
    const { sessionId } = await interventionWithSession(c.asManager, { capacity: 10 });
    const answers = await Promise.all(c.people.map((p) => (p.as as Api).post(`/api/me/participation-sessions/${sessionId}/registration`)));
    expect(answers.map((a) => a.statusCode).filter((s) => s !== 201)).toEqual([]);
    const statuses = answers.map((a) => a.json().status as string);
    expect(statuses.filter((s) => s === "registered")).toHaveLength(10);
    expect(statuses.filter((s) => s === "waitlisted")).toHaveLength(40);
    const positions = answers.map((a) => a.json().waitlistPosition as number | null).filter((p) => p !== null);
    expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));

    const rows = await t.database.db.select().from(participation).where(eq(participation.sessionId, sessionId));
    expect(rows).toHaveLength(50);
    expect(rows.filter((r) => r.status === "registered")).toHaveLength(10);
    expect(rows.filter((r) => r.status === "waitlisted")).toHaveLength(40);
    const list = (await c.asManager.get(`/api/participation-sessions/${sessionId}/attendance`)).json();
    expect(list.session.counts).toMatchObject({ registered: 10, waitlisted: 40 });
    expect(await countsDrift(t.database.db)).toEqual([]);
  });

  it("one person registering 10 times at once gets one row: one 201, the rest 200 with the same place", async () => {
    const { sessionId } = await interventionWithSession(c.asManager, { capacity: 10 });
    const p = c.people[0] as Person;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => (p.as as Api).post(`/api/me/participation-sessions/${sessionId}/registration`)),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().status))).toEqual(new Set(["registered"]));
    const rows = await t.database.db.select().from(participation).where(eq(participation.sessionId, sessionId));
    expect(rows).toHaveLength(1);
  });

  it("cancellations racing with registrations never overfill the session", async () => {
    const { sessionId } = await interventionWithSession(c.asManager, { capacity: 5 });
    const first = c.people.slice(0, 10);
    await Promise.all(first.map((p) => (p.as as Api).post(`/api/me/participation-sessions/${sessionId}/registration`)));
    const rest = c.people.slice(10, 20);
    await Promise.all([
      ...first.slice(0, 5).map((p) => (p.as as Api).delete(`/api/me/participation-sessions/${sessionId}/registration`)),
      ...rest.map((p) => (p.as as Api).post(`/api/me/participation-sessions/${sessionId}/registration`)),
    ]);
    const rows = await t.database.db.select().from(participation).where(eq(participation.sessionId, sessionId));
    expect(rows.filter((r) => r.status === "registered")).toHaveLength(5);
    expect(rows.filter((r) => r.status === "waitlisted")).toHaveLength(10);
    expect(rows.filter((r) => r.status === "cancelled")).toHaveLength(5);
  });
});
