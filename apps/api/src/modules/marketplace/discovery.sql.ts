import { type Database, publishedOffering as offering, offering as offeringTable, providerProfile } from "@bgm/db";
import type { DiscoveryQuery } from "@bgm/domain";
import {
  and,
  arrayContains,
  arrayOverlaps,
  asc,
  desc,
  eq,
  exists,
  fillPlaceholders,
  gte,
  lte,
  type Placeholder,
  type SQL,
  sql,
} from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { z } from "zod";
import { after, type KeyValue, orderBy, type SortKey } from "../../lib/keyset.js";

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
export function germanPrefixQuery(q: string | Placeholder): SQL {
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

/**
 * A search's values as they go into the SQL: each either the value itself or, for a statement built once per
 * shape (see `discoveryShape`), a placeholder of the same name. Array filters are arrays here (the column's type).
 */
interface Bound {
  category?: unknown;
  certification?: unknown;
  deliveryMode?: unknown;
  priceMin?: unknown;
  priceMax?: unknown;
  phase?: unknown;
  region?: unknown;
  q?: unknown;
  after?: readonly unknown[];
  limit: unknown;
}

const BOUND_KEYS = ["category", "certification", "deliveryMode", "priceMin", "priceMax", "phase", "region", "q"] as const;

/** The values of `f`, by the names its placeholders have (absent filters are undefined). */
export function discoveryValues(f: DiscoveryFilters): Record<string, unknown> {
  const values: Record<string, unknown> = {
    category: f.category,
    certification: f.certification ? [f.certification] : undefined,
    deliveryMode: f.deliveryMode,
    priceMin: f.priceMin,
    priceMax: f.priceMax,
    phase: f.phase !== undefined ? [f.phase] : undefined,
    region: f.region ? [f.region, NATIONWIDE] : undefined,
    q: f.q ?? undefined,
    limit: f.limit + 1,
  };
  f.after?.forEach((v, i) => {
    values[`after${i}`] = v;
  });
  return values;
}

/** Which filters a search has (one letter each, "-" where absent): searches of one shape share one statement. */
export function discoveryShape(f: DiscoveryFilters): string {
  const values = discoveryValues(f);
  return BOUND_KEYS.map((k, i) => (values[k] === undefined ? "-" : String.fromCharCode(97 + i))).join("") + (f.after ? "a" : "-");
}

function literal(f: DiscoveryFilters): Bound {
  const values = discoveryValues(f);
  return { ...values, limit: values.limit, after: f.after };
}

function placeholders(f: DiscoveryFilters): Bound {
  const values = discoveryValues(f);
  const bound: Bound = { limit: sql.placeholder("limit") };
  for (const k of BOUND_KEYS) if (values[k] !== undefined) bound[k] = sql.placeholder(k);
  if (f.after) bound.after = f.after.map((_, i) => sql.placeholder(`after${i}`));
  return bound;
}

function whereOf(b: Bound): SQL {
  // Typed as the columns' values: each is that value, or a placeholder, which drizzle passes through as it is.
  const conditions: (SQL | undefined)[] = [
    eq(offering.status, "published"),
    b.category !== undefined ? eq(offering.category, b.category as DiscoveryFilters["category"] & string) : undefined,
    b.certification !== undefined ? arrayContains(offering.certifications, b.certification as string[]) : undefined,
    b.deliveryMode !== undefined ? eq(offering.deliveryMode, b.deliveryMode as DiscoveryFilters["deliveryMode"] & string) : undefined,
    b.priceMin !== undefined ? gte(offering.priceFromCents, b.priceMin as number) : undefined,
    b.priceMax !== undefined ? lte(offering.priceFromCents, b.priceMax as number) : undefined,
    b.phase !== undefined ? arrayContains(offering.relevantPhases, b.phase as number[]) : undefined,
    b.region !== undefined
      ? exists(
          new QueryBuilder()
            .select({ one: sql`1` })
            .from(providerProfile)
            .where(and(eq(providerProfile.orgId, offering.orgId), arrayOverlaps(providerProfile.regions, b.region as string[]))),
        )
      : undefined,
    b.q !== undefined ? sql`${offering.searchVector} @@ ${germanPrefixQuery(b.q as string)}` : undefined,
  ];
  return and(...conditions) as SQL;
}

export function discoveryWhere(f: DiscoveryFilters): SQL {
  return whereOf(literal(f));
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
function pageOf(qb: Pick<QueryBuilder, "select">, b: Bound) {
  const rank = b.q !== undefined ? rankOf(b.q as string) : sql<number>`0::real`;
  const ranked = qb
    .select({ id: offering.id, rank: rank.as("rank"), title: offering.title, total: sql<number>`count(*) over ()`.as("total") })
    .from(offering)
    .where(whereOf(b))
    .as("ranked");
  const keys: SortKey[] = [
    { expr: sql`${ranked.rank}`, desc: true, cast: "real" },
    { expr: ranked.title, cast: "text" },
    { expr: ranked.id, cast: "uuid" },
  ];
  const matches = qb
    .select({ id: ranked.id, rank: ranked.rank, title: ranked.title, total: ranked.total })
    .from(ranked)
    .where(after(keys, b.after as KeyValue[] | undefined))
    .orderBy(...orderBy(keys))
    .limit(b.limit as number)
    .as("matches");
  return { matches, order: [desc(matches.rank), asc(matches.title), asc(matches.id)] };
}

/**
 * The page query, and the count for a page past the last match (where no row carries the total), of the
 * shape of `f`, with placeholders for its values (`discoveryValues`): the repository prepares them once per
 * shape (issue 14: drizzle building this SQL on every search was a large part of its CPU), and the
 * benchmark's bare route sends the same text.
 */
export function discoveryQueries(qb: Database, f: DiscoveryFilters) {
  const b = placeholders(f);
  const { matches, order } = pageOf(qb, b);
  return {
    page: qb
      .select({ ...publishedColumns, rank: matches.rank, total: matches.total })
      .from(matches)
      .innerJoin(offering, eq(offering.id, matches.id))
      .orderBy(...order),
    count: qb.select({ total: sql<number>`count(*)::int` }).from(offering).where(whereOf(b)),
  };
}

/** The statements of one discovery page with their parameters, as the bare benchmark route sends them. */
export function discoveryStatements(f: DiscoveryFilters) {
  // A query builder (SQL only) where the app passes its database: the same expressions either way.
  const { page, count } = discoveryQueries(new QueryBuilder() as unknown as Database, f);
  const values = discoveryValues(f);
  const withValues = (q: { sql: string; params: unknown[] }) => ({ sql: q.sql, params: fillPlaceholders(q.params, values) });
  return { page: withValues(page.toSQL()), count: withValues(count.toSQL()) };
}
