import type { DatabaseHandle } from "@bgm/db";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect } from "vitest";
import { type Api, api, signUpCompany, signUpProvider, testConfig } from "../../../test/helpers.js";
import { openTestDatabase } from "../../../test/test-database.js";
import { buildApp } from "../../app.js";

/**
 * Shared by the discovery node tests (discovery.nodes.test.ts, and discovery.nodes.pg.test.ts for what only a
 * PostgreSQL server can show): two API nodes on one database, a provider signed in on A and a company on B.
 */

/** Far longer than a test: only a notification can make a node forget an answer in time. */
const TTL_MS = 10 * 60_000;

export interface TwoNodes {
  database: DatabaseHandle;
  nodeA: FastifyInstance;
  nodeB: FastifyInstance;
  providerOnA: Api;
  companyOnB: Api;
}

/** Starts the two nodes before the file's tests and closes them after; the object is filled by then. */
export function useTwoNodes(): TwoNodes {
  const nodes = {} as TwoNodes;
  beforeAll(async () => {
    nodes.database = await openTestDatabase();
    const config = testConfig({ discoveryCache: { ttlMs: TTL_MS, maxEntries: 100 } });
    const make = () => buildApp({ database: nodes.database, config, logger: false, serveWeb: false, mailer: { send: async () => {} } });
    nodes.nodeA = await make();
    nodes.nodeB = await make();
    await Promise.all([nodes.nodeA.ready(), nodes.nodeB.ready()]);
    nodes.providerOnA = api(nodes.nodeA, (await signUpProvider(nodes.nodeA, { name: "Zwei Knoten Partner" })).cookie);
    // Sessions live in the database: the company signed up on A is signed in on B as well.
    nodes.companyOnB = api(nodes.nodeB, (await signUpCompany(nodes.nodeA, { name: "Knoten GmbH" })).cookie);
  }, 90_000);
  afterAll(async () => {
    await nodes.nodeA?.close();
    await nodes.nodeB?.close();
    await nodes.database?.close();
  });
  return nodes;
}

export const titlesOn = async (as: Api, q: string) => {
  const res = await as.get(`/api/marketplace/offerings?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { title: string }[] }).items.map((i) => i.title);
};

/** A notification travels asynchronously after the commit: wait for it, but far below the TTL. */
export async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not within ${ms} ms`);
}
