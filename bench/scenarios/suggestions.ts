import { member, tenantBeginSql, user } from "@bgm/db";
import { eq } from "drizzle-orm";
import pg from "pg";
import type { BenchContext, Scenario } from "../lib/scenario.js";
import { seedCatalog } from "./discovery.js";

const EMAIL = "petra.manager@muster-gmbh.de";
const PASSWORD = "Demo!2026bgm";

/** The task widget of "Conduct employee survey" and the phase-2 view, as Muster GmbH's manager opens them. */
export const SUGGESTION_QUERIES = ["taskKey=employee_survey&limit=5", "phase=2&limit=20"];

interface Statement {
  text: string;
  values?: unknown[];
}

type QueryFn = (this: pg.Client, config: unknown, values?: unknown, cb?: unknown) => unknown;

/**
 * The statements one request of the real app sends inside its tenant transaction (between its BEGIN and
 * COMMIT, on that one connection), recorded at pg's client: the bare route replays exactly these, so
 * "the same SQL" is not a re-implementation that could drift from the product.
 */
async function recordTransaction(request: () => Promise<void>): Promise<Statement[]> {
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  const seen: { client: pg.Client; text: string; values?: unknown[] }[] = [];
  proto.query = function (this: pg.Client, config, values, cb) {
    const c = config as { text?: string; values?: unknown[] } | string;
    const text = typeof c === "string" ? c : c?.text;
    if (typeof text === "string")
      seen.push({ client: this, text, values: (values as unknown[] | undefined) ?? (typeof c === "string" ? undefined : c.values) });
    return original.call(this, config, values, cb);
  };
  try {
    await request();
  } finally {
    proto.query = original;
  }
  const begin = seen.findIndex((q) => q.text.startsWith("BEGIN;"));
  if (begin < 0) throw new Error("no tenant transaction recorded");
  const tx = seen.slice(begin + 1).filter((q) => q.client === seen[begin]?.client);
  const commit = tx.findIndex((q) => q.text === "COMMIT");
  if (commit < 0) throw new Error("the recorded transaction has no COMMIT");
  return tx.slice(0, commit).map(({ text, values }) => ({ text, values }));
}

/**
 * GET /api/marketplace/suggestions as the demo manager over the 10,000 offerings of the discovery scenario
 * (session, validation, the company's situation — project, goals, accepted analyses, locations, history —
 * the candidates, the scoring with its reasons, the statistics count of ADR 0024, the response schema) vs. a
 * bare route that runs the very statements the real route sent in its tenant transaction, recorded once per
 * query, and answers with the candidate rows: no session, no scoring, no mapping.
 */
export const suggestions: Scenario = {
  name: "suggestions",
  async prepare(ctx: BenchContext) {
    await seedCatalog(ctx);
    const db = ctx.real.database.db;
    const cookie = await ctx.real.signIn(EMAIL, PASSWORD);
    const [m] = await db
      .select({ orgId: member.organizationId })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(eq(user.email, EMAIL));
    if (!m) throw new Error(`${EMAIL} has no organization: demo data missing?`);
    const org = m.orgId;

    const recorded = new Map<string, { statements: Statement[]; limit: number }>();
    for (const qs of SUGGESTION_QUERIES) {
      let answered = 0;
      const statements = await recordTransaction(async () => {
        const res = await fetch(`${ctx.real.baseUrl}/api/marketplace/suggestions?${qs}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`suggestions ${qs}: ${res.status} ${await res.text()}`);
        answered = ((await res.json()) as { items: unknown[] }).items.length;
      });
      if (!statements.some((s) => s.text.includes("suggestion_stat_count"))) throw new Error(`suggestions ${qs}: no statistics count`);
      const limit = Number(new URLSearchParams(qs).get("limit"));
      recorded.set(qs, { statements, limit });
      process.stderr.write(`bench suggestions: ${qs}: ${statements.length} statements, ${answered} suggestions\n`);
    }

    const bare = await ctx.bare((app, pool: pg.Pool) => {
      app.get("/api/marketplace/suggestions", async (req, reply) => {
        const prepared = recorded.get(req.url.slice(req.url.indexOf("?") + 1));
        if (!prepared) return reply.status(404).send({ error: "unknown query" });
        const client = await pool.connect();
        try {
          await client.query(tenantBeginSql(org));
          let widest: unknown[] = [];
          for (const s of prepared.statements) {
            const { rows } = await client.query(s.text, s.values);
            if (rows.length > widest.length) widest = rows;
          }
          await client.query("COMMIT");
          return { items: widest.slice(0, prepared.limit), nextCursor: null };
        } catch (err) {
          await client.query("ROLLBACK").catch(() => {});
          throw err;
        } finally {
          client.release();
        }
      });
    });

    const paths = SUGGESTION_QUERIES.map((qs) => `/api/marketplace/suggestions?${qs}`);
    return {
      real: { url: `${ctx.real.baseUrl}${paths[0]}`, headers: { cookie }, paths },
      baseline: { url: `${bare.baseUrl}${paths[0]}`, paths },
    };
  },
};
