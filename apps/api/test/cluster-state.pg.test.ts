// PostgreSQL only (*.pg.test.ts runs in the PostgreSQL tier, `npm run test:pg`; vitest.config.ts leaves it out of the
// PGlite run): advisory locks between two nodes, i.e. two connection pools on one server.
import { openDatabase } from "@bgm/db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimLocalFileStore } from "../src/startup/node-locks.js";

describe("advisory locks on PostgreSQL", () => {
  const url = process.env.TEST_DATABASE_URL ?? "";
  const name = `bgm_lock_${process.pid}_${Date.now()}`;
  let admin: pg.Client;
  let dbUrl: string;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("two nodes migrating an empty database at once: both succeed, each migration applied once", async () => {
    const nodes = await Promise.all([openDatabase({ url: dbUrl, poolSize: 3 }), openDatabase({ url: dbUrl, poolSize: 3 })]);
    try {
      await Promise.all(nodes.map((n) => n.migrate()));
      const check = new pg.Client({ connectionString: dbUrl });
      await check.connect();
      const applied = await check.query("SELECT hash FROM drizzle.__drizzle_migrations");
      const distinct = new Set(applied.rows.map((r) => r.hash));
      await check.end();
      expect(applied.rows.length).toBeGreaterThan(20);
      expect(distinct.size).toBe(applied.rows.length);
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
    }
  }, 120_000);

  it("exclusive() runs one node's start-up work at a time; a local file folder is one node's", async () => {
    const [a, b] = await Promise.all([openDatabase({ url: dbUrl, poolSize: 3 }), openDatabase({ url: dbUrl, poolSize: 3 })]);
    try {
      const spans: [number, number][] = [];
      const work = async () => {
        const start = Date.now();
        await new Promise((r) => setTimeout(r, 300));
        spans.push([start, Date.now()]);
      };
      await Promise.all([a.exclusive("startup", work), b.exclusive("startup", work)]);
      spans.sort((x, y) => x[0] - y[0]);
      expect(spans[1]?.[0]).toBeGreaterThanOrEqual(spans[0]?.[1] ?? Number.POSITIVE_INFINITY);

      const opts = { usesS3: false, sharedFolder: false, storageDir: "/srv/files" };
      expect(await claimLocalFileStore(a, opts)).toBeUndefined();
      expect(await claimLocalFileStore(b, opts)).toMatch(/another API node/);
      expect(await claimLocalFileStore(b, { ...opts, sharedFolder: true })).toBeUndefined();
      expect(await claimLocalFileStore(b, { ...opts, usesS3: true })).toBeUndefined();
      await a.close();
      // The first node is gone (its lock with it): the second may keep files locally now.
      expect(await claimLocalFileStore(b, opts)).toBeUndefined();
    } finally {
      await Promise.allSettled([a.close(), b.close()]);
    }
  }, 60_000);
});
