import type { Database, Queryable } from "@bgm/db";
import { Column, is, SQL, Subquery } from "drizzle-orm";

/** What a drizzle select's `.prepare(name)` gives: a statement whose SQL text and result mapping are built. */
interface Prepared<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

/** The drizzle internals a prebuilt query binds to: every database and transaction object has a session with its client. */
interface WithSession {
  session: { client: unknown };
}

type Buildable = { prepare(name: string): Prepared<unknown> };
type ResultOf<T> = T extends { prepare(name: string): Prepared<infer R> } ? R : never;

export interface PrebuiltQuery<T extends Buildable> {
  /** Runs the statement on `q` (the database or a transaction) with the placeholders' values. */
  (q: Queryable, values?: Record<string, unknown>): Promise<ResultOf<T>>;
  /** The query as built, for a caller that wants its SQL (the benchmark's bare routes run the same statements). */
  build: (q: Database) => T;
}

const names = new Set<string>();

interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}
/** A selected field as drizzle keeps it on a prepared query (`fields`, in the order of the result's columns). */
interface SelectedField {
  path: string[];
  field: unknown;
}
type RowMapper = (rows: unknown[][]) => Record<string, unknown>[];

/** The decoder drizzle's mapResultRow would use for a field. */
function decoderOf(field: unknown): Decoder {
  // `decoder` is internal to drizzle's SQL (not in its typings).
  type WithDecoder = { decoder: Decoder };
  if (is(field, Column)) return field;
  if (is(field, SQL)) return (field as unknown as WithDecoder).decoder;
  if (is(field, Subquery)) return (field as unknown as { _: { sql: WithDecoder } })._.sql.decoder;
  return (field as { sql: WithDecoder }).sql.decoder;
}

/**
 * drizzle's mapResultRow for a flat selection (every field at the top level, so no joined table to turn into
 * null), with each field's decoder looked up once instead of on every row and the identity decoders (text,
 * uuid, …) skipped: mapping rows was a tenth of the process CPU of a discovery search. Undefined for a nested
 * selection (`{ task: table, … }`), which keeps drizzle's own mapping.
 */
function flatRowMapper(fields: SelectedField[] | undefined): RowMapper | undefined {
  if (!fields?.every((f) => f.path.length === 1)) return undefined;
  const keys = fields.map((f) => f.path[0] as string);
  const decoders = fields.map(({ field }) => {
    const decoder = decoderOf(field);
    return decoder.mapFromDriverValue === Column.prototype.mapFromDriverValue ? null : decoder;
  });
  return (rows) =>
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const raw = row[i];
        const decoder = decoders[i];
        out[keys[i] as string] = raw === null || !decoder ? raw : decoder.mapFromDriverValue(raw);
      }
      return out;
    });
}

/**
 * A hot read built once instead of on every request (issue 14, "API overhead"). Drizzle turns its query builder
 * into SQL text, parameters and a result mapping again on every execution, which was a fifth of the process CPU
 * of GET /api/project. Here the query is built and prepared once per kind of session (PostgreSQL, PGlite), with
 * `sql.placeholder(…)` for every value, and each call runs that statement on the caller's own connection
 * (`q`'s session client: a tenant transaction's, so row-level security applies exactly as before).
 *
 * `name` makes it a named prepared statement on PostgreSQL: each pooled connection parses it once, then only
 * binds and executes it. Names must be unique (checked here); the SQL of a name never changes in a process.
 * After five executions PostgreSQL may run a named statement with a generic plan, planned without the
 * parameters' values: right for lookups by key, wrong where the values decide the plan (a full-text search,
 * whose generic plan cost PostgreSQL twice the CPU of the custom one in the bench). Such queries pass
 * `{ named: false }`: the SQL text is still built once, and PostgreSQL parses and plans it on every call.
 */
export function prebuiltQuery<T extends Buildable>(
  name: string,
  build: (q: Database) => T,
  options: { named?: boolean } = {},
): PrebuiltQuery<T> {
  if (names.has(name)) throw new Error(`prebuiltQuery: the name ${name} is taken`);
  names.add(name);
  type R = ResultOf<T>;
  const templates = new Map<unknown, Prepared<R>>();
  const run = (q: Queryable, values?: Record<string, unknown>): Promise<R> => {
    const session = (q as unknown as WithSession).session;
    let template = templates.get(session.constructor);
    if (!template) {
      // Without a name pg sends an unnamed statement, parsed and planned with the call's values.
      template = build(q as Database).prepare(options.named === false ? (undefined as unknown as string) : name) as Prepared<R>;
      const internals = template as unknown as { client: unknown; fields?: SelectedField[]; customResultMapper?: RowMapper };
      // The template belongs to no connection: each call binds it to the caller's.
      internals.client = undefined;
      internals.customResultMapper ??= flatRowMapper(internals.fields);
      templates.set(session.constructor, template);
    }
    const bound = Object.create(template) as Prepared<R> & { client: unknown };
    bound.client = session.client;
    return bound.execute(values);
  };
  return Object.assign(run, { build });
}
