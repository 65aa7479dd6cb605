// Public entry of the engagements module.
import { engagement, type Tx } from "@bgm/db";
import type { EngagementStatus } from "@bgm/domain";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyPluginAsync } from "fastify";
import { type AuditObjectSource, registerAuditObjectSource } from "../audit/index.js";
import { engagementRoutes } from "./engagements.routes.js";
import { partnerEngagementRoutes } from "./partner-engagements.routes.js";
import { readEngagementsWithParties } from "./with-parties.js";

export type { Acting, Outcome } from "./access.js";
export { type BookingFacts, readBookingFacts } from "./booking-facts.js";
/** A quote request to a provider about one published offering (what POST /api/engagements does), for other modules' bookings. */
export { createEngagement as requestQuote } from "./engagements.service.js";
export { type MessageEvent, recordMessageEvent } from "./message-events.js";
export {
  type ResultEvent,
  type ResultNoticeEngagement,
  recordPendingResults,
  recordResultEvent,
  reopenDeliveredEngagement,
} from "./results-bridge.js";
export { companyEngagementTodos, type EngagementTodos } from "./todos.js";
export {
  type EngagementReader,
  type EngagementWithParties,
  findEngagementWithParties,
  type ReadOptions,
  readEngagementsWithParties,
  readProviderEngagementsWithParties,
} from "./with-parties.js";

/** The audit page's words for an engagement: the offering's title and the other party's name. */
const engagementAuditObjects: AuditObjectSource = async (scope, ids) => {
  const rows = await readEngagementsWithParties(scope.tx, { orgId: scope.orgId, side: scope.orgKind }, ids);
  return new Map(rows.map((e) => [e.id, { title: e.offeringTitle, party: scope.orgKind === "company" ? e.providerName : e.companyName }]));
};

export const engagementsRoutes: FastifyPluginAsync = async (app) => {
  registerAuditObjectSource("engagement", engagementAuditObjects);
  await app.register(engagementRoutes);
  await app.register(partnerEngagementRoutes);
};

/**
 * In the provider's own tenant transaction: one of its engagements, to learn which company it is with
 * (partner reads of a company's aggregates). Null when the engagement is not this provider's.
 */
export async function findEngagementOfProvider(
  tx: Tx,
  providerOrgId: string,
  id: string,
): Promise<{ id: string; orgId: string; status: EngagementStatus } | null> {
  const [row] = await tx
    .select({ id: engagement.id, orgId: engagement.orgId, status: engagement.status })
    .from(engagement)
    .where(and(eq(engagement.id, sql.placeholder("id")), eq(engagement.providerOrgId, sql.placeholder("providerOrgId"))))
    .prepare("engagement_of_provider")
    .execute({ id, providerOrgId });
  return row ? { ...row, status: row.status as EngagementStatus } : null;
}

/**
 * The company's engagements as the partner matching reads them: which offering, in which state (issue 15:
 * running bookings are not suggested again, declined ones step back). In the company's transaction.
 */
export async function offeringHistory(scope: { tx: Tx; orgId: string }): Promise<{ offeringId: string; status: EngagementStatus }[]> {
  return scope.tx
    .select({ offeringId: engagement.offeringId, status: sql<EngagementStatus>`${engagement.status}` })
    .from(engagement)
    .where(eq(engagement.orgId, scope.orgId));
}
