import { engagement, engagementEvent, organization, type Queryable, quote, user } from "@bgm/db";
import { type EngagementSide, type EngagementStatus, Timestamp } from "@bgm/domain";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { after, millis, orderBy, type SortKey } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";
import { findOfferingFacts } from "../marketplace/index.js";

/** A repository call acts for one side of the engagement; every query names that side's column explicitly. */
export interface Party {
  tx: TenantScope["tx"];
  orgId: string;
  side: EngagementSide;
}

export type EngagementRow = typeof engagement.$inferSelect;
export type QuoteRow = typeof quote.$inferSelect;

export const partyFilter = (p: Pick<Party, "orgId" | "side">): SQL =>
  p.side === "company" ? eq(engagement.orgId, p.orgId) : eq(engagement.providerOrgId, p.orgId);

const quoteParty = (p: Party): SQL => (p.side === "company" ? eq(quote.orgId, p.orgId) : eq(quote.providerOrgId, p.orgId));
const eventParty = (p: Party): SQL =>
  p.side === "company" ? eq(engagementEvent.orgId, p.orgId) : eq(engagementEvent.providerOrgId, p.orgId);

const company = alias(organization, "company_org");
const provider = alias(organization, "provider_org");

export interface PartiesRow {
  engagement: EngagementRow;
  companyName: string;
  providerName: string;
}

/**
 * The engagement with the names of its two parties: the one join every read of engagements starts
 * from, inside this module and for others (with-parties.ts). Callers add the filter (and a lock).
 */
export function withParties(db: Queryable) {
  return db
    .select({ engagement, companyName: company.name, providerName: provider.name })
    .from(engagement)
    .innerJoin(company, eq(company.id, engagement.orgId))
    .innerJoin(provider, eq(provider.id, engagement.providerOrgId));
}

export type SummaryRow = PartiesRow & {
  // An offering archived later is no longer readable under RLS for the company; its title falls back.
  offeringTitle: string | null;
  /** The data scopes the offering requests from the company (empty when the offering is no longer readable). */
  requestedDataScopes: string[];
};

/** The offering titles, through the marketplace module (the offering is its table), in the caller's transaction. */
async function withOfferingTitles(tx: Queryable, rows: PartiesRow[]): Promise<SummaryRow[]> {
  const offers = await findOfferingFacts(
    tx,
    rows.map((r) => r.engagement.offeringId),
  );
  return rows.map((r) => {
    const offer = offers.get(r.engagement.offeringId);
    return { ...r, offeringTitle: offer?.title ?? null, requestedDataScopes: offer?.requiredDataScopes ?? [] };
  });
}

export async function findEngagement(p: Party, id: string): Promise<SummaryRow | null> {
  const rows = await withParties(p.tx).where(and(eq(engagement.id, id), partyFilter(p)));
  const [row] = await withOfferingTitles(p.tx, rows);
  return row ?? null;
}

/**
 * Latest activity first. New engagements land on top and never shift the pages still to come; one
 * with new activity while someone pages jumps to the top as well, out of the later pages, and shows
 * on a fresh first page. That is the order the dashboard promises, so the cursor follows it.
 */
const LATEST_ACTIVITY_FIRST: SortKey[] = [
  { expr: millis(engagement.lastActivityAt), desc: true, cast: "timestamptz" },
  { expr: millis(engagement.createdAt), desc: true, cast: "timestamptz" },
  { expr: engagement.id, desc: true, cast: "uuid" },
];
export const EngagementCursor = z.tuple([Timestamp, Timestamp, z.uuid()]);
export const engagementCursorKey = (r: SummaryRow) =>
  [r.engagement.lastActivityAt.toISOString(), r.engagement.createdAt.toISOString(), r.engagement.id] as const;

export async function listEngagements(
  p: Party,
  filter: { status?: EngagementStatus; phase?: number },
  page: { after: z.output<typeof EngagementCursor> | undefined; limit: number },
): Promise<SummaryRow[]> {
  const conditions = [partyFilter(p)];
  if (filter.status) conditions.push(eq(engagement.status, filter.status));
  if (filter.phase) conditions.push(eq(engagement.phase, filter.phase));
  const rows = await withParties(p.tx)
    .where(and(...conditions, after(LATEST_ACTIVITY_FIRST, page.after)))
    .orderBy(...orderBy(LATEST_ACTIVITY_FIRST))
    .limit(page.limit + 1);
  return withOfferingTitles(p.tx, rows);
}

export async function insertEngagement(tx: TenantScope["tx"], values: typeof engagement.$inferInsert) {
  const [row] = await tx.insert(engagement).values(values).returning();
  if (!row) throw new Error("engagement insert returned nothing");
  return row;
}

/**
 * The one write that moves an engagement: conditional on the state and version the caller read,
 * so of two concurrent moves only the first matches; the other gets no row back.
 */
export async function moveEngagement(
  p: Party,
  m: { id: string; from: EngagementStatus; to: EngagementStatus; version: number; ends: boolean },
): Promise<EngagementRow | null> {
  const [row] = await p.tx
    .update(engagement)
    .set({
      status: m.to,
      version: sql`${engagement.version} + 1`,
      lastActivityAt: sql`now()`,
      ...(m.ends ? { endedAt: sql`now()` } : {}),
    })
    .where(and(eq(engagement.id, m.id), partyFilter(p), eq(engagement.status, m.from), eq(engagement.version, m.version)))
    .returning();
  return row ?? null;
}

/** Progress is no transition: the version stays, but only an engagement still in progress takes it. */
export async function setProgress(p: Party, id: string, percent: number): Promise<EngagementRow | null> {
  const [row] = await p.tx
    .update(engagement)
    .set({ progressPercent: percent, lastActivityAt: sql`now()` })
    .where(and(eq(engagement.id, id), partyFilter(p), eq(engagement.status, "in_progress")))
    .returning();
  return row ?? null;
}

export async function listQuotes(p: Party, engagementId: string) {
  return p.tx
    .select()
    .from(quote)
    .where(and(eq(quote.engagementId, engagementId), quoteParty(p)))
    .orderBy(asc(quote.createdAt), asc(quote.id));
}

export async function findOpenQuote(p: Party, engagementId: string): Promise<QuoteRow | null> {
  const rows = await listQuotes(p, engagementId);
  return rows.find((q) => q.status === "open") ?? null;
}

export async function decideQuote(p: Party, quoteId: string, status: "accepted" | "rejected" | "superseded" | "revision_requested") {
  await p.tx
    .update(quote)
    .set({ status, decidedAt: sql`now()` })
    .where(and(eq(quote.id, quoteId), quoteParty(p), eq(quote.status, "open")));
}

export async function insertQuote(p: Party, values: Omit<typeof quote.$inferInsert, "id">) {
  const [row] = await p.tx.insert(quote).values(values).returning();
  if (!row) throw new Error("quote insert returned nothing");
  return row;
}

export async function insertEvent(p: Party, values: typeof engagementEvent.$inferInsert) {
  await p.tx.insert(engagementEvent).values(values);
}

export async function listEvents(p: Party, engagementId: string) {
  return p.tx
    .select({ event: engagementEvent, actorName: user.name })
    .from(engagementEvent)
    .leftJoin(user, eq(user.id, engagementEvent.actorUserId))
    .where(and(eq(engagementEvent.engagementId, engagementId), eventParty(p)))
    .orderBy(asc(engagementEvent.id));
}

/**
 * The count of deliveries waiting for the company's answer, as the results module reports it with
 * each result event (see results-bridge.ts). Not a transition: version and activity stay as they are.
 */
export async function setPendingResults(p: Party, id: string, pending: number): Promise<void> {
  await p.tx
    .update(engagement)
    .set({ pendingResults: pending })
    .where(and(eq(engagement.id, id), partyFilter(p)));
}
