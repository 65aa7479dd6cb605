import { member, organization } from "@bgm/db";
import { OrgKind, Timestamp } from "@bgm/domain";
import { count, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../lib/app-error.js";

const OrganizationOverview = z.object({
  id: z.string(),
  name: z.string(),
  kind: OrgKind,
  members: z.number().int(),
  createdAt: Timestamp,
});

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
        response: { 200: z.array(OrganizationOverview) },
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
        .groupBy(organization.id)
        .orderBy(organization.name);
      return rows.map((r) => ({ ...r, kind: r.kind, createdAt: r.createdAt.toISOString() }));
    },
  );
};
