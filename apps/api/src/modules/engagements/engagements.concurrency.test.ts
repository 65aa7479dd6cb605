import { engagementEvent, offering } from "@bgm/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, addMember, api, createTestApp, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";

/**
 * Two moves fired together cannot both win. On PGlite the requests serialize, so the loser sees
 * the winner's state; on PostgreSQL (TEST_DATABASE_URL) they run in parallel transactions and the
 * loser's conditional UPDATE finds no row. Both must end in one 200 and one 409.
 */
let t: TestApp;
let asCompany: Api;
let asColleague: Api;
let asPartner: Api;
let asMember: Api;
let offeringId: string;

const ROUNDS = 4;

beforeAll(async () => {
  t = await createTestApp();
  const company = await signUpCompany(t.app, { name: "Parallel GmbH" });
  const partner = await signUpProvider(t.app, { name: "Schnell AG" });
  asCompany = api(t.app, company.cookie);
  asColleague = api(t.app, (await addMember(t, company, "bgm_manager")).cookie);
  asPartner = api(t.app, partner.cookie);
  asMember = api(t.app, (await addMember(t, partner, "partner_member")).cookie);
  const [row] = await t.database.db
    .insert(offering)
    .values({
      orgId: partner.orgId,
      title: "Pulsbefragung",
      category: "survey_analysis",
      deliveryMode: "remote",
      priceFromCents: 80_000,
      priceUnit: "flat",
      status: "published",
    })
    .returning({ id: offering.id });
  offeringId = row?.id as string;
});
afterAll(async () => {
  // Parallel requests leave several pooled PostgreSQL connections; the harness drops the database
  // WITH (FORCE) right after pool.end(), which can kill a connection still closing. Without an
  // error listener on the pool that surfaces as an unhandled error (see the report: client.ts).
  if (!t) return;
  const pool = (t.database.db as unknown as { $client?: { on?: (e: string, f: () => void) => void } }).$client;
  if (t.database.kind === "postgres") pool?.on?.("error", () => {});
  await t.close();
});

async function quotedEngagement(): Promise<{ id: string; version: number }> {
  const created = await asCompany.post("/api/engagements", { offeringId, brief: { what: "Pulsbefragung" } });
  expect(created.statusCode, created.body).toBe(201);
  const quoted = await asPartner.post(`/api/engagements/${created.json().id}/quotes`, {
    priceCents: 90_000,
    scopeOfWork: "Befragung",
    validUntil: "2099-01-01",
  });
  expect(quoted.statusCode, quoted.body).toBe(201);
  return { id: quoted.json().id, version: quoted.json().version };
}

const transition = (as: Api, id: string, body: Record<string, unknown>) => as.post(`/api/engagements/${id}/transitions`, body);

async function transitionKinds(id: string) {
  const rows = await t.database.db.select().from(engagementEvent).where(eq(engagementEvent.engagementId, id));
  return rows.map((r) => r.kind).filter((k) => k !== "created" && k !== "send_quote");
}

describe("concurrent transitions", () => {
  it("accept and cancel with the same expectedVersion: exactly one wins", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { id, version } = await quotedEngagement();
      const [accept, cancel] = await Promise.all([
        transition(asCompany, id, { action: "accept_quote", expectedVersion: version }),
        transition(asColleague, id, { action: "cancel", expectedVersion: version }),
      ]);
      expect([accept.statusCode, cancel.statusCode].sort(), `${accept.body} ${cancel.body}`).toEqual([200, 409]);
      const winner = accept.statusCode === 200 ? "accept_quote" : "cancel";
      const final = (await asCompany.get(`/api/engagements/${id}`)).json();
      expect(final.status).toBe(winner === "accept_quote" ? "accepted" : "cancelled");
      expect(final.version).toBe(version + 1);
      expect(final.quotes[0].status).toBe(winner === "accept_quote" ? "accepted" : "open");
      expect(await transitionKinds(id)).toEqual([winner]);
    }
  });

  it("accept and reject without a version: the state alone decides, one 409", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { id } = await quotedEngagement();
      const [accept, reject] = await Promise.all([
        transition(asCompany, id, { action: "accept_quote" }),
        transition(asColleague, id, { action: "reject_quote" }),
      ]);
      expect([accept.statusCode, reject.statusCode].sort(), `${accept.body} ${reject.body}`).toEqual([200, 409]);
      const final = (await asCompany.get(`/api/engagements/${id}`)).json();
      expect(["accepted", "quote_rejected"]).toContain(final.status);
      expect(final.quotes.map((q: { status: string }) => q.status)).toEqual([final.status === "accepted" ? "accepted" : "rejected"]);
      expect(await transitionKinds(id)).toHaveLength(1);
    }
  });

  it("a revised quote racing an acceptance never leaves two open quotes or accepts a superseded one", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { id } = await quotedEngagement();
      const [revise, accept] = await Promise.all([
        asMember.post(`/api/engagements/${id}/quotes`, { priceCents: 70_000, scopeOfWork: "Günstiger", validUntil: "2099-01-01" }),
        transition(asCompany, id, { action: "accept_quote" }),
      ]);
      expect(accept.statusCode === 200 || revise.statusCode === 201, `${revise.body} ${accept.body}`).toBe(true);
      const final = (await asPartner.get(`/api/engagements/${id}`)).json();
      const statuses = final.quotes.map((q: { status: string }) => q.status);
      expect(statuses.filter((s: string) => s === "open").length).toBeLessThanOrEqual(1);
      if (final.status === "accepted") expect(statuses.at(-1)).toBe("accepted");
      else expect(statuses).toEqual(["superseded", "open"]);
    }
  });
});
