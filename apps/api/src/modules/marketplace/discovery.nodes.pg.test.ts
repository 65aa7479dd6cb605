// PostgreSQL only (*.pg.test.ts runs in the PostgreSQL tier, `npm run test:pg`; vitest.config.ts leaves it out of the
// PGlite run): a node whose LISTEN connection is cut reconnects by itself (issue 17). Only a server has backends
// to terminate; the changes reaching both nodes are tested on both databases in discovery.nodes.test.ts.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { titlesOn, useTwoNodes, within } from "./discovery.nodes.fixture.js";
import { publishOffering } from "./test-fixtures.js";

const nodes = useTwoNodes();

const listeners = async () => {
  const result = (await nodes.database.db.execute(
    sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN discovery_changed'`,
  )) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n);
};

describe("discovery cache on two nodes, on PostgreSQL", () => {
  it("a node whose listening connection was cut reconnects and hears changes again", async () => {
    const { database, providerOnA, companyOnB } = nodes;
    expect(await listeners()).toBe(2);
    await database.db.execute(
      sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN discovery_changed'`,
    );
    // Reconnects with backoff (first retry after 125–250 ms); meanwhile the TTL is the bound.
    await within(5000, async () => (await listeners()) === 2);
    expect(await titlesOn(companyOnB, "Tai")).toEqual([]);
    await publishOffering(providerOnA, { title: "Tai-Chi" });
    await within(2000, async () => (await titlesOn(companyOnB, "Tai")).length === 1);
  }, 30_000);
});
