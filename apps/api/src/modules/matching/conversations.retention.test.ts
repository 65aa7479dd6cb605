import { auditLog, buddyConversation, buddyTurn, job } from "@bgm/db";
import { BUDDY_CONVERSATION_RETENTION_DAYS } from "@bgm/domain";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, api, createTestApp, type OrgUser, signUpCompany, type TestApp } from "../../../test/helpers.js";
import { enqueue } from "../../lib/jobs.js";
import { BUDDY_RETENTION_QUEUE } from "./conversations.retention.js";

const DAY_MS = 24 * 60 * 60 * 1000;

let t: TestApp;
const companies: (OrgUser & { api: Api })[] = [];

async function ask(as: Api, question: string, conversationId?: string): Promise<string> {
  const res = await as.post("/api/matching/assistant/stream", { question, ...(conversationId ? { conversationId } : {}) });
  expect(res.statusCode, res.body).toBe(200);
  const done = res.body
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { type: string; answer?: { conversationId: string } })
    .find((e) => e.type === "done");
  if (!done?.answer) throw new Error(`no answer: ${res.body}`);
  return done.answer.conversationId;
}
const listed = async (as: Api) => {
  const res = await as.get("/api/matching/conversations");
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { id: string }[] }).items.map((i) => i.id).sort();
};
/** Sets when a conversation was last continued, past the API (the clock of the test is the job's `now`). */
const touch = (id: string, at: Date) => t.database.db.update(buddyConversation).set({ updatedAt: at }).where(eq(buddyConversation.id, id));

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ["Aufbewahrung Nord GmbH", "Aufbewahrung Süd GmbH"]) {
    const c = await signUpCompany(t.app, { name });
    companies.push({ ...c, api: api(t.app, c.cookie) });
  }
}, 60_000);
afterAll(() => t?.close());

describe("the buddy's conversations are kept for a limited time (ADR 0023)", () => {
  it("a daily job deletes conversations untouched for the retention period, in every company, and keeps fresh ones", async () => {
    const now = new Date();
    const expired = new Date(now.getTime() - (BUDDY_CONVERSATION_RETENTION_DAYS + 1) * DAY_MS);
    const recent = new Date(now.getTime() - (BUDDY_CONVERSATION_RETENTION_DAYS - 2) * DAY_MS);
    const ids = new Map<string, { old: string; fresh: string }>();
    for (const c of companies) {
      const old = await ask(c.api, "Wer hilft bei Rückenproblemen im Lager?");
      const fresh = await ask(c.api, "Wer bietet Stressbewältigung an?");
      await touch(old, expired);
      await touch(fresh, recent);
      ids.set(c.orgId, { old, fresh });
    }
    const [first] = companies;
    if (!first) throw new Error("no company");
    const firstIds = ids.get(first.orgId);
    if (!firstIds) throw new Error("no conversations");
    // Continuing an old conversation counts as touching it: it stays.
    const continued = await ask(first.api, "Wer hilft bei Rückenproblemen im Büro?");
    await touch(continued, expired);
    await ask(first.api, "Und im Außendienst?", continued);
    const turnsBefore = await t.database.db.select().from(buddyTurn).where(eq(buddyTurn.conversationId, firstIds.old));
    expect(turnsBefore).toHaveLength(1);

    // What every server does when it is ready (one row for all), then the queue runs it.
    await enqueue(t.database.db, BUDDY_RETENTION_QUEUE, {}, { singletonKey: "recurring", runAt: now });
    expect(await t.app.jobs.runDue({ now })).toBe(1);

    for (const c of companies) {
      const mine = ids.get(c.orgId);
      const expected = c === first ? [mine?.fresh, continued].sort() : [mine?.fresh];
      expect(await listed(c.api)).toEqual(expected);
      expect((await c.api.get(`/api/matching/conversations/${mine?.old}`)).statusCode).toBe(404);
    }
    // The turns went with their conversation.
    expect(await t.database.db.select().from(buddyTurn).where(eq(buddyTurn.conversationId, firstIds.old))).toEqual([]);

    // Each company's audit log says how many went, not which or what was asked.
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "buddy.conversations_expired"),
          inArray(
            auditLog.orgId,
            companies.map((c) => c.orgId),
          ),
        ),
      );
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      expect(e.details).toEqual({ count: 1, retentionDays: BUDDY_CONVERSATION_RETENTION_DAYS });
      expect(e.actorUserId).toBe("system");
    }

    // The job comes back a day later; nothing more is due then.
    const [row] = await t.database.db.select().from(job).where(eq(job.queue, BUDDY_RETENTION_QUEUE));
    expect(row?.runAt.getTime()).toBe(now.getTime() + DAY_MS);
    expect(row?.doneAt).toBeNull();
    expect(await t.app.jobs.runDue({ now: new Date(now.getTime() + DAY_MS) })).toBe(1);
    expect(await listed(first.api)).toEqual([firstIds.fresh, continued].sort());
  }, 60_000);
});
