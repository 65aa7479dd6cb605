import { randomUUID } from "node:crypto";
import { type DatabaseHandle, job, openDatabase } from "@bgm/db";
import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTestDatabase } from "../../test/test-database.js";
import { createJobQueue, enqueue } from "./jobs.js";

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

// Two API processes are two connection pools on one PostgreSQL database (PGlite is one process by nature).
describe.skipIf(!process.env.TEST_DATABASE_URL)("two workers on one PostgreSQL database", () => {
  const url = process.env.TEST_DATABASE_URL as string;
  const name = `bgm_t_jobs_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  let admin: pg.Client;
  let a: DatabaseHandle;
  let b: DatabaseHandle;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplateDb")}`);
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    a = await openDatabase({ url: dbUrl.toString(), poolSize: 5 });
    b = await openDatabase({ url: dbUrl.toString(), poolSize: 5 });
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("never runs one job twice", async () => {
    const runs = new Map<number, string[]>();
    const make = (handle: DatabaseHandle, id: string) => {
      const q = createJobQueue({ db: handle.db, workerId: id, concurrency: 5 });
      q.register<{ n: number }>("t.race", async (ctx) => {
        runs.set(ctx.payload.n, [...(runs.get(ctx.payload.n) ?? []), id]);
        await new Promise((r) => setTimeout(r, Math.random() * 3));
      });
      return q;
    };
    const first = make(a, "A");
    const second = make(b, "B");
    const N = 400;
    await a.db.insert(job).values(Array.from({ length: N }, (_, n) => ({ queue: "t.race", payload: { n } })));
    const [ra, rb] = await Promise.all([first.runDue(), second.runDue()]);
    expect(ra + rb).toBe(N);
    expect(ra, "both workers took jobs").toBeGreaterThan(0);
    expect(rb, "both workers took jobs").toBeGreaterThan(0);
    expect(runs.size).toBe(N);
    expect([...runs.values()].filter((w) => w.length > 1)).toEqual([]);
  }, 60_000);
});
