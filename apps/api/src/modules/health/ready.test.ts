import type { DatabaseHandle } from "@bgm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, type TestApp, testConfig } from "../../../test/helpers.js";
import { buildApp } from "../../app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("GET /api/health/ready", () => {
  it("answers 200 when the database answers", async () => {
    const res = await api(t.app).get("/api/health/ready");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "ready", database: { kind: t.database.kind } });
  });

  it("answers 503 with Retry-After while the node drains, and liveness stays 200", async () => {
    t.app.lifecycle.draining = true;
    try {
      const res = await api(t.app).get("/api/health/ready");
      expect(res.statusCode).toBe(503);
      expect(res.headers["retry-after"]).toBe("5");
      expect(res.json()).toEqual({
        error: { code: "unavailable", message: "This node is shutting down", details: { reason: "draining" } },
      });
      expect((await api(t.app).get("/api/health")).statusCode).toBe(200);
    } finally {
      t.app.lifecycle.draining = false;
    }
  });

  it("answers every request 503 once the listener is closing", async () => {
    t.app.lifecycle.closing = true;
    try {
      const res = await api(t.app).get("/api/project");
      expect(res.statusCode).toBe(503);
      expect(res.headers.connection).toBe("close");
      expect(res.json().error.code).toBe("unavailable");
    } finally {
      t.app.lifecycle.closing = false;
    }
  });

  it("answers 503 `database` when the database fails or hangs", async () => {
    for (const query of [() => Promise.reject(new Error("connection refused")), () => new Promise(() => {})]) {
      // The probe pings the driver itself (pg's pool or PGlite): that is where the failure goes in.
      const db = new Proxy(t.database.db, { get: (target, key) => (key === "$client" ? { query } : Reflect.get(target, key)) });
      const broken: DatabaseHandle = { ...t.database, db };
      const app = await buildApp({ database: broken, config: testConfig(), logger: false, serveWeb: false });
      try {
        const res = await api(app).get("/api/health/ready");
        expect(res.statusCode).toBe(503);
        expect(res.headers["retry-after"]).toBe("5");
        expect(res.json().error).toMatchObject({ code: "unavailable", details: { reason: "database" } });
      } finally {
        await app.close();
      }
    }
  });
});
