import { createHash, timingSafeEqual } from "node:crypto";
import type { DatabaseHandle } from "@bgm/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { NO_ROUTE_MESSAGE } from "./error-handler.js";

export interface MetricsOptions {
  /** METRICS_TOKEN; absent: /metrics does not exist (404) and nothing is measured. */
  token?: string;
  database: DatabaseHandle;
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Prometheus metrics at /metrics for a scraper that sends `Authorization: Bearer <METRICS_TOKEN>`.
 * Without the token configured, or with a wrong one, the answer is the same 404 as for any unknown path,
 * so the endpoint does not announce itself. Labels are the route *pattern* (`/api/employees/:id`, never
 * the URL with its ids or query), the method and the status: no personal data, bounded cardinality.
 */
export const metricsPlugin = fp(async (app: FastifyInstance, opts: MetricsOptions) => {
  const token = opts.token;
  const register = token ? new Registry() : undefined;
  if (token && register) {
    collectDefaultMetrics({ register });
    const duration = new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer HTTP requests, by route pattern, method and status",
      labelNames: ["method", "route", "status_code"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [register],
    });
    app.addHook("onResponse", async (req, reply) => {
      // Unmatched paths share one label: scanners must not create a series per URL they try.
      const route = req.routeOptions.url ?? "unmatched";
      duration.observe({ method: req.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });
    const { database } = opts;
    new Gauge({
      name: "db_info",
      help: "The database this node uses (kind pglite = embedded, postgres = server)",
      labelNames: ["kind"] as const,
      registers: [register],
      collect() {
        this.set({ kind: database.kind }, 1);
      },
    });
    if (database.poolStats) {
      const stats = database.poolStats;
      new Gauge({
        name: "db_pool_connections",
        help: "PostgreSQL pool: open connections (total), idle ones, requests waiting for one, and the pool's maximum",
        labelNames: ["state"] as const,
        registers: [register],
        collect() {
          const s = stats();
          this.set({ state: "total" }, s.total);
          this.set({ state: "idle" }, s.idle);
          this.set({ state: "waiting" }, s.waiting);
          this.set({ state: "max" }, s.max);
        },
      });
    }
  }

  const expected = token ? digest(`Bearer ${token}`) : undefined;
  app.get("/metrics", { schema: { hide: true } }, async (req, reply) => {
    const given = req.headers.authorization;
    if (!expected || !register || typeof given !== "string" || !timingSafeEqual(digest(given), expected)) {
      return reply.status(404).send({ error: { code: "not_found", message: NO_ROUTE_MESSAGE } });
    }
    reply.header("cache-control", "no-store");
    return reply.type(register.contentType).send(await register.metrics());
  });
});
