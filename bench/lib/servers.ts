import type { AddressInfo } from "node:net";
import { type DatabaseHandle, openDatabase } from "@bgm/db";
import Fastify, { type FastifyInstance } from "fastify";
import pg from "pg";
import { buildApp } from "../../apps/api/src/app.js";
import type { AppConfig } from "../../apps/api/src/config.js";
import { CSRF_HEADER, CSRF_VALUE } from "../../apps/api/src/plugins/security.js";
import { seedDemo } from "../../apps/api/src/seed/seed-demo.js";

/**
 * Same pool size as the app's own (openDatabase's default), so both sides get the same connections;
 * BENCH_POOL_SIZE sets another for both sides.
 */
export const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE) || 20;

function baseUrlOf(app: FastifyInstance): string {
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

export interface RealApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  baseUrl: string;
  /** Signs in through the HTTP API and returns the Cookie header value. */
  signIn(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/** The real app exactly as server.ts builds it (minus logging and the web app) on a migrated, seeded database. */
export async function startRealApp(url: string): Promise<RealApp> {
  const database = await openDatabase({ url, poolSize: POOL_SIZE });
  await database.migrate();
  const config: AppConfig = {
    env: "production",
    port: 0,
    host: "127.0.0.1",
    appUrl: "http://127.0.0.1",
    authSecret: "bench-secret-bench-secret-bench-secret-0123",
    mailFrom: "bench@bgm-hub.local",
    devOutbox: false,
    logLevel: "silent",
    // Every scenario signs in; never let the login limit get in the way.
    loginRateLimit: 100_000,
    // The app's defaults, unless BENCH_DISCOVERY_CACHE=off asks for the query on every request.
    ...(process.env.BENCH_DISCOVERY_CACHE === "off" ? { discoveryCache: { ttlMs: 0, maxEntries: 1 } } : {}),
    results: { maxFileBytes: 20 * 1024 * 1024, storageDir: ".data/bench-files", reminderDays: 5, autoAcceptDays: 14 },
  };
  const app = await buildApp({ database, config, logger: false, serveWeb: false });
  await seedDemo(database.db, app.auth);
  await app.listen({ host: "127.0.0.1", port: 0 });
  const baseUrl = baseUrlOf(app);
  return {
    app,
    database,
    baseUrl,
    async signIn(email, password) {
      const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
        method: "POST",
        // In production better-auth insists on an Origin (ours: the configured app URL) and keys its
        // login rate limit on the client IP header the app trusts (x-forwarded-for, as behind a proxy).
        headers: {
          "content-type": "application/json",
          origin: new URL(config.appUrl).origin,
          "x-forwarded-for": "127.0.0.1",
          [CSRF_HEADER]: CSRF_VALUE,
        },
        body: JSON.stringify({ email, password }),
      });
      if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      if (!cookie) throw new Error(`sign-in as ${email} set no cookie`);
      return cookie;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface BareServer {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The baseline: a plain `fastify()` with none of our plugins (no auth, no validation, no hooks)
 * and a plain pg Pool; `register` adds the scenario's route(s).
 */
export async function startBareServer(url: string, register: (app: FastifyInstance, pool: pg.Pool) => void): Promise<BareServer> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  pool.on("error", (err) => process.stderr.write(`bare server pool: ${err.message}\n`));
  const app = Fastify();
  register(app, pool);
  await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    baseUrl: baseUrlOf(app),
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
