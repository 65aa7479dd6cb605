import { writeFile } from "node:fs/promises";
import { openDatabase } from "@bgm/db";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { isDatabaseUnavailable, isStorageFull } from "../src/lib/infra-errors.js";
import { registerErrorHandler } from "../src/plugins/error-handler.js";
import { api, testConfig } from "./helpers.js";

/**
 * Infrastructure failures under a request (issue 17): an unreachable database is a fast 503 with Retry-After,
 * a full disk is a 507, both with the JSON error body. The errors here are real ones: a pool pointed at a
 * closed port, and a write to /dev/full (which always fails with ENOSPC).
 */

describe("an unreachable PostgreSQL", () => {
  // Port 1 on loopback: nothing listens there, every connect is refused at once.
  const url = "postgres://postgres@127.0.0.1:1/none";
  let app: Awaited<ReturnType<typeof buildApp>>;
  let database: Awaited<ReturnType<typeof openDatabase>>;
  beforeAll(async () => {
    database = await openDatabase({ url, poolSize: 2 });
    app = await buildApp({ database, config: testConfig(), logger: false, serveWeb: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("answers a database-backed request 503 unavailable with Retry-After, fast", async () => {
    const started = performance.now();
    // A public route that reads the database (the company behind a join link).
    const res = await api(app).get("/api/join/some-join-token");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(res.statusCode, res.body).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    expect(res.json()).toEqual({
      error: {
        code: "unavailable",
        message: "The database is not reachable at the moment, try again shortly",
        details: { reason: "database" },
      },
    });
  });

  it("takes the node out of the load balancer: ready is 503 `database`", async () => {
    const res = await api(app).get("/api/health/ready");
    expect(res.statusCode).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    expect(res.json().error).toMatchObject({ code: "unavailable", details: { reason: "database" } });
  });

  it("recognizes the driver's error, wrapped or not", async () => {
    const err = await database.db.execute("select 1" as never).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(err)).toBe(true);
    for (const code of ["57P01", "57P03", "08006", "08001", "ECONNREFUSED"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error("x"), { cause: { code } }))).toBe(true);
    }
    // A constraint violation or a bad value is not an outage.
    for (const code of ["23505", "22007", "40001"]) expect(isDatabaseUnavailable({ code })).toBe(false);
  });
});

describe("a full disk", () => {
  it("answers 507 insufficient_storage when a write fails with ENOSPC", async () => {
    const app = Fastify();
    registerErrorHandler(app);
    app.post("/upload", async () => {
      await writeFile("/dev/full", Buffer.alloc(64 * 1024, 1));
      return { stored: true };
    });
    const res = await app.inject({ method: "POST", url: "/upload" });
    expect(res.statusCode, res.body).toBe(507);
    expect(res.json()).toEqual({
      error: { code: "insufficient_storage", message: "The file store is full; nothing was saved", details: { reason: "storage_full" } },
    });
    const enospc = await writeFile("/dev/full", "x").catch((e: unknown) => e);
    expect(isStorageFull(enospc)).toBe(true);
    expect(isStorageFull(Object.assign(new Error("x"), { code: "ENOENT" }))).toBe(false);
    await app.close();
  });
});
