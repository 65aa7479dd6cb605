import { APP_ROLE, type Database, member, TENANT_SETTINGS_SQL, user } from "@bgm/db";
import { eq, fillPlaceholders } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { findProjectQuery, listGoalsQuery, listTasksQuery } from "../../apps/api/src/modules/bgm-process/bgm-process.repository.js";
import { requirementProgressQuery } from "../../apps/api/src/modules/legal/legal.repository.js";
import { listResultEvidenceQuery } from "../../apps/api/src/modules/result-evidence/result-evidence.js";
import { lookUpCaller, sessionTokenOf } from "../lib/caller.js";
import type { Scenario } from "../lib/scenario.js";

const EMAIL = "petra.manager@muster-gmbh.de";
const PASSWORD = "Demo!2026bgm";

// The SQL the app sends for GET /api/project, taken from the very queries the app prebuilds
// (lib/prebuilt-query.ts), so the baseline runs exactly those statements: the caller's session with
// memberships (plugins/request-context.ts), then in the tenant transaction bgm-process.repository.ts
// (findProject, listTasks, listGoals), the tasks' evidence (result-evidence.ts) and the legal ledger's
// progress (legal.repository.ts). The baseline sends them as unnamed statements (parsed on every call).
const qb = new QueryBuilder() as unknown as Database;
const findProject = findProjectQuery.build(qb).toSQL();
const listTasks = listTasksQuery.build(qb).toSQL();
const listGoals = listGoalsQuery.build(qb).toSQL();
const listEvidence = listResultEvidenceQuery.build(qb).toSQL();
const listProgress = requirementProgressQuery.build(qb).toSQL();

/**
 * Authenticated GET /api/project of the demo company (session, membership, role check, RLS
 * transaction, mapping, response validation) vs. a bare route that runs the same statements — the
 * session lookup for the same token, then the tenant transaction of packages/db/src/tenant-tx.ts with
 * the project, tasks, goals, evidence and ledger reads — and sends the rows as they come.
 */
export const projectRead: Scenario = {
  name: "project_read",
  async prepare(ctx) {
    const cookie = await ctx.real.signIn(EMAIL, PASSWORD);
    const [m] = await ctx.real.database.db
      .select({ orgId: member.organizationId })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(eq(user.email, EMAIL));
    if (!m) throw new Error(`${EMAIL} has no organization: demo data missing?`);
    const org = m.orgId;
    const token = sessionTokenOf(cookie);

    const bare = await ctx.bare((app, pool) => {
      app.get("/api/project", async (_req, reply) => {
        const client = await pool.connect();
        try {
          if ((await lookUpCaller(client, token)).length === 0) return reply.status(401).send({ error: "unauthenticated" });
          await client.query("begin");
          await client.query(TENANT_SETTINGS_SQL, [APP_ROLE, org]);
          const project = (await client.query(findProject.sql, fillPlaceholders(findProject.params, { orgId: org }))).rows[0];
          if (!project) {
            await client.query("commit");
            return reply.status(404).send({ error: "not_found" });
          }
          const tasks = await client.query(listTasks.sql, fillPlaceholders(listTasks.params, { orgId: org, projectId: project.id }));
          const goals = await client.query(listGoals.sql, fillPlaceholders(listGoals.params, { orgId: org }));
          const evidence = await client.query(
            listEvidence.sql,
            fillPlaceholders(listEvidence.params, { orgId: org, targetType: "task", targetIds: tasks.rows.map((r) => r.id as string) }),
          );
          const progress = await client.query(listProgress.sql, fillPlaceholders(listProgress.params, { orgId: org }));
          await client.query("commit");
          return { project, tasks: tasks.rows, goals: goals.rows, evidence: evidence.rows, progress: progress.rows };
        } catch (err) {
          await client.query("rollback").catch(() => {});
          throw err;
        } finally {
          client.release();
        }
      });
    });

    return {
      real: { url: `${ctx.real.baseUrl}/api/project`, headers: { cookie } },
      baseline: { url: `${bare.baseUrl}/api/project` },
    };
  },
};
