import { type DatabaseHandle, employee, withTenantTx } from "@bgm/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "./test-database.js";

/**
 * withTenantTx on a PostgreSQL server opens the transaction and sets the tenant in one message (the
 * organization id is a quoted literal there, not a parameter); on PGlite it is drizzle's transaction. Both
 * must confine alike, whatever the id holds, and end cleanly on success and on error.
 */
let h: DatabaseHandle;

beforeAll(async () => {
  h = await openTestDatabase();
});

afterAll(async () => {
  await h?.close();
});

type Row = { who: string; org: string };
const read = sql`select current_user as who, coalesce(current_setting('app.org_id', true), '') as org`;
const rowsOf = (r: unknown) => (r as { rows: Row[] }).rows;
const onServer = Boolean(process.env.TEST_DATABASE_URL);

describe("the tenant transaction", () => {
  it("sets an organization id with quotes, a backslash and a semicolon verbatim: the id is never SQL", async () => {
    for (const orgId of ["o'; select 1; --", "back\\slash'", "$1", "plain-org"]) {
      const inside = await withTenantTx(h.db, orgId, async (tx) => rowsOf(await tx.execute(read)));
      expect(inside).toEqual([{ who: "bgm_app", org: orgId }]);
      // Row-level security holds with it: nobody's employees.
      expect(await withTenantTx(h.db, orgId, (tx) => tx.select().from(employee))).toEqual([]);
    }
  });

  it("with `opening` (BEGIN and the settings sent with the first statement) confines, commits and rolls back alike", async () => {
    const opening = { opening: true };
    for (const orgId of ["o'; select 1; --", "back\\slash'", "plain-org"]) {
      // The first statement, a prepared one and the statements after it all run confined, in one transaction.
      const inside = await withTenantTx(
        h.db,
        orgId,
        async (tx) => [
          ...rowsOf(await tx.execute(read)),
          ...rowsOf(await tx.execute(sql`${read} where ${1} = 1`)),
          ...rowsOf(await tx.execute(sql`select current_user as who, txid_current_if_assigned() is null as org`)),
        ],
        opening,
      );
      expect(inside).toEqual([
        { who: "bgm_app", org: orgId },
        { who: "bgm_app", org: orgId },
        { who: "bgm_app", org: true },
      ]);
      expect(await withTenantTx(h.db, orgId, (tx) => tx.select().from(employee), opening)).toEqual([]);
    }
    // Nothing sent, nothing opened.
    expect(await withTenantTx(h.db, "org-a", async () => 7, opening)).toBe(7);
    const table = `tenant_tx_opening_${process.pid}`;
    await h.db.execute(sql.raw(`create table ${table} (v int)`));
    await h.db.execute(sql.raw(`grant select, insert on ${table} to bgm_app`));
    await withTenantTx(h.db, "org-a", (tx) => tx.execute(sql.raw(`insert into ${table} values (1)`)), opening);
    await expect(
      withTenantTx(
        h.db,
        "org-a",
        async (tx) => {
          await tx.execute(sql`insert into ${sql.raw(table)} values (${2})`);
          await tx.execute(sql.raw(`insert into ${table} values (3)`));
          throw new Error("boom");
        },
        opening,
      ),
    ).rejects.toThrow("boom");
    // A failing first statement: nothing of it stays, and the connection is fine afterwards.
    await expect(withTenantTx(h.db, "org-a", (tx) => tx.execute(sql.raw("select 1/0")), opening)).rejects.toThrow();
    await expect(
      withTenantTx(h.db, "org-a", (tx) => tx.execute(sql`insert into ${sql.raw(table)} select ${4} / 0`), opening),
    ).rejects.toThrow();
    const rows = (await h.db.execute(sql.raw(`select v from ${table} order by v`))) as unknown as { rows: { v: number }[] };
    expect(rows.rows).toEqual([{ v: 1 }]);
    for (let i = 0; i < 4; i++) {
      const [after] = rowsOf(await h.db.execute(read));
      expect(after?.who).not.toBe("bgm_app");
      expect(after?.org).toBe("");
    }
    await h.db.execute(sql.raw(`drop table ${table}`));
  });

  it("with `single` (the settings and one statement, one message, no BEGIN/COMMIT) confines, commits, rolls back, refuses a second statement", async () => {
    const single = { opening: true, single: true };
    for (const orgId of ["o'; select 1; --", "plain-org"]) {
      expect(await withTenantTx(h.db, orgId, async (tx) => rowsOf(await tx.execute(sql`${read} where ${1} = 1`)), single)).toEqual([
        { who: "bgm_app", org: orgId },
      ]);
      expect(await withTenantTx(h.db, orgId, (tx) => tx.select().from(employee), single)).toEqual([]);
    }
    const table = `tenant_tx_single_${process.pid}`;
    await h.db.execute(sql.raw(`create table ${table} (v int)`));
    await h.db.execute(sql.raw(`grant select, insert on ${table} to bgm_app`));
    // A data-modifying CTE and its read: committed when the message ends.
    await withTenantTx(
      h.db,
      "org-a",
      (tx) => tx.execute(sql`with w as (insert into ${sql.raw(table)} values (${1}) returning v) select current_user from w`),
      single,
    );
    await expect(
      withTenantTx(h.db, "org-a", (tx) => tx.execute(sql`with w as (insert into ${sql.raw(table)} values (${2})) select 1/0`), single),
    ).rejects.toThrow();
    // On PostgreSQL a second statement is refused (it would run outside the transaction); PGlite has no round
    // trips and keeps drizzle's transaction, where `single` changes nothing.
    if (onServer) {
      await expect(
        withTenantTx(
          h.db,
          "org-a",
          async (tx) => {
            await tx.execute(sql`select ${1}`);
            await tx.execute(sql.raw(`insert into ${table} values (3)`));
          },
          single,
        ),
      ).rejects.toThrow(); // drizzle wraps it: "Failed query: …", caused by "a second statement"
    }
    const rows = (await h.db.execute(sql.raw(`select v from ${table} order by v`))) as unknown as { rows: { v: number }[] };
    expect(rows.rows).toEqual([{ v: 1 }]);
    for (let i = 0; i < 4; i++) {
      const [after] = rowsOf(await h.db.execute(read));
      expect(after?.who).not.toBe("bgm_app");
      expect(after?.org).toBe("");
    }
    await h.db.execute(sql.raw(`drop table ${table}`));
  });

  it("with a named `preamble`: it runs first, on the connection's own role, its rows reach the caller and what it sets is seen by the statement; a failing one fails the transaction and the connection stays usable", async () => {
    const preamble = (marker: string, divisor = "1") => {
      const seen: (string | null)[][] = [];
      return {
        seen,
        options: {
          opening: true,
          single: true,
          preamble: {
            name: "tenant_tx_test_preamble",
            text: "select current_user::text, (10 / $2::int)::text, set_config('app.test_marker', $1, true)",
            values: [marker, divisor],
            onRow: (fields: (string | null)[]) => seen.push(fields),
          },
        },
      };
    };
    const statement = sql`select current_user as who, current_setting('app.test_marker', true) as org where ${1} = 1`;
    // Several rounds, so that pooled connections run the named statement again (parsed once per connection).
    for (let round = 0; round < 12; round++) {
      const p = preamble(`m${round}`);
      const rows = await withTenantTx(h.db, "org-a", async (tx) => rowsOf(await tx.execute(statement)), p.options);
      expect(rows).toEqual([{ who: "bgm_app", org: `m${round}` }]);
      expect(p.seen).toHaveLength(1);
      expect(p.seen[0]?.[0]).not.toBe("bgm_app");
      expect(p.seen[0]?.slice(1)).toEqual(["10", `m${round}`]);
      if (round % 3 === 2) {
        // A preamble that fails: the statement never runs; the next transactions are fine.
        const bad = preamble("never", "0");
        await expect(withTenantTx(h.db, "org-a", async (tx) => rowsOf(await tx.execute(statement)), bad.options)).rejects.toThrow();
      }
    }
    for (let i = 0; i < 4; i++) {
      const [after] = rowsOf(await h.db.execute(read));
      expect(after?.who).not.toBe("bgm_app");
      expect(after?.org).toBe("");
    }
  });

  it("commits the work, rolls back on error, and leaves the pooled connection as it found it", async () => {
    const table = `tenant_tx_probe_${process.pid}`;
    await h.db.execute(sql.raw(`create table ${table} (v int)`));
    await h.db.execute(sql.raw(`grant select, insert on ${table} to bgm_app`));
    await withTenantTx(h.db, "org-a", (tx) => tx.execute(sql.raw(`insert into ${table} values (1)`)));
    await expect(
      withTenantTx(h.db, "org-a", async (tx) => {
        await tx.execute(sql.raw(`insert into ${table} values (2)`));
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await expect(withTenantTx(h.db, "org-a", (tx) => tx.execute(sql.raw("select 1/0")))).rejects.toThrow();
    const rows = (await h.db.execute(sql.raw(`select v from ${table} order by v`))) as unknown as { rows: { v: number }[] };
    expect(rows.rows).toEqual([{ v: 1 }]);
    for (let i = 0; i < 4; i++) {
      const [after] = rowsOf(await h.db.execute(read));
      expect(after?.who).not.toBe("bgm_app");
      expect(after?.org).toBe("");
    }
    await h.db.execute(sql.raw(`drop table ${table}`));
  });
});
