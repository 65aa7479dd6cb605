import { employee, intervention, participation, participationSession, participationSessionCount, withTenantTx } from "@bgm/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, createTestApp, type TestApp } from "../../../test/helpers.js";
import { addPeople, addSession, day, type PlaceStatus } from "../../../test/participation-aggregates-fixtures.js";
import {
  type CompanyWithPeople,
  companyWithPeople,
  countsDrift,
  courseWithSessions,
  expectOk,
  interventionWithSession,
  makeCompany,
  type Person,
  startsIn,
} from "./test-fixtures.js";

/**
 * participation_session_count (migration 0035) must equal a count over participation for every session after
 * every statement, whoever writes: the app's routes (as the RLS-bound role), cascades, the owner role of
 * seeds and jobs. Each step below ends with the full comparison (countsDrift: empty means exact).
 */
let t: TestApp;
let c: CompanyWithPeople;

beforeAll(async () => {
  t = await createTestApp();
  c = await companyWithPeople(t, "Zählwerk GmbH", 5);
}, 300_000);
afterAll(() => t?.close());

const me = (i: number) => c.people[i]?.as as Api;
const person = (i: number) => c.people[i] as Person;
const reg = (i: number, sessionId: string) => me(i).post(`/api/me/participation-sessions/${sessionId}/registration`);
const unreg = (i: number, sessionId: string) => me(i).delete(`/api/me/participation-sessions/${sessionId}/registration`);
const countOf = async (sessionId: string) => {
  const [row] = await t.database.db.select().from(participationSessionCount).where(eq(participationSessionCount.sessionId, sessionId));
  return row ? { attended: row.attended, notAttended: row.notAttended } : null;
};

async function expectExact() {
  expect(await countsDrift(t.database.db)).toEqual([]);
}

describe("the per-session counts follow every change of places", () => {
  it("registration, waitlist, cancellation with promotion, and a whole course booked in one call", async () => {
    const { sessionId } = await interventionWithSession(c.asManager, { capacity: 2 });
    for (const i of [0, 1, 2, 3]) expectOk(await reg(i, sessionId), 201, "register");
    await expectExact();
    expect(await countOf(sessionId)).toEqual({ attended: 0, notAttended: 2 });
    // The first waiting person moves up: still two places held.
    expectOk(await unreg(0, sessionId), 200, "cancel");
    await expectExact();
    expect(await countOf(sessionId)).toEqual({ attended: 0, notAttended: 2 });
    expectOk(await unreg(3, sessionId), 200, "cancel waiting");
    expectOk(await reg(0, sessionId), 201, "register again");
    await expectExact();

    const k = await courseWithSessions(c.asManager, { title: "Rückenfit", capacity: 1, count: 4 });
    for (const i of [0, 1]) expectOk(await me(i).post(`/api/me/interventions/${k.id}/registration`), 201, "book");
    await expectExact();
    expectOk(await me(0).delete(`/api/me/interventions/${k.id}/registration`), 200, "unbook");
    await expectExact();
    for (const id of k.sessions) expect(await countOf(id)).toEqual({ attended: 0, notAttended: 1 });
  });

  it("attendance: marks, corrections, all attended, walk-ins added and removed", async () => {
    const { sessionId } = await interventionWithSession(c.asManager, { capacity: 3 });
    for (const i of [0, 1, 2, 3]) await reg(i, sessionId);
    await startsIn(c.asManager, sessionId, -5);
    const mark = (i: number, status: string) =>
      c.asManager.put(`/api/participation-sessions/${sessionId}/attendance/${person(i).employeeId}`, { status });
    expectOk(await mark(0, "attended"), 200, "attended");
    expectOk(await mark(1, "no_show"), 200, "no show");
    await expectExact();
    expect(await countOf(sessionId)).toEqual({ attended: 1, notAttended: 2 });
    expectOk(await mark(1, "attended"), 200, "correction");
    expectOk(await c.asManager.post(`/api/participation-sessions/${sessionId}/attendance/all-attended`), 200, "all attended");
    await expectExact();
    expect(await countOf(sessionId)).toEqual({ attended: 3, notAttended: 0 });
    expectOk(
      await c.asManager.post(`/api/participation-sessions/${sessionId}/walk-ins`, { employeeId: person(3).employeeId }),
      200,
      "from waitlist",
    );
    expectOk(
      await c.asManager.post(`/api/participation-sessions/${sessionId}/walk-ins`, { employeeId: person(4).employeeId }),
      200,
      "walk-in",
    );
    await expectExact();
    expect(await countOf(sessionId)).toEqual({ attended: 5, notAttended: 0 });
    expectOk(await c.asManager.delete(`/api/participation-sessions/${sessionId}/walk-ins/${person(4).employeeId}`), 200, "remove walk-in");
    await expectExact();
    expect(await countOf(sessionId)).toEqual({ attended: 4, notAttended: 0 });
  });

  it("a cancelled and reopened session, a deleted session, a deleted intervention", async () => {
    const a = await interventionWithSession(c.asManager, { capacity: 5 });
    const b = await interventionWithSession(c.asManager, { capacity: 5 });
    for (const i of [0, 1, 2]) {
      await reg(i, a.sessionId);
      await reg(i, b.sessionId);
    }
    expectOk(await c.asManager.post(`/api/participation-sessions/${a.sessionId}/cancel`), 200, "cancel session");
    await expectExact();
    const reopened = await c.asManager.post(`/api/participation-sessions/${a.sessionId}/reopen`);
    expect([200, 409]).toContain(reopened.statusCode);
    await expectExact();
    // Deleting a session (and its places, by cascade) takes its count along; so does an intervention.
    await t.database.db.delete(participationSession).where(eq(participationSession.id, a.sessionId));
    expect(await countOf(a.sessionId)).toBeNull();
    await t.database.db.delete(intervention).where(eq(intervention.id, b.interventionId));
    expect(await countOf(b.sessionId)).toBeNull();
    await expectExact();
  });

  it("deleting employees: as the owner (a job) and in the company's own tenant transaction (the app role)", async () => {
    const s1 = await interventionWithSession(c.asManager, { capacity: 10 });
    const s2 = await interventionWithSession(c.asManager, { capacity: 10 });
    const extra = await addPeople(t, c.manager.orgId, 4, { prefix: "Weg" });
    const places = extra.flatMap((p, k) =>
      [s1.sessionId, s2.sessionId].map(
        (sessionId) => ({ orgId: c.manager.orgId, sessionId, employeeId: p.id, status: k % 2 ? "attended" : "no_show" }) as const,
      ),
    );
    await t.database.db.insert(participation).values(places);
    await expectExact();
    expect(await countOf(s1.sessionId)).toEqual({ attended: 2, notAttended: 2 });
    await t.database.db.delete(employee).where(eq(employee.id, (extra[0] as { id: string }).id));
    await expectExact();
    await withTenantTx(t.database.db, c.manager.orgId, (tx) =>
      tx.delete(employee).where(and(eq(employee.orgId, c.manager.orgId), eq(employee.id, (extra[1] as { id: string }).id))),
    );
    await expectExact();
    expect(await countOf(s2.sessionId)).toEqual({ attended: 1, notAttended: 1 });
  });

  it("multi-row statements over several sessions: moved places, changed statuses, deletions (random, fast-check)", async () => {
    const orgId = c.manager.orgId;
    const iv = (await interventionWithSession(c.asManager)).interventionId;
    const sessionIds = [
      await addSession(t, orgId, iv, day("2026-05-04")),
      await addSession(t, orgId, iv, day("2026-05-05")),
      await addSession(t, orgId, iv, day("2026-05-06")),
    ];
    const crowd = await addPeople(t, orgId, 8, { prefix: "Zufall" });
    const status = fc.constantFrom<PlaceStatus>("registered", "waitlisted", "cancelled", "attended", "no_show");
    const op = fc.oneof(
      fc.record({ kind: fc.constant("status" as const), pick: fc.nat(255), to: status }),
      fc.record({ kind: fc.constant("move" as const), pick: fc.nat(255), to: fc.nat(2) }),
      fc.record({ kind: fc.constant("delete" as const), pick: fc.nat(255) }),
      fc.record({ kind: fc.constant("insert" as const), pick: fc.nat(255), to: status }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), fc.boolean(), async (ops, asApp) => {
        await t.database.db.delete(participation).where(inArray(participation.sessionId, sessionIds));
        // Every person in every session, then a random sequence of multi-row statements (a bitmask picks the rows).
        await t.database.db.insert(participation).values(
          crowd.flatMap((p, k) =>
            sessionIds.map((sessionId, j) => ({
              orgId,
              sessionId,
              employeeId: p.id,
              status: (["registered", "attended", "no_show", "waitlisted"] as const)[(k + j) % 4] as PlaceStatus,
            })),
          ),
        );
        const picked = (mask: number) => crowd.filter((_, k) => (mask >> k) & 1).map((p) => p.id);
        const run = async (db: typeof t.database.db | Parameters<Parameters<typeof withTenantTx>[2]>[0]) => {
          for (const o of ops) {
            const ids = picked(o.pick);
            if (ids.length === 0) continue;
            const rows = and(inArray(participation.sessionId, sessionIds), inArray(participation.employeeId, ids));
            if (o.kind === "status") await db.update(participation).set({ status: o.to }).where(rows);
            else if (o.kind === "delete") await db.delete(participation).where(rows);
            else if (o.kind === "insert")
              await db
                .insert(participation)
                .values(ids.flatMap((employeeId) => sessionIds.map((sessionId) => ({ orgId, sessionId, employeeId, status: o.to }))))
                .onConflictDoUpdate({ target: [participation.sessionId, participation.employeeId], set: { status: o.to } });
            else {
              // Everyone picked moves into one session, where they are not yet (the pair is unique).
              const target = sessionIds[o.to] as string;
              await db
                .update(participation)
                .set({ sessionId: target })
                .where(
                  and(
                    rows,
                    sql`not exists (select 1 from participation q where q.session_id = ${target} and q.employee_id = ${participation.employeeId})`,
                  ),
                );
            }
          }
        };
        if (asApp) await withTenantTx(t.database.db, orgId, (tx) => run(tx));
        else await run(t.database.db);
        expect(await countsDrift(t.database.db)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 300_000);

  it("concurrent statements over the same sessions neither deadlock nor lose a change (parallel on PostgreSQL)", async () => {
    const orgId = c.manager.orgId;
    const iv = (await interventionWithSession(c.asManager)).interventionId;
    const sessionIds = await Promise.all(
      ["2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04"].map((d) => addSession(t, orgId, iv, day(d))),
    );
    const crowd = await addPeople(t, orgId, 20, { prefix: "Parallel" });
    await t.database.db
      .insert(participation)
      .values(crowd.flatMap((p) => sessionIds.map((sessionId) => ({ orgId, sessionId, employeeId: p.id, status: "registered" as const }))));
    // Each transaction changes its own person's places in every session (no place is shared), so only the count
    // rows are contended; each is changed twice, so a transaction holds its count locks across two statements.
    await Promise.all(
      crowd.map((p, k) =>
        withTenantTx(t.database.db, orgId, async (tx) => {
          const own = and(eq(participation.employeeId, p.id), inArray(participation.sessionId, sessionIds));
          await tx.update(participation).set({ status: "attended" }).where(own);
          await tx
            .update(participation)
            .set({ status: k % 2 ? "no_show" : "attended" })
            .where(own);
        }),
      ),
    );
    await expectExact();
    for (const id of sessionIds) expect(await countOf(id)).toEqual({ attended: 10, notAttended: 10 });
  });

  it("the app role reads its own company's counts only, and cannot write them", async () => {
    const other = await makeCompany(t, "Andere GmbH");
    const mine = await withTenantTx(t.database.db, c.manager.orgId, (tx) => tx.select().from(participationSessionCount));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.orgId === c.manager.orgId)).toBe(true);
    expect(await withTenantTx(t.database.db, other.manager.orgId, (tx) => tx.select().from(participationSessionCount))).toEqual([]);
    const [first] = mine;
    const refused = await withTenantTx(t.database.db, c.manager.orgId, (tx) =>
      tx
        .update(participationSessionCount)
        .set({ attended: 99 })
        .where(eq(participationSessionCount.sessionId, first?.sessionId as string)),
    ).catch((e: Error) => e);
    expect(String((refused as Error & { cause?: unknown }).cause)).toMatch(/permission denied/);
    await expectExact();
  });

  it("TRUNCATE of participation empties the counts", async () => {
    expect((await t.database.db.select().from(participationSessionCount)).length).toBeGreaterThan(0);
    await t.database.db.execute(sql`truncate participation cascade`);
    expect(await t.database.db.select().from(participationSessionCount)).toEqual([]);
    await expectExact();
  });
});
