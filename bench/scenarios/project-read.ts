import { APP_ROLE, bgmProject, bgmTask, goal, member, TENANT_SETTINGS_SQL, user } from "@bgm/db";
import { and, asc, eq, fillPlaceholders, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import type { Scenario } from "../lib/scenario.js";

const EMAIL = "petra.manager@muster-gmbh.de";
const PASSWORD = "Demo!2026bgm";

// The SQL of bgm-process.repository.ts (findProject, listTasks, listGoals), built once with the
// same drizzle expressions so the baseline runs exactly the statements the app sends.
const qb = new QueryBuilder();
const orgId = sql.placeholder("orgId");
const projectId = sql.placeholder("projectId");
const findProject = qb.select().from(bgmProject).where(eq(bgmProject.orgId, orgId)).toSQL();
const listTasks = qb
  .select({ task: bgmTask, ownerName: user.name })
  .from(bgmTask)
  .leftJoin(user, eq(user.id, bgmTask.ownerUserId))
  .where(and(eq(bgmTask.orgId, orgId), eq(bgmTask.projectId, projectId)))
  .orderBy(asc(bgmTask.phase))
  .toSQL();
const listGoals = qb.select().from(goal).where(eq(goal.orgId, orgId)).orderBy(asc(goal.createdAt)).toSQL();

/**
 * Authenticated GET /api/project of the demo company (session, membership, role check, RLS
 * transaction, mapping, response validation) vs. a bare route that runs only the tenant
 * transaction of packages/db/src/tenant-tx.ts and the three selects for a fixed organization.
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

    const bare = await ctx.bare((app, pool) => {
      app.get("/api/project", async (_req, reply) => {
        const client = await pool.connect();
        try {
          await client.query("begin");
          await client.query(TENANT_SETTINGS_SQL, [APP_ROLE, org]);
          const project = (await client.query(findProject.sql, fillPlaceholders(findProject.params, { orgId: org }))).rows[0];
          if (!project) {
            await client.query("commit");
            return reply.status(404).send({ error: "not_found" });
          }
          const [tasks, goals] = await Promise.all([
            client.query(listTasks.sql, fillPlaceholders(listTasks.params, { orgId: org, projectId: project.id })),
            client.query(listGoals.sql, fillPlaceholders(listGoals.params, { orgId: org })),
          ]);
          await client.query("commit");
          return { project, tasks: tasks.rows, goals: goals.rows };
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
