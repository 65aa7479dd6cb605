import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { createMailer } from "../src/lib/mailer.js";
import { api, signUp, testConfig } from "./helpers.js";
import { openTestDatabase } from "./test-database.js";

/**
 * The outbox holds password-reset and invitation links: whoever reads it takes over accounts. It must
 * answer the person at this machine only, and nobody at all where config.devOutbox is off.
 */
async function appWith(devOutbox: boolean) {
  const database = await openTestDatabase();
  const mailer = createMailer({ db: database.db, from: "test@bgm-hub.local" });
  const app = await buildApp({ database, config: testConfig({ devOutbox }), mailer, logger: false, serveWeb: false });
  await app.ready();
  const close = async () => {
    await app.close();
    await database.close();
  };
  return { app, close };
}

const outbox = (app: FastifyInstance, opts: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  app.inject({ method: "GET", url: "/api/dev/outbox", remoteAddress: opts.remoteAddress ?? "127.0.0.1", headers: opts.headers });

let on: Awaited<ReturnType<typeof appWith>>;
let off: Awaited<ReturnType<typeof appWith>>;
beforeAll(async () => {
  on = await appWith(true);
  off = await appWith(false);
});
afterAll(async () => {
  await on.close();
  await off.close();
});

describe("the local mail outbox", () => {
  it("refuses the takeover path: a reset link requested by a stranger cannot be read from the network", async () => {
    const victim = await signUp(on.app);
    const reset = await api(on.app).post("/api/auth/request-password-reset", { email: victim.email, redirectTo: "/reset-password" });
    expect(reset.statusCode, reset.body).toBe(200);

    const attempts: { remoteAddress?: string; headers?: Record<string, string> }[] = [
      { remoteAddress: "198.51.100.7" },
      { remoteAddress: "::ffff:10.0.0.8" },
      // A reverse proxy on this machine makes every visitor look local: its headers give it away.
      { headers: { "x-forwarded-for": "198.51.100.7" } },
      { headers: { forwarded: "for=198.51.100.7" } },
      { headers: { "x-real-ip": "198.51.100.7" } },
      { headers: { host: "bgm.example.de" } },
    ];
    for (const attempt of attempts) {
      const res = await outbox(on.app, attempt);
      expect(res.statusCode, JSON.stringify(attempt)).toBe(404);
      expect(res.json()).toEqual({ error: { code: "not_found", message: "No route matches this method and path" } });
      expect(res.body).not.toContain(victim.email);
    }

    // The developer at this machine reads it (that is what the outbox is for).
    const local = await outbox(on.app, { headers: { host: "localhost:3000" } });
    expect(local.statusCode).toBe(200);
    expect(local.json().some((m: { to: string; text: string }) => m.to === victim.email && m.text.includes("reset-password"))).toBe(true);
  });

  it("does not exist where devOutbox is off (production, a network address, SMTP), not even for this machine", async () => {
    await api(off.app).post("/api/auth/request-password-reset", { email: (await signUp(off.app)).email, redirectTo: "/" });
    const res = await outbox(off.app, { headers: { host: "localhost:3000" } });
    expect(res.statusCode).toBe(404);
    const doc = (await off.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(Object.keys(doc.paths)).not.toContain("/api/dev/outbox");
  });
});
