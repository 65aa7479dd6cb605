import { publishedOffering as offering, offering as offeringTable, providerProfile } from "@bgm/db";
import type { DiscoveryQuery } from "@bgm/domain";
import { and, arrayContains, arrayOverlaps, asc, desc, eq, exists, gte, lte, type SQL, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { z } from "zod";
import { after, orderBy, type SortKey } from "../../lib/keyset.js";

/**
 * The SQL of discovery, built from drizzle expressions in one place so the repository and the
 * benchmark's bare baseline run exactly the same statements. It reads the public view of published
 * offerings (see packages/db schema/marketplace.ts): under RLS the GIN indexes could not be used.
 */

/** Every column the API shows, of the table or of the public view; the tsvector stays in the database. */
function columnsOf(t: typeof offeringTable | typeof offering) {
  return {
    id: t.id,
    orgId: t.orgId,
    providerName: t.providerName,
    title: t.title,
    description: t.description,
    category: t.category,
    certifications: t.certifications,
    deliveryMode: t.deliveryMode,
    priceFromCents: t.priceFromCents,
    priceUnit: t.priceUnit,
    turnaroundDays: t.turnaroundDays,
    capacity: t.capacity,
    requiredDataScopes: t.requiredDataScopes,
    outputDataTypes: t.outputDataTypes,
    integrationPoints: t.integrationPoints,
    relevantPhases: t.relevantPhases,
    relevantTasks: t.relevantTasks,
    status: t.status,
    updatedAt: t.updatedAt,
  };
}
/** Columns of the offering table (own offerings in any state, under RLS). */
export const offeringColumns = columnsOf(offeringTable);
/** Columns of the public view of published offerings (discovery, suggestions). */
export const publishedColumns = columnsOf(offering);

/** A region served everywhere in Germany covers every regional filter. */
export const NATIONWIDE = "DE";

/**
 * Keeps letters, digits, spaces and the operators websearch_to_tsquery knows (quotes for phrases,
 * a leading minus, "or"); everything else becomes a space. The text is still only ever a bound
 * parameter; this keeps the lexemes plain words so the prefix rewrite below stays well-formed.
 */
export function sanitizeSearch(q: string | undefined): string | null {
  if (!q) return null;
  const clean = q
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}\s"-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return /[\p{L}\p{N}]/u.test(clean) ? clean : null;
}

/**
 * German full-text query with prefix matching. websearch_to_tsquery stems each word ("Rücken" →
 * 'ruck'); German compounds ("Rückenscreening" → 'ruckenscreening') only match as a prefix, so
 * every lexeme gets `:*`. Stems of 7+ letters also lose their last letter, because the stemmer
 * cuts derived forms differently ("Ergonomie" → 'ergonomi', "ergonomischen" → 'ergonom').
 * The rewrite runs on PostgreSQL's own rendering of the parsed query, never on raw input.
 */
export function germanPrefixQuery(q: string): SQL {
  return sql`regexp_replace(regexp_replace(websearch_to_tsquery('german', ${q})::text, '''([^'']+)''', '''\\1'':*', 'g'), '''([^'']{6,})[^'']'':\\*', '''\\1'':*', 'g')::tsquery`;
}

export interface DiscoveryFilters extends Omit<DiscoveryQuery, "q" | "cursor"> {
  /** Already sanitized search text. */
  q: string | null;
  /** The decoded cursor: rank, title and id of the previous page's last offering. */
  after?: DiscoveryCursor;
}

/** Relevance (0 without a search text), then title, then id: rank is a float4 and travels as a JSON number. */
export const DiscoveryCursor = z.tuple([z.number().finite(), z.string().max(200), z.uuid()]);
export type DiscoveryCursor = z.output<typeof DiscoveryCursor>;

export function discoveryWhere(f: DiscoveryFilters): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(offering.status, "published"),
    f.category ? eq(offering.category, f.category) : undefined,
    f.certification ? arrayContains(offering.certifications, [f.certification]) : undefined,
    f.deliveryMode ? eq(offering.deliveryMode, f.deliveryMode) : undefined,
    f.priceMin !== undefined ? gte(offering.priceFromCents, f.priceMin) : undefined,
    f.priceMax !== undefined ? lte(offering.priceFromCents, f.priceMax) : undefined,
    f.phase !== undefined ? arrayContains(offering.relevantPhases, [f.phase]) : undefined,
    f.region
      ? exists(
          new QueryBuilder()
            .select({ one: sql`1` })
            .from(providerProfile)
            .where(and(eq(providerProfile.orgId, offering.orgId), arrayOverlaps(providerProfile.regions, [f.region, NATIONWIDE]))),
        )
      : undefined,
    f.q ? sql`${offering.searchVector} @@ ${germanPrefixQuery(f.q)}` : undefined,
  ];
  return and(...conditions) as SQL;
}

const rankOf = (q: string) => sql<number>`ts_rank_cd(${offering.searchVector}, ${germanPrefixQuery(q)})`;

/**
 * One page and the total in one pass: the inner queries find, count and order the matches on a
 * narrow row (id, rank, title), the outer one fetches the columns of the page's rows only. With
 * two statements PostgreSQL would search twice; with a window over full rows it would buffer
 * thousands of descriptions just to count them. The window sits below the cursor's condition, so
 * the total counts every match, not only those after the cursor. One row more than the limit tells
 * whether another page follows.
 */
export function discoveryPage(qb: Pick<QueryBuilder, "select">, f: DiscoveryFilters) {
  const rank = f.q ? rankOf(f.q) : sql<number>`0::real`;
  const ranked = qb
    .select({ id: offering.id, rank: rank.as("rank"), title: offering.title, total: sql<number>`count(*) over ()`.as("total") })
    .from(offering)
    .where(discoveryWhere(f))
    .as("ranked");
  const keys: SortKey[] = [
    { expr: sql`${ranked.rank}`, desc: true, cast: "real" },
    { expr: ranked.title, cast: "text" },
    { expr: ranked.id, cast: "uuid" },
  ];
  const matches = qb
    .select({ id: ranked.id, rank: ranked.rank, title: ranked.title, total: ranked.total })
    .from(ranked)
    .where(after(keys, f.after))
    .orderBy(...orderBy(keys))
    .limit(f.limit + 1)
    .as("matches");
  return { matches, order: [desc(matches.rank), asc(matches.title), asc(matches.id)] };
}

/** The statements of one discovery page, as the bare benchmark route sends them. */
export function discoveryStatements(f: DiscoveryFilters) {
  const qb = new QueryBuilder();
  const { matches, order } = discoveryPage(qb, f);
  return {
    page: qb
      .select({ ...publishedColumns, rank: matches.rank, total: matches.total })
      .from(matches)
      .innerJoin(offering, eq(offering.id, matches.id))
      .orderBy(...order)
      .toSQL(),
    /** Only for a page past the last match, where no row carries the total. */
    count: qb.select({ total: sql<number>`count(*)::int` }).from(offering).where(discoveryWhere(f)).toSQL(),
  };
}
