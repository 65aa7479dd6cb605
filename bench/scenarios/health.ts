import type { Scenario } from "../lib/scenario.js";

/** GET /api/health through the whole app vs. a bare route running the same `select 1`. */
export const health: Scenario = {
  name: "health",
  async prepare(ctx) {
    const bare = await ctx.bare((app, pool) => {
      app.get("/api/health", async () => {
        const started = performance.now();
        await pool.query("select 1");
        return { status: "ok", database: { kind: "postgres", ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 } };
      });
    });
    return {
      real: { url: `${ctx.real.baseUrl}/api/health` },
      baseline: { url: `${bare.baseUrl}/api/health` },
    };
  },
};
