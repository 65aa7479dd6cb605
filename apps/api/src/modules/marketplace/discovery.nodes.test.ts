// Several API nodes on one database (issue 17): each node caches discovery answers, and a change made
// through one node (or past the API) reaches every node's cache through PostgreSQL LISTEN/NOTIFY at once,
// not after the TTL. On PGlite both apps share the one in-process database and its notifications.
import type { DatabaseHandle } from "@bgm/db";
import { offering } from "@bgm/db";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, api, signUpCompany, signUpProvider, testConfig } from "../../../test/helpers.js";
import { openTestDatabase } from "../../../test/test-database.js";
import { buildApp } from "../../app.js";
import { publishOffering } from "./test-fixtures.js";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
/** Far longer than the test: only a notification can make a node forget an answer in time. */
const TTL_MS = 10 * 60_000;

let database: DatabaseHandle;
let nodeA: FastifyInstance;
let nodeB: FastifyInstance;
let providerOnA: Api;
let companyOnB: Api;

const titlesOn = async (as: Api, q: string) => {
  const res = await as.get(`/api/marketplace/offerings?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { title: string }[] }).items.map((i) => i.title);
};
/** A notification travels asynchronously after the commit: wait for it, but far below the TTL. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not within ${ms} ms`);
}
const listeners = async () => {
  const result = (await database.db.execute(
    sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN discovery_changed'`,
  )) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n);
};

beforeAll(async () => {
  database = await openTestDatabase();
  const config = testConfig({ discoveryCache: { ttlMs: TTL_MS, maxEntries: 100 } });
  const make = () => buildApp({ database, config, logger: false, serveWeb: false, mailer: { send: async () => {} } });
  nodeA = await make();
  nodeB = await make();
  await Promise.all([nodeA.ready(), nodeB.ready()]);
  providerOnA = api(nodeA, (await signUpProvider(nodeA, { name: "Zwei Knoten Partner" })).cookie);
  // Sessions live in the database: the company signed up on A is signed in on B as well.
  companyOnB = api(nodeB, (await signUpCompany(nodeA, { name: "Knoten GmbH" })).cookie);
}, 90_000);
afterAll(async () => {
  await nodeA?.close();
  await nodeB?.close();
  await database?.close();
});

describe("discovery cache on two nodes", () => {
  it("a publish, an edit and an archive through node A show on node B at once", async () => {
    expect(await titlesOn(companyOnB, "Faszien")).toEqual([]); // cached on B now
    const { id } = await publishOffering(providerOnA, { title: "Faszientraining" });
    const publishMs = await within(2000, async () => (await titlesOn(companyOnB, "Faszien")).length === 1);

    await providerOnA.patch(`/api/provider/offerings/${id}`, { title: "Faszienrolle kompakt" });
    await within(2000, async () => (await titlesOn(companyOnB, "Faszien"))[0] === "Faszienrolle kompakt");

    await providerOnA.patch(`/api/provider/offerings/${id}`, { status: "archived" });
    await within(2000, async () => (await titlesOn(companyOnB, "Faszien")).length === 0);
    expect(publishMs).toBeLessThan(2000);
  });

  it("a provider profile change through node A shows in node B's region filter", async () => {
    await publishOffering(providerOnA, { title: "Atemkurs" });
    const inBavaria = async () => {
      const res = await companyOnB.get("/api/marketplace/offerings?q=Atemkurs&region=Bayern");
      return (res.json() as { items: unknown[] }).items.length;
    };
    await within(2000, async () => (await inBavaria()) === 0);
    await providerOnA.patch("/api/provider/profile", { regions: ["Bayern"] });
    await within(2000, async () => (await inBavaria()) === 1);
  });

  it("a change written past the API (SQL) reaches both nodes' caches", async () => {
    const { id } = await publishOffering(providerOnA, { title: "Meditation" });
    const companyOnA = api(nodeA, (await signUpCompany(nodeA, { name: "Direkt GmbH" })).cookie);
    await within(2000, async () => (await titlesOn(companyOnB, "Meditation")).length === 1);
    expect(await titlesOn(companyOnA, "Meditation")).toEqual(["Meditation"]);
    await database.db.update(offering).set({ title: "Meditation am Morgen" }).where(eq(offering.id, id));
    await within(2000, async () => (await titlesOn(companyOnB, "Meditation"))[0] === "Meditation am Morgen");
    await within(2000, async () => (await titlesOn(companyOnA, "Meditation"))[0] === "Meditation am Morgen");
  });

  it.runIf(onPostgres)(
    "a node whose listening connection was cut reconnects and hears changes again",
    async () => {
      expect(await listeners()).toBe(2);
      await database.db.execute(
        sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN discovery_changed'`,
      );
      // Reconnects with backoff (first retry after 125–250 ms); meanwhile the TTL is the bound.
      await within(5000, async () => (await listeners()) === 2);
      expect(await titlesOn(companyOnB, "Tai")).toEqual([]);
      await publishOffering(providerOnA, { title: "Tai-Chi" });
      await within(2000, async () => (await titlesOn(companyOnB, "Tai")).length === 1);
    },
    30_000,
  );
});
