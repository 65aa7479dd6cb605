import { auditLog, user } from "@bgm/db";
import { AuditList, AuditQuery } from "@bgm/domain";
import { and, desc, eq, lt } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "The organization's audit log, newest first",
        querystring: AuditQuery,
        response: { 200: AuditList },
      },
    },
    async (req) =>
      req.inTenant({ roles: ["bgm_manager", "partner_admin"] }, async (s) => {
        const q = req.query;
        const rows = await s.tx
          .select({ entry: auditLog, actorName: user.name })
          .from(auditLog)
          .leftJoin(user, eq(user.id, auditLog.actorUserId))
          .where(
            and(
              eq(auditLog.orgId, s.orgId),
              q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
              q.before ? lt(auditLog.id, q.before) : undefined,
            ),
          )
          .orderBy(desc(auditLog.id))
          .limit(q.limit + 1);
        const page = rows.slice(0, q.limit);
        return {
          items: page.map(({ entry, actorName }) => ({
            id: entry.id,
            at: entry.at.toISOString(),
            actorUserId: entry.actorUserId,
            actorName,
            action: entry.action,
            entityType: entry.entityType,
            entityId: entry.entityId,
            details: entry.details,
            ip: entry.ip,
          })),
          nextBefore: rows.length > q.limit ? (page.at(-1)?.entry.id ?? null) : null,
        };
      }),
  );
};
