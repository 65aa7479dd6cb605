import { providerProfile, publishedOffering } from "@bgm/db";
import type { MatchOffering, Offering } from "@bgm/domain";
import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
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
 * survey and fit are scored in the domain's pure function, on these rows.
 *
 * Only the columns the scoring reads, as the driver returns them (no drizzle mapping, no API view): a
 * task or phase finds thousands of offerings in a large catalogue and the route shows at most 20, whose
 * full offerings `findPublishedOfferings` loads afterwards. Mapping every candidate to its view was most
 * of the route's work (bench "suggestions").
 */
export async function findMatchCandidates(
  s: Pick<TenantScope, "tx">,
  opts: { taskKey: string | null; phase: number | null },
): Promise<MatchOffering[]> {
  const relevant: SQL[] = [];
  if (opts.taskKey) relevant.push(sql`${publishedOffering.relevantTasks} @> array[${opts.taskKey}]::text[]`);
  if (opts.phase !== null) relevant.push(sql`${publishedOffering.relevantPhases} @> array[${opts.phase}]::int[]`);
  if (relevant.length === 0) return [];
  const o = publishedOffering;
  const result = await s.tx.execute(sql`
    select ${o.id} as "id", ${o.title} as "title", ${o.description} as "description",
      ${o.providerName} as "providerName", ${o.category} as "category", ${o.certifications} as "certifications",
      ${o.deliveryMode} as "deliveryMode", ${o.priceFromCents} as "priceFromCents",
      ${o.relevantPhases} as "relevantPhases", ${o.relevantTasks} as "relevantTasks",
      coalesce(${providerProfile.regions}, '{}'::text[]) as "regions"
    from ${o} left join ${providerProfile} on ${providerProfile.orgId} = ${o.orgId}
    where ${and(eq(o.status, "published"), or(...relevant))}`);
  return (result as unknown as { rows: MatchOffering[] }).rows;
}

/** The published offerings among `ids` as the API shows them, by id (one unpublished meanwhile is absent). */
export async function findPublishedOfferings(s: Pick<TenantScope, "tx">, ids: readonly string[]): Promise<Map<string, Offering>> {
  if (ids.length === 0) return new Map();
  const rows = await s.tx
    .select(publishedColumns)
    .from(publishedOffering)
    .where(and(eq(publishedOffering.status, "published"), inArray(publishedOffering.id, [...ids])));
  return new Map(rows.map((r) => [r.id, toOffering(r)]));
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

/** One published offering as the matching scores it (with its provider's regions), or null. */
export async function findCandidate(s: Pick<TenantScope, "tx">, id: string): Promise<MatchCandidate | null> {
  const [row] = await s.tx
    .select(candidateColumns)
    .from(publishedOffering)
    .leftJoin(providerProfile, eq(providerProfile.orgId, publishedOffering.orgId))
    .where(and(eq(publishedOffering.status, "published"), eq(publishedOffering.id, id)));
  return row ? toCandidate(row) : null;
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
