import { offering, publishedOffering } from "@bgm/db";
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import { makePgArray } from "drizzle-orm/pg-core";
import type { TenantScope } from "../../lib/request-context.js";
import { type DiscoveryFilters, discoveryPage, discoveryWhere, offeringColumns, publishedColumns } from "./discovery.sql.js";

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

export async function listPublished(s: Scope, f: DiscoveryFilters) {
  const { matches, order } = discoveryPage(s.tx, f);
  const rows = await s.tx
    .select({ ...publishedColumns, rank: matches.rank, total: matches.total })
    .from(matches)
    .innerJoin(publishedOffering, eq(publishedOffering.id, matches.id))
    .orderBy(...order);
  if (rows.length > 0) return { rows, total: Number(rows[0]?.total) };
  if (!f.after) return { rows, total: 0 };
  // Past the last page no row carries the total.
  const [count] = await s.tx.select({ total: sql<number>`count(*)::int` }).from(publishedOffering).where(discoveryWhere(f));
  return { rows, total: count?.total ?? 0 };
}

export async function findVisible(s: Scope, id: string) {
  const [row] = await s.tx
    .select(offeringColumns)
    .from(offering)
    .where(and(eq(offering.id, id), or(eq(offering.status, "published"), eq(offering.orgId, s.orgId))));
  return row ?? null;
}

export interface GoalInput {
  id: string;
  title: string;
}

/**
 * Published offerings relevant to a task or phase, each with the goals whose words it shares.
 * A goal matches when one of its stemmed words (stop words and generic verbs dropped) begins an
 * offering word in title, provider name, description or category label; the first six letters
 * of a stem stand for the compound's head, so "Rückenbeschwerden" meets "Rückenscreening".
 */
export async function findSuggestionCandidates(
  s: Scope,
  opts: {
    taskKey: string | null;
    phase: number | null;
    goals: GoalInput[];
    genericWords: string;
    categories: { key: string; label: string }[];
  },
) {
  // Arrays travel as one array literal each, the way drizzle encodes array columns.
  const goalIds = makePgArray(opts.goals.map((g) => g.id));
  const goalTitles = makePgArray(opts.goals.map((g) => g.title));
  const catKeys = makePgArray(opts.categories.map((c) => c.key));
  const catLabels = makePgArray(opts.categories.map((c) => c.label));
  const goalQueries = sql`(
    SELECT g.id, to_tsquery('simple', string_agg(quote_literal(left(l.lexeme, 6)) || ':*', ' | ')) AS q
    FROM unnest(${goalIds}::text[], ${goalTitles}::text[]) AS g(id, title)
    CROSS JOIN LATERAL unnest(to_tsvector('german', g.title)) AS l
    WHERE l.lexeme ~ '^[[:alnum:]]{4,}$'
      AND l.lexeme <> ALL (tsvector_to_array(to_tsvector('german', ${opts.genericWords})))
    GROUP BY g.id
  )`;
  const document = sql`(${publishedOffering.searchVector} || to_tsvector('german', coalesce((${catLabels}::text[])[array_position(${catKeys}::text[], ${publishedOffering.category})], '')))`;
  const matchedGoals = sql<string[]>`array(SELECT gq.id FROM ${goalQueries} gq WHERE ${document} @@ gq.q ORDER BY gq.id)`;
  const relevant: SQL[] = [];
  if (opts.taskKey) relevant.push(sql`${publishedOffering.relevantTasks} @> array[${opts.taskKey}]::text[]`);
  if (opts.phase !== null) relevant.push(sql`${publishedOffering.relevantPhases} @> array[${opts.phase}]::int[]`);
  if (relevant.length === 0) relevant.push(sql`false`);
  const rows = await s.tx
    .select({ ...publishedColumns, matchedGoals })
    .from(publishedOffering)
    .where(and(eq(publishedOffering.status, "published"), or(...relevant)));
  return rows;
}
