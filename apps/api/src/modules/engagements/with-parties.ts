import { engagement, type Queryable, type Tx } from "@bgm/db";
import type { EngagementSide, EngagementStatus } from "@bgm/domain";
import { and, eq, inArray } from "drizzle-orm";
import { findOfferingFacts } from "../marketplace/index.js";
import { partyFilter, withParties } from "./engagements.repository.js";

/**
 * "An engagement with its parties and offering": the one read other modules use (data-grants for
 * consent and the partner data API, results for uploads, decisions and deadlines). They used to join
 * the engagement and offering tables themselves, three copies of one query.
 */
export interface EngagementWithParties {
  id: string;
  status: EngagementStatus;
  /** The company's organization (the engagement's tenant column, org_id). */
  orgId: string;
  providerOrgId: string;
  companyName: string;
  providerName: string;
  offeringId: string;
  /** Null when the caller can no longer read the offering (archived after the request); callers pick the fallback. */
  offeringTitle: string | null;
  offeringCategory: string | null;
  /** The data scopes the offering requests from the company (data-grants). */
  requiredDataScopes: string[];
  /** The output types the offering declares as results (results). */
  outputDataTypes: string[];
}

/**
 * Who reads: one party, whose side's column the query names on top of row-level security (anyone
 * else finds nothing), or `"owner"`: a job on the owner connection, across tenants (the result deadlines).
 */
export type EngagementReader = { orgId: string; side: EngagementSide } | "owner";

export interface ReadOptions {
  /**
   * Lock the engagement rows until the transaction ends. `update` serialises everything that writes
   * against the engagement's state (result uploads and decisions); `share` lets other readers in but
   * holds off a transition that would end the engagement (granting data).
   */
  lock?: "update" | "share";
}

/** The engagements among `ids` the reader may see, each with its parties and offering; order not defined. */
export async function readEngagementsWithParties(
  db: Queryable,
  reader: EngagementReader,
  ids: readonly string[],
  opts: ReadOptions = {},
): Promise<EngagementWithParties[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const query = withParties(db).where(and(inArray(engagement.id, unique), reader === "owner" ? undefined : partyFilter(reader)));
  // The lock is on the engagement row only (the organizations are read, not locked).
  return withOfferingFacts(db, opts.lock ? await query.for(opts.lock, { of: engagement }) : await query);
}

/**
 * A provider's engagements in the given states, each with its parties and offering (a full-service
 * planner's list of the days it plans); order not defined.
 */
export async function readProviderEngagementsWithParties(
  tx: Tx,
  providerOrgId: string,
  statuses: readonly EngagementStatus[],
): Promise<EngagementWithParties[]> {
  if (statuses.length === 0) return [];
  return withOfferingFacts(
    tx,
    await withParties(tx).where(and(eq(engagement.providerOrgId, providerOrgId), inArray(engagement.status, [...statuses]))),
  );
}

type PartiesRow = Awaited<ReturnType<ReturnType<typeof withParties>["where"]>>[number];

async function withOfferingFacts(db: Queryable, rows: PartiesRow[]): Promise<EngagementWithParties[]> {
  // Offering facts come after any lock: the offering is the marketplace's, read in the same transaction.
  const offers = await findOfferingFacts(
    db,
    rows.map((r) => r.engagement.offeringId),
  );
  return rows.map(({ engagement: e, companyName, providerName }) => {
    const offer = offers.get(e.offeringId);
    return {
      id: e.id,
      status: e.status as EngagementStatus,
      orgId: e.orgId,
      providerOrgId: e.providerOrgId,
      companyName,
      providerName,
      offeringId: e.offeringId,
      offeringTitle: offer?.title ?? null,
      offeringCategory: offer?.category ?? null,
      requiredDataScopes: offer?.requiredDataScopes ?? [],
      outputDataTypes: offer?.outputDataTypes ?? [],
    };
  });
}

/** One engagement as one of its parties sees it (optionally locked); null for anyone else. */
export async function findEngagementWithParties(
  tx: Tx,
  reader: Exclude<EngagementReader, "owner">,
  id: string,
  opts: ReadOptions = {},
): Promise<EngagementWithParties | null> {
  const [found] = await readEngagementsWithParties(tx, reader, [id], opts);
  return found ?? null;
}
