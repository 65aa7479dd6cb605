import type { HomeKind } from "../features/auth";
import { startEarlyGets } from "../lib/api-client";

/** A query a first page renders from: its TanStack Query key and the GET that answers it. */
export interface FirstQuery {
  queryKey: readonly string[];
  path: string;
}

/*
 * The manager's dashboard (app/routes/dashboard.tsx) shows the to-do list, the KPI cards and the phases. Asked
 * for by the page itself, these requests would start only once the full app's chunks had loaded, run and
 * rendered the page, and each answer would then re-render it in a blocking task of its own (issue 14: on phones,
 * most of the dashboard's blocking time). Started with the session's answer instead, they run while the chunks
 * load, and the answers are in the query cache when the page first renders, or join it in one update.
 *
 * The keys and paths are those of features/project (projectKeys, getTodos, getProject, getKpis); written out
 * here because this module is part of the entry, which must not pull in the feature. first-queries.test.ts
 * keeps them in step.
 */
export const DASHBOARD_QUERIES: readonly FirstQuery[] = [
  { queryKey: ["todos"], path: "/api/todos" },
  { queryKey: ["project"], path: "/api/project" },
  { queryKey: ["kpis"], path: "/api/kpis" },
];

/** The queries the first page at `pathname` renders from, for a user of this kind (null: signed out). */
export function firstQueriesFor(kind: HomeKind | null, pathname: string): readonly FirstQuery[] {
  return kind === "manager" && pathname === "/" ? DASHBOARD_QUERIES : [];
}

/**
 * Starts the first page's requests once the session's answer gives the user's kind (never before: without a session, or for another
 * role, they would only be refused). Resolves to the queries started, for the app to put into its cache.
 */
export function startFirstQueries(kind: Promise<HomeKind | null>, pathname: () => string): Promise<readonly FirstQuery[]> {
  return kind.then(
    (known) => {
      const queries = firstQueriesFor(known, pathname());
      startEarlyGets(queries.map((q) => q.path));
      return queries;
    },
    () => [],
  );
}
