// PostgreSQL only (*.pg.test.ts runs in the PostgreSQL tier, `npm run test:pg`; vitest.config.ts leaves it out of the
// PGlite run): a server backend terminated under a running transaction, as a restart of PostgreSQL does.
import { withTenantTx } from "@bgm/db";
import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../src/lib/infra-errors.js";
import { openTestDatabase } from "./test-database.js";

describe("a PostgreSQL backend terminated mid-transaction, as a restart does", () => {
  it("fails that transaction as `unavailable`, keeps the process alive and the pool serving", async () => {
    const database = await openTestDatabase();
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      const err = await withTenantTx(database.db, null, async (tx) => {
        const { rows } = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] };
        // The server's FATAL 57P01 reaches the client while no statement runs: an 'error' event on a
        // checked-out client, which ended the process before the pool's clients got a listener of their own.
        await admin.query("select pg_terminate_backend($1)", [rows[0]?.pid]);
        await new Promise((r) => setTimeout(r, 300));
        await tx.execute(sql`select 1`);
      }).catch((e: unknown) => e);
      expect(isDatabaseUnavailable(err), String(err)).toBe(true);
      const { rows } = (await database.db.execute(sql`select 1 as one`)) as unknown as { rows: { one: number }[] };
      expect(rows[0]?.one).toBe(1);
    } finally {
      await admin.end();
      await database.close();
    }
  });
});
