import { sql } from "drizzle-orm";
import { NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Database, Tx } from "./client.js";

/** The database role every request runs as; it is subject to row-level security. */
export const APP_ROLE = "bgm_app";

/**
 * The statement that confines a transaction ($1 = role, $2 = organization id), as withTenantTx sends
 * it; exported so the benchmark's bare routes run exactly the same one. set_config('role', …, true)
 * is SET LOCAL ROLE (with the same permission check), so one round trip sets both.
 */
export const TENANT_SETTINGS_SQL = "SELECT set_config('role', $1, true), set_config('app.org_id', $2, true)";

/** The prepared statement's name TENANT_SETTINGS_SQL runs under in an opening message (OpeningQuery). */
const TENANT_SETTINGS_STATEMENT = "tenant_settings_v1";

/** TENANT_SETTINGS_SQL with its parameters, for drizzle. */
export const tenantSettings = (orgId: string | null) =>
  sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('app.org_id', ${orgId ?? ""}, true)`;

/**
 * BEGIN and TENANT_SETTINGS_SQL as one simple-protocol message: PostgreSQL runs both and answers once. A
 * message of several statements cannot carry parameters, so the organization id is a literal, quoted by
 * pg's escapeLiteral (doubled quotes, and the E'' form when it holds a backslash) — never pasted raw.
 */
export const tenantBeginSql = (orgId: string | null) =>
  `BEGIN; SELECT set_config('role', '${APP_ROLE}', true), set_config('app.org_id', ${pg.escapeLiteral(orgId ?? "")}, true)`;

/** The parts of drizzle's node-postgres database a transaction is made of (not in its typings). */
interface NodePgInternals {
  $client: unknown;
  dialect: ConstructorParameters<typeof NodePgSession>[1];
  session: { options: ConstructorParameters<typeof NodePgSession>[3] };
}

/**
 * A query of pg that carries other statements before its own in the same message, answered with one Sync: the
 * backend runs them in order (one implicit transaction block, which a leading BEGIN turns into the real one) and
 * answers once. Their results are dropped; an error in any of them stops the rest and fails this query, so the
 * caller's statement never runs outside the confined transaction.
 */
class OpeningQuery extends (pg.Query as unknown as PgQueryClass) {
  /** Command completions still to drop: the opening's. */
  private skip: number;
  /** Whether the caller's own named statement was known to the connection before this message. */
  private mainParsedBefore = true;
  constructor(
    config: pg.QueryConfig,
    values: unknown[] | undefined,
    private readonly opening: OpeningStatement[],
  ) {
    super(config, values);
    this.skip = opening.length;
  }
  override requiresPreparation() {
    return true;
  }
  override prepare(connection: OpeningConnection) {
    for (const o of this.opening) {
      const name = o.name ?? "";
      // A named statement is parsed once per connection (planning the key check cost the server more than
      // running it). It counts as parsed only once it has run (handleCommandComplete); until then every use
      // closes the name first — closing a name the server does not have is no error — so a message that
      // failed halfway never leaves a name the server has and we don't, or the other way round.
      if (!name || connection.parsedStatements[name] !== o.text) {
        if (name) connection.close({ type: "S", name });
        connection.parse({ name, text: o.text });
      }
      connection.bind({ statement: name, values: o.values });
      connection.execute({ portal: "" });
    }
    this.mainParsedBefore = this.hasBeenParsed(connection);
    // pg marks the caller's statement as parsed on the first ParseComplete of the message, which is an opening's
    // (pg expects one Parse per query); handleError takes that back when the message fails. The name is closed
    // first for the same reason as above.
    if (!this.mainParsedBefore && this.name) connection.close({ type: "S", name: this.name });
    super.prepare(connection);
  }
  override handleDataRow(msg: unknown) {
    if (this.skip === 0) super.handleDataRow(msg);
    // An opening statement's row goes to its own reader, as text (no Describe was sent, so no parsers).
    else this.opening[this.opening.length - this.skip]?.onRow?.((msg as { fields: (string | null)[] }).fields);
  }
  override handleCommandComplete(msg: unknown, connection: OpeningConnection) {
    if (this.skip > 0) {
      const done = this.opening[this.opening.length - this.skip];
      if (done?.name) connection.parsedStatements[done.name] = done.text;
      this.skip--;
    } else super.handleCommandComplete(msg, connection);
  }
  override handleError(err: Error, connection: OpeningConnection) {
    if (!this.mainParsedBefore && this.name) {
      delete connection.parsedStatements[this.name];
      delete connection.submittedNamedStatements[this.name];
    }
    super.handleError(err, connection);
  }
}

/**
 * A statement sent ahead of the caller's own in the same message; its rows (text columns) go to `onRow`.
 * Parameters go as text (pg's own value preparation does not run for these).
 */
export interface OpeningStatement {
  /** A name makes it a prepared statement of the connection, parsed and planned once (a constant text only). */
  name?: string;
  text: string;
  values: unknown[];
  onRow?: (fields: (string | null)[]) => void;
}

/** pg's Query as OpeningQuery extends it (its protocol handlers are not in pg's typings). */
interface PgQueryInternals {
  callback?: (err: Error | null, res: unknown) => void;
  /** The statement's name (a named prepared statement), if any. */
  name?: string;
  requiresPreparation(): boolean;
  hasBeenParsed(connection: unknown): boolean;
  prepare(connection: unknown): void;
  handleDataRow(msg: unknown): void;
  handleCommandComplete(msg: unknown, connection: unknown): void;
  handleError(err: Error, connection: unknown): void;
}
type PgQueryClass = new (config: pg.QueryConfig, values?: unknown[]) => PgQueryInternals;

/** The parts of pg's connection (protocol writer) OpeningQuery sends with (not in pg's typings). */
interface OpeningConnection {
  parse(m: { name: string; text: string }): void;
  bind(m: { statement: string; values: unknown[] }): void;
  execute(m: { portal: string }): void;
  close(m: { type: "S"; name: string }): void;
  /** Statement texts by name that this connection's server has parsed (pg's own bookkeeping). */
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
}

export interface TenantTxOptions {
  /**
   * Send BEGIN and the tenant settings together with the transaction's first statement, in one round trip,
   * instead of one round trip ahead of it (PostgreSQL server only). For hot paths whose first database call is
   * a statement of their own (a partner read); a transaction that sends nothing sends no BEGIN and no COMMIT.
   */
  opening?: boolean;
  /**
   * With `opening`: the transaction is that one statement — the settings and the statement run as PostgreSQL's
   * implicit transaction of one message, committed (or, on an error, rolled back) when the message ends, so
   * the whole transaction is one round trip without BEGIN or COMMIT. A second statement is refused (it would
   * run outside the transaction), and the statement is committed before `fn` continues: only for a statement
   * that is the complete unit of work.
   */
  single?: boolean;
  /**
   * A statement of the connection's own role that runs first, in the same transaction, before the tenant
   * settings confine it (with `opening`: in the same message, so it costs no round trip of its own). Its
   * columns must be text; its rows go to `onRow`. For a credential check that decides whether the transaction's
   * statement may serve (the partner API key): the statement reads what the check left in the transaction
   * (a LOCAL setting), so an invalid key serves and logs nothing, and the caller refuses after the fact.
   */
  preamble?: OpeningStatement & { onRow: (fields: (string | null)[]) => void };
}

/**
 * Runs `fn` in a transaction that PostgreSQL itself confines to one organization: the role is
 * switched to the RLS-bound app role and app.org_id is set, both LOCAL so they end with the
 * transaction and never leak to the next user of a pooled connection.
 *
 * On a PostgreSQL server the transaction is opened by hand rather than by drizzle's db.transaction, for
 * one reason: drizzle sends BEGIN on its own, and the settings would be a second round trip before any
 * work. Every tenant request paid it; on a busy machine each round trip is a wake-up of the backend and of
 * this process, which is what the partner API's throughput was bound by (issue 12). Otherwise it is
 * drizzle's own transaction: its session and transaction classes on one pooled client, COMMIT or ROLLBACK,
 * the client back to the pool. PGlite (one connection, no round trips) keeps drizzle's transaction.
 */
export async function withTenantTx<T>(
  db: Database,
  orgId: string | null,
  fn: (tx: Tx) => Promise<T>,
  options: TenantTxOptions = {},
): Promise<T> {
  const d = db as unknown as NodePgInternals;
  if (!(d.$client instanceof pg.Pool)) {
    return db.transaction(async (tx) => {
      if (options.preamble) {
        // PGlite's transaction client (drizzle's session keeps it): positional parameters, rows as arrays.
        const client = (tx as unknown as { _: { session: { client: PgliteLike } } })._.session.client;
        const { rows } = await client.query(options.preamble.text, options.preamble.values, { rowMode: "array" });
        for (const row of rows) options.preamble.onRow(row.map((v) => (v === null ? null : String(v))));
      }
      await tx.execute(tenantSettings(orgId));
      return fn(tx as Tx);
    });
  }
  const preamble = options.preamble;
  const client = await d.$client.connect();
  // With `opening`, BEGIN goes with the first statement: until then the session talks to a stand-in that
  // sends that statement as an OpeningQuery (settings passed as parameters, as TENANT_SETTINGS_SQL).
  let begun = !options.opening;
  // Single: the statement's message was the whole transaction (no BEGIN, so nothing to commit or roll back).
  let committed = false;
  const target = begun
    ? client
    : {
        query(config: pg.QueryConfig, values?: unknown[]) {
          if (begun && options.single)
            return Promise.reject(new Error("withTenantTx: a single-statement transaction ran a second statement"));
          if (begun) return client.query(config, values);
          begun = true;
          committed = options.single === true;
          // Named: its text never changes, so each connection parses and plans it once (unnamed, PostgreSQL
          // parsed, analysed and planned it on every partner read).
          const settings = { name: TENANT_SETTINGS_STATEMENT, text: TENANT_SETTINGS_SQL, values: [APP_ROLE, orgId ?? ""] };
          const opening: OpeningStatement[] = [...(preamble ? [preamble] : []), settings];
          if (!options.single) opening.unshift({ text: "BEGIN", values: [] });
          return new Promise((resolve, reject) => {
            const q = new OpeningQuery(typeof config === "string" ? { text: config } : config, values, opening);
            q.callback = (err: Error | null, res: unknown) => (err ? reject(err) : resolve(res));
            client.query(q as unknown as pg.Submittable);
          });
        },
      };
  // Without the relational schema: drizzle builds a relational query builder for every table of the schema
  // in each transaction object it makes (a tenth of a millisecond of CPU per request, for nothing — the app
  // uses the query builder and sql only; `tx.query.<table>` is not available in a tenant transaction).
  const tx = new NodePgTransaction(
    d.dialect,
    new NodePgSession(target as pg.PoolClient, d.dialect, undefined, d.session.options),
    undefined,
  );
  let broken: Error | undefined;
  try {
    if (begun && preamble) {
      // Without `opening`: the preamble after BEGIN, then the settings (two round trips; only PGlite-like paths).
      await client.query("BEGIN");
      const { rows } = await client.query({ name: preamble.name, text: preamble.text, values: preamble.values, rowMode: "array" });
      for (const row of rows as unknown[][]) preamble.onRow?.(row.map((v) => (v === null ? null : String(v))));
      await client.query({ text: TENANT_SETTINGS_SQL, values: [APP_ROLE, orgId ?? ""] });
    } else if (begun) await client.query(tenantBeginSql(orgId));
    const result = await fn(tx as unknown as Tx);
    if (begun && !committed) await client.query("COMMIT");
    return result;
  } catch (err) {
    // A failed ROLLBACK means a broken connection: the pool must drop it, not hand it out again.
    if (begun && !committed)
      await client.query("ROLLBACK").catch((e: Error) => {
        broken = e;
      });
    throw err;
  } finally {
    client.release(broken);
  }
}

/** The query method of PGlite's transaction client, as the preamble uses it. */
interface PgliteLike {
  query(text: string, values: unknown[], opts: { rowMode: "array" }): Promise<{ rows: unknown[][] }>;
}
