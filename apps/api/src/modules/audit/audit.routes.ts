import { auditLog, user } from "@bgm/db";
import { AuditList, AuditQuery, auditActionsOfArea } from "@bgm/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { after, decodeCursor, orderBy, type SortKey, toPage } from "../../lib/keyset.js";
import { describeObjects } from "./audit-objects.js";

/** The log's id grows with every entry, so it alone is a stable newest-first order. */
const NEWEST_FIRST: SortKey[] = [{ expr: auditLog.id, desc: true }];
const AuditCursor = z.tuple([z.number().int().positive()]);

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "The organization's audit log, newest first, paged by cursor",
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
              q.area ? inArray(auditLog.action, auditActionsOfArea(q.area)) : undefined,
              after(NEWEST_FIRST, decodeCursor(q.cursor, AuditCursor)),
            ),
          )
          .orderBy(...orderBy(NEWEST_FIRST))
          .limit(q.limit + 1);
        const page = rows.slice(0, q.limit);
        const indexOf = new Map(page.map((r, i) => [r, i]));
        const described = await describeObjects(
          s,
          page.map((r) => r.entry),
        );
        return toPage(
          rows,
          q.limit,
          ({ entry }) => [entry.id],
          (row) => {
            const { entry, actorName } = row;
            const object = described[indexOf.get(row) as number] ?? null;
            return {
              id: entry.id,
              at: entry.at.toISOString(),
              actorUserId: entry.actorUserId,
              actorName,
              action: entry.action,
              entityType: entry.entityType,
              entityId: entry.entityId,
              details: entry.details,
              ip: entry.ip,
              objectTitle: object?.title ?? null,
              objectParty: object?.party ?? null,
            };
          },
        );
      }),
  );
};
