import type { DatabaseHandle } from "@bgm/db";
import { ErrorBody } from "@bgm/domain";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { RETRY_AFTER_S } from "../../lib/lifecycle.js";

const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({ kind: z.enum(["pglite", "postgres"]), ok: z.boolean(), latencyMs: z.number() }),
});

const Ready = z.object({
  status: z.literal("ready"),
  database: z.object({ kind: z.enum(["pglite", "postgres"]), latencyMs: z.number() }),
});

/**
 * A database that does not answer within this time counts as down: a hanging server must not make the
 * readiness probe hang too (the load balancer's own timeout would then decide, later and silently).
 */
const READY_DB_TIMEOUT_MS = 2000;

const roundMs = (since: number) => Math.round((performance.now() - since) * 100) / 100;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function unavailable(reply: FastifyReply, reason: "draining" | "database", message: string) {
  return reply
    .status(503)
    .header("retry-after", String(RETRY_AFTER_S))
    .send({ error: { code: "unavailable", message, details: { reason } } });
}

/**
 * `select 1` on the driver itself (pg's pool, or PGlite): the liveness probe is polled all the time, and drizzle
 * built the statement, its result mapping and a query config that pg then copies, on every call (issue 14).
 */
function pingOf(database: DatabaseHandle): () => Promise<unknown> {
  const client = (database.db as unknown as { $client: { query(text: string): Promise<unknown> } }).$client;
  return () => client.query("select 1");
}

export const healthRoutes: FastifyPluginAsyncZod<{ database: DatabaseHandle }> = async (app, opts) => {
  const ping = pingOf(opts.database);
  app.get(
    "/api/health",
    { schema: { tags: ["platform"], summary: "Liveness and database state", security: [], response: { 200: Health, 503: Health } } },
    async (_req, reply) => {
      const started = performance.now();
      let ok = true;
      try {
        await ping();
      } catch {
        ok = false;
      }
      const body = {
        status: ok ? ("ok" as const) : ("degraded" as const),
        database: { kind: opts.database.kind, ok, latencyMs: roundMs(started) },
      };
      return reply.status(ok ? 200 : 503).send(body);
    },
  );

  app.get(
    "/api/health/ready",
    {
      schema: {
        tags: ["platform"],
        summary: "Readiness: may this node get traffic?",
        description:
          "200 when the database answers and the process is not shutting down. 503 `unavailable` with `Retry-After` otherwise: `details.reason` is `database` (no answer within 2 s) or `draining` (SIGTERM received, in-flight requests are being finished). Load balancers and orchestrators route on this; `/api/health` stays the liveness check.",
        security: [],
        response: { 200: Ready, 503: ErrorBody },
      },
    },
    async (_req, reply) => {
      if (app.lifecycle.draining) return unavailable(reply, "draining", "This node is shutting down");
      const started = performance.now();
      try {
        await withTimeout(ping(), READY_DB_TIMEOUT_MS);
      } catch {
        return unavailable(reply, "database", "The database does not answer");
      }
      return { status: "ready" as const, database: { kind: opts.database.kind, latencyMs: roundMs(started) } };
    },
  );
};
