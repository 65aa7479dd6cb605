import { type Database, offering, providerProfile, publishedOffering } from "@bgm/db";
import { and, asc, eq, ne, or, sql } from "drizzle-orm";
import { type PrebuiltQuery, prebuiltQuery } from "../../lib/prebuilt-query.js";
import type { TenantScope } from "../../lib/request-context.js";
import {
  type DiscoveryFilters,
  discoveryQueries,
  discoveryShape,
  discoveryValues,
  offeringColumns,
  publishedColumns,
} from "./discovery.sql.js";

/** Reads across providers: published offerings of everyone, plus the caller's own. */
type Scope = Pick<TenantScope, "tx" | "orgId">;

/** Every certification published offerings carry (the providers' own wording), sorted. */
export async function listCertifications(s: Scope): Promise<string[]> {
  const rows = await s.tx.execute<{ certification: string }>(
    sql`SELECT DISTINCT unnest(${publishedOffering.certifications}) AS certification FROM ${publishedOffering} WHERE ${publishedOffering.status} = 'published'`,
  );
  // Sorted here, not by the database's collation (which differs between PGlite and a server).
  return (rows as unknown as { rows: { certification: string }[] }).rows
    .map((r) => r.certification)
    .sort((a, b) => a.localeCompare(b, "de"));
}

type ShapeQueries = ReturnType<typeof discoveryQueries>;
interface Prebuilt {
  page: PrebuiltQuery<ShapeQueries["page"]>;
  count: PrebuiltQuery<ShapeQueries["count"]>;
}
const byShape = new Map<string, Prebuilt>();

/** The statements of a search's shape (which filters it has; at most 2⁹ of them), built on its first use. */
function queriesOf(f: DiscoveryFilters): Prebuilt {
  const shape = discoveryShape(f);
  let queries = byShape.get(shape);
  if (!queries) {
    queries = {
      // Unnamed: the plan of a search depends on its words and filters (lib/prebuilt-query.ts).
      page: prebuiltQuery(`discovery_page_${shape}`, (q: Database) => discoveryQueries(q, f).page, { named: false }),
      count: prebuiltQuery(`discovery_count_${shape}`, (q: Database) => discoveryQueries(q, f).count, { named: false }),
    };
    byShape.set(shape, queries);
  }
  return queries;
}

export async function listPublished(s: Scope, f: DiscoveryFilters) {
  const queries = queriesOf(f);
  const values = discoveryValues(f);
  const rows = await queries.page(s.tx, values);
  if (rows.length > 0) return { rows, total: Number(rows[0]?.total) };
  if (!f.after) return { rows, total: 0 };
  // Past the last page no row carries the total.
  const [count] = await queries.count(s.tx, values);
  return { rows, total: count?.total ?? 0 };
}

export async function findVisible(s: Scope, id: string) {
  const [row] = await s.tx
    .select(offeringColumns)
    .from(offering)
    .where(and(eq(offering.id, id), or(eq(offering.status, "published"), eq(offering.orgId, s.orgId))));
  return row ?? null;
}

/** A provider's public profile (readable by every signed-in user), or null when it never saved one. */
export async function findProviderProfile(s: Scope, providerOrgId: string) {
  const [row] = await s.tx.select().from(providerProfile).where(eq(providerProfile.orgId, providerOrgId));
  return row ?? null;
}

/** The provider's published offerings other than `exceptId`, by title: public, like the catalogue. */
export async function listOtherPublished(s: Scope, providerOrgId: string, exceptId: string, limit: number) {
  return s.tx
    .select(publishedColumns)
    .from(publishedOffering)
    .where(and(eq(publishedOffering.status, "published"), eq(publishedOffering.orgId, providerOrgId), ne(publishedOffering.id, exceptId)))
    .orderBy(asc(publishedOffering.title), asc(publishedOffering.id))
    .limit(limit);
}

/**
 * For each search word that is not a word of the published catalogue, the catalogue word most like it
 * (pg_trgm): „Rückn“ → „rücken“. Candidates must contain most of the word's trigrams (word_similarity ≥ 0.5);
 * among them the most similar whole word wins, then the shorter one. Only runs when a search found nothing.
 */
export async function closestCatalogueWords(s: Scope, words: string[]): Promise<Map<string, string>> {
  const result = await s.tx.execute<{ asked: string; word: string }>(sql`
    WITH vocabulary AS (
      SELECT DISTINCT lower(w) AS word
      FROM ${publishedOffering},
        regexp_split_to_table(concat_ws(' ', ${publishedOffering.title}, ${publishedOffering.providerName}, ${publishedOffering.description}), '[^[:alnum:]äöüÄÖÜß]+') AS w
      WHERE ${publishedOffering.status} = 'published' AND length(w) >= 3
    ), asked AS (SELECT DISTINCT jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) AS asked)
    SELECT DISTINCT ON (asked) asked, word
    FROM asked CROSS JOIN vocabulary
    WHERE NOT EXISTS (SELECT 1 FROM vocabulary v WHERE v.word = asked.asked)
      AND word_similarity(asked, word) >= 0.5
    ORDER BY asked, similarity(word, asked) DESC, length(word), word`);
  const rows = (result as unknown as { rows: { asked: string; word: string }[] }).rows;
  return new Map(rows.map((r) => [r.asked, r.word]));
}
