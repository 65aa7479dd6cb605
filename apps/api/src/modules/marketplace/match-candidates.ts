import { providerProfile, publishedOffering } from "@bgm/db";
import type { MatchOffering, Offering } from "@bgm/domain";
import { and, asc, eq, or, type SQL, sql } from "drizzle-orm";
import type { TenantScope } from "../../lib/request-context.js";
import { type DiscoveryFilters, discoveryWhere, publishedColumns } from "./discovery.sql.js";
import { toOffering } from "./marketplace.mappers.js";

/** A published offering as the matching module scores it, and as the API shows it. */
export interface MatchCandidate extends MatchOffering {
  view: Offering;
}

/**
 * Published offerings relevant to a task or a phase, with their provider's regions: the candidates the
 * matching module (issue 15) scores. The database narrows by the indexed arrays; the words, synonyms,
 * survey and fit are scored in the domain's pure function, on these few rows.
 */
export async function findMatchCandidates(
  s: Pick<TenantScope, "tx">,
  opts: { taskKey: string | null; phase: number | null },
): Promise<MatchCandidate[]> {
  const relevant: SQL[] = [];
  if (opts.taskKey) relevant.push(sql`${publishedOffering.relevantTasks} @> array[${opts.taskKey}]::text[]`);
  if (opts.phase !== null) relevant.push(sql`${publishedOffering.relevantPhases} @> array[${opts.phase}]::int[]`);
  if (relevant.length === 0) return [];
  const rows = await s.tx
    .select(candidateColumns)
    .from(publishedOffering)
    .leftJoin(providerProfile, eq(providerProfile.orgId, publishedOffering.orgId))
    .where(and(eq(publishedOffering.status, "published"), or(...relevant)));
  return rows.map(toCandidate);
}

/**
 * The published offerings the marketplace's filters find (the same conditions as discovery), at most
 * `limit` of them by title: the candidates of the "Empfohlen" sort and of the partner buddy.
 */
export async function findFilteredCandidates(
  s: Pick<TenantScope, "tx">,
  filters: Omit<DiscoveryFilters, "after">,
): Promise<MatchCandidate[]> {
  const rows = await s.tx
    .select(candidateColumns)
    .from(publishedOffering)
    .leftJoin(providerProfile, eq(providerProfile.orgId, publishedOffering.orgId))
    .where(discoveryWhere(filters))
    .orderBy(asc(publishedOffering.title), asc(publishedOffering.id))
    .limit(filters.limit);
  return rows.map(toCandidate);
}

const candidateColumns = { ...publishedColumns, regions: sql<string[]>`coalesce(${providerProfile.regions}, '{}'::text[])` };

function toCandidate({ regions, ...row }: Parameters<typeof toOffering>[0] & { regions: string[] | null }): MatchCandidate {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    providerName: row.providerName,
    category: row.category,
    certifications: row.certifications,
    deliveryMode: row.deliveryMode,
    priceFromCents: row.priceFromCents,
    relevantPhases: row.relevantPhases,
    relevantTasks: row.relevantTasks,
    regions: regions ?? [],
    view: toOffering(row),
  };
}
