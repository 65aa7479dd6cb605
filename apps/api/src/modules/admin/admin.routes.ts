import { member, organization } from "@bgm/db";
import { CursorQuery, cursorPage, OrgKind, Timestamp } from "@bgm/domain";
import { count, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { after, decodeCursor, orderBy, type SortKey, toPage } from "../../lib/keyset.js";

const OrganizationOverview = z.object({
  id: z.string(),
  name: z.string(),
  kind: OrgKind,
  members: z.number().int(),
  createdAt: Timestamp,
});

const BY_NAME: SortKey[] = [
  { expr: organization.name, cast: "text" },
  { expr: organization.id, cast: "text" },
];
const OrganizationCursor = z.tuple([z.string().max(200), z.string().max(64)]);

/**
 * Platform administration: which organizations exist and how many members they have. Deliberately
 * no tenant content (employees, goals, engagements): the platform admin runs the platform, not the
 * companies' health management.
 */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/admin/organizations",
    {
      schema: {
        tags: ["admin"],
        summary: "All organizations with member counts (platform admins only)",
        querystring: CursorQuery,
        response: { 200: cursorPage(OrganizationOverview) },
      },
    },
    async (req) => {
      const caller = await req.caller();
      if (caller.user.platformRole !== "admin") throw AppError.forbidden("Platform administrators only");
      const rows = await app.db
        .select({
          id: organization.id,
          name: organization.name,
          kind: organization.kind,
          createdAt: organization.createdAt,
          members: count(member.id),
        })
        .from(organization)
        .leftJoin(member, eq(member.organizationId, organization.id))
        .where(after(BY_NAME, decodeCursor(req.query.cursor, OrganizationCursor)))
        .groupBy(organization.id)
        .orderBy(...orderBy(BY_NAME))
        .limit(req.query.limit + 1);
      return toPage(
        rows,
        req.query.limit,
        (r) => [r.name, r.id],
        (r) => ({ ...r, kind: r.kind, createdAt: r.createdAt.toISOString() }),
      );
    },
  );
};
