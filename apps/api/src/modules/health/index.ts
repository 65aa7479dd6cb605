import type { DatabaseHandle } from "@bgm/db";
import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({ kind: z.enum(["pglite", "postgres"]), ok: z.boolean(), latencyMs: z.number() }),
});

export const healthRoutes: FastifyPluginAsyncZod<{ database: DatabaseHandle }> = async (app, opts) => {
  app.get(
    "/api/health",
    { schema: { tags: ["platform"], summary: "Liveness and database state", security: [], response: { 200: Health, 503: Health } } },
    async (_req, reply) => {
      const started = performance.now();
      let ok = true;
      try {
        await opts.database.db.execute(sql`select 1`);
      } catch {
        ok = false;
      }
      const body = {
        status: ok ? ("ok" as const) : ("degraded" as const),
        database: { kind: opts.database.kind, ok, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
      };
      return reply.status(ok ? 200 : 503).send(body);
    },
  );
};
