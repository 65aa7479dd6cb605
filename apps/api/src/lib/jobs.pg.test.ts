// PostgreSQL only (*.pg.test.ts runs in the PostgreSQL tier, `npm run test:pg`; vitest.config.ts leaves it out of the
// PGlite run): two API processes need two connection pools on one server.
import { randomUUID } from "node:crypto";
import { type DatabaseHandle, job, openDatabase } from "@bgm/db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createJobQueue } from "./jobs.js";

// Two API processes are two connection pools on one PostgreSQL database (PGlite is one process by nature).
describe("two workers on one PostgreSQL database", () => {
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
