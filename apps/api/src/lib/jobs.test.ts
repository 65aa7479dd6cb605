import { type DatabaseHandle, job } from "@bgm/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database.js";
import { createJobQueue, enqueue, sweepFinishedJobs } from "./jobs.js";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
}, 60_000);
afterAll(() => database.close());

const T0 = new Date("2030-01-01T00:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("job queue", () => {
  it("runs a due job once, not a job that is not due yet", async () => {
    const queue = createJobQueue({ db: database.db });
    const seen: string[] = [];
    queue.register<{ n: number }>("t.once", async (ctx) => {
      seen.push(`${ctx.payload.n}@${ctx.attempt}`);
    });
    await enqueue(database.db, "t.once", { n: 1 }, { runAt: T0 });
    await enqueue(database.db, "t.once", { n: 2 }, { runAt: at(60_000) });
    expect(await queue.runDue({ now: T0 })).toBe(1);
    expect(await queue.runDue({ now: T0 })).toBe(0);
    expect(await queue.runDue({ now: at(60_000) })).toBe(1);
    expect(seen).toEqual(["1@1", "2@1"]);
  });

  it("retries a failing job with exponential backoff and gives up after maxAttempts", async () => {
    const queue = createJobQueue({ db: database.db });
    const retries: (string | null)[] = [];
    queue.register("t.fail", async (ctx) => {
      retries.push(ctx.retryAt?.toISOString() ?? null);
      throw new Error("nope");
    });
    await enqueue(database.db, "t.fail", {}, { runAt: T0, maxAttempts: 3 });
    await queue.runDue({ now: T0 });
    expect(await queue.runDue({ now: at(9_999) }), "not before the backoff").toBe(0);
    await queue.runDue({ now: at(10_000) });
    await queue.runDue({ now: at(10_000 + 20_000) });
    expect(retries).toEqual([at(10_000).toISOString(), at(30_000).toISOString(), null]);
    expect(await queue.runDue({ now: at(10 * 3600_000) })).toBe(0);
    const [row] = await database.db.select().from(job).where(eq(job.queue, "t.fail"));
    expect(row).toMatchObject({ attempts: 3, lastError: "nope" });
    expect(row?.failedAt).not.toBeNull();
  });

  it("takes a job again when its worker's lease ran out (a crashed worker)", async () => {
    const crashed = createJobQueue({ db: database.db, workerId: "crashed" });
    crashed.register("t.lease", () => new Promise<void>(() => {}), { leaseMs: 1000 });
    await enqueue(database.db, "t.lease", {}, { runAt: T0 });
    void crashed.runDue({ now: T0 }); // never finishes
    await new Promise((r) => setTimeout(r, 100));
    const healthy = createJobQueue({ db: database.db, workerId: "healthy" });
    let runs = 0;
    healthy.register("t.lease", async () => {
      runs++;
    });
    expect(await healthy.runDue({ now: at(500) }), "still leased").toBe(0);
    expect(await healthy.runDue({ now: at(1000) })).toBe(1);
    expect(runs).toBe(1);
  });

  it("a recurring job with a singleton key stays one row and runs again after its interval", async () => {
    const queue = createJobQueue({ db: database.db });
    let runs = 0;
    queue.register(
      "t.every",
      async () => {
        runs++;
      },
      { repeatEveryMs: 900_000 },
    );
    await enqueue(database.db, "t.every", {}, { runAt: T0, singletonKey: "recurring" });
    await enqueue(database.db, "t.every", {}, { runAt: T0, singletonKey: "recurring" });
    expect(await database.db.select().from(job).where(eq(job.queue, "t.every"))).toHaveLength(1);
    await queue.runDue({ now: T0 });
    expect(await queue.runDue({ now: at(899_999) })).toBe(0);
    await queue.runDue({ now: at(900_000) });
    expect(runs).toBe(2);
  });
});

describe("finished jobs", () => {
  it("are deleted after their retention (done after 7 days, failed after 30); open jobs never", async () => {
    const day = 24 * 60 * 60 * 1000;
    // Before the other tests' jobs (done at T0 and later), so only this test's rows are due for deletion.
    const now = at(-1000 * day);
    const ago = (days: number) => new Date(now.getTime() - days * day);
    const rows = await database.db
      .insert(job)
      .values([
        { queue: "t.sweep", payload: { k: "done-old" }, doneAt: ago(8) },
        { queue: "t.sweep", payload: { k: "done-new" }, doneAt: ago(6) },
        { queue: "t.sweep", payload: { k: "failed-old" }, failedAt: ago(31) },
        { queue: "t.sweep", payload: { k: "failed-new" }, failedAt: ago(29) },
        { queue: "t.sweep", payload: { k: "open-old" }, runAt: ago(400) },
      ])
      .returning({ id: job.id });
    expect(rows).toHaveLength(5);
    expect(await sweepFinishedJobs(database.db, now)).toBe(2);
    const left = await database.db.select({ payload: job.payload }).from(job).where(eq(job.queue, "t.sweep"));
    expect(left.map((r) => r.payload.k).sort()).toEqual(["done-new", "failed-new", "open-old"]);
    expect(await sweepFinishedJobs(database.db, now)).toBe(0);
  });
});
