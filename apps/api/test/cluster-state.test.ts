// Several API nodes on one database (issue 17): the request limits are counted in the database, so two app
// instances share them; migrations and start-up work run under advisory locks; a local file folder and a
// PGlite folder are one node's only.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DatabaseHandle, openDatabase } from "@bgm/db";
import rateLimit from "@fastify/rate-limit";
import Fastify from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { parseTrustProxy } from "../src/config.js";
import { createRateLimitCounter, fastifyRateLimitStore } from "../src/lib/rate-limit-store.js";
import { claimLocalFileStore, claimPgliteFolder, PGLITE_OWNER_FILE } from "../src/startup/node-locks.js";
import { testConfig } from "./helpers.js";
import { openTestDatabase } from "./test-database.js";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe("rate limits shared through the database", () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("counts hits of a key atomically, in fixed windows", async () => {
    const counter = createRateLimitCounter(database.db);
    const counts = await Promise.all(Array.from({ length: 20 }, () => counter.hit("t:parallel", 60_000)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(counts.every((c) => c.ttlMs > 55_000 && c.ttlMs <= 60_000)).toBe(true);
    expect((await counter.peek("t:parallel")).count).toBe(20);

    expect((await counter.hit("t:short", 300)).count).toBe(1);
    expect((await counter.hit("t:short", 300)).count).toBe(2);
    await new Promise((r) => setTimeout(r, 400));
    expect(await counter.peek("t:short")).toEqual({ count: 0, ttlMs: 0 });
    expect((await counter.hit("t:short", 300)).count).toBe(1);
  });

  it("two app instances on one database share the sign-in limit", async () => {
    const config = testConfig({ loginRateLimit: 4 });
    const a = await buildApp({ database, config, logger: false, serveWeb: false, mailer: { send: async () => {} } });
    const b = await buildApp({ database, config, logger: false, serveWeb: false, mailer: { send: async () => {} } });
    await Promise.all([a.ready(), b.ready()]);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const node = i % 2 === 0 ? a : b;
        const res = await node.inject({
          method: "POST",
          url: "/api/auth/sign-in/email",
          remoteAddress: "203.0.113.77",
          headers: { "x-requested-with": "bgm-hub" },
          payload: { email: "angreifer@example.de", password: "raten-raten" },
        });
        statuses.push(res.statusCode);
      }
      // Each node saw three attempts, under the limit of four on its own: together they are over it.
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 90_000);

  it("@fastify/rate-limit on the database store: two instances share a route's limit", async () => {
    const make = async () => {
      const app = Fastify();
      await app.register(rateLimit, { global: false, store: fastifyRateLimitStore(createRateLimitCounter(database.db), "t-route:") });
      app.get("/limited", { config: { rateLimit: { max: 3, timeWindow: 60_000 } } }, async () => ({ ok: true }));
      await app.ready();
      return app;
    };
    const [a, b] = await Promise.all([make(), make()]);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await (i % 2 ? b : a).inject({ url: "/limited", remoteAddress: "198.51.100.5" })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe("TRUST_PROXY", () => {
  it("parses off, on, hop counts and address lists", () => {
    expect(parseTrustProxy("false")).toBe(false);
    expect(parseTrustProxy("")).toBe(false);
    expect(parseTrustProxy("true")).toBe(true);
    expect(parseTrustProxy("127.0.0.1, 10.0.0.0/8")).toEqual(["127.0.0.1", "10.0.0.0/8"]);
    const hops = parseTrustProxy("1") as (a: string, i: number) => boolean;
    expect([hops("x", 0), hops("x", 1)]).toEqual([true, false]);
  });

  it("the client address behind a trusted proxy comes from X-Forwarded-For, not otherwise", async () => {
    const database = await openTestDatabase();
    const ipOf = async (trustProxy: ReturnType<typeof parseTrustProxy>) => {
      const app = await buildApp({ database, config: testConfig({ trustProxy }), logger: false, serveWeb: false });
      app.get("/ip", async (req) => ({ ip: req.ip }));
      await app.ready();
      const res = await app.inject({ url: "/ip", remoteAddress: "127.0.0.1", headers: { "x-forwarded-for": "203.0.113.9" } });
      await app.close();
      return res.json().ip;
    };
    try {
      expect(await ipOf(false)).toBe("127.0.0.1");
      expect(await ipOf(["127.0.0.1"])).toBe("203.0.113.9");
      expect(await ipOf(["10.0.0.1"])).toBe("127.0.0.1");
    } finally {
      await database.close();
    }
  }, 60_000);
});

describe("one PGlite folder, one process", () => {
  it("refuses a folder a running process serves and takes over a stale claim", () => {
    const dir = mkdtempSync(join(tmpdir(), "bgm-pglite-claim-"));
    // The parent (vitest's runner) is alive and not us.
    writeFileSync(join(dir, PGLITE_OWNER_FILE), `${process.ppid}\n`);
    const refused = claimPgliteFolder(dir);
    expect("refused" in refused && refused.refused).toMatch(/single-process/);
    writeFileSync(join(dir, PGLITE_OWNER_FILE), "2147483646\n");
    const claim = claimPgliteFolder(dir);
    expect("release" in claim).toBe(true);
    if ("release" in claim) claim.release();
  });
});

describe.skipIf(!onPostgres)("advisory locks on PostgreSQL", () => {
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
