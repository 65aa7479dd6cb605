// Several API nodes on one database (issue 17): the request limits are counted in the database, so two app
// instances share them; migrations and start-up work run under advisory locks; a local file folder and a
// PGlite folder are one node's only.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DatabaseHandle } from "@bgm/db";
import rateLimit from "@fastify/rate-limit";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { parseTrustProxy } from "../src/config.js";
import { createRateLimitCounter, fastifyRateLimitStore } from "../src/lib/rate-limit-store.js";
import { claimPgliteFolder, PGLITE_OWNER_FILE } from "../src/startup/node-locks.js";
import { testConfig } from "./helpers.js";
import { openTestDatabase } from "./test-database.js";

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
