import { withTenantTx } from "@bgm/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, api, createTestApp, type OrgUser, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { publishOffering } from "../marketplace/test-fixtures.js";

interface Stats {
  items: {
    offeringId: string;
    totals: { suggested: number; opened: number; requested: number };
    needs: { needKind: string; suggested: number }[];
    weeks: { week: string; suggested: number | null; opened: number | null; requested: number | null }[];
    withheld: number;
  }[];
  minGroupSize: number;
}

let t: TestApp;
let partnerA: Api;
let partnerB: Api;
let offeringA: { id: string };
let offeringB: { id: string };
const companies: (OrgUser & { api: Api })[] = [];
// Eight companies: the 64-bit sketch may put two on one bit; eight stay at least five unless four collide.
const COMPANIES = 8;

const stats = async (as: Api): Promise<Stats> => {
  const res = await as.get("/api/provider/offerings/stats?weeks=4");
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  partnerA = api(t.app, (await signUpProvider(t.app, { name: "Statistik Partner A" })).cookie);
  partnerB = api(t.app, (await signUpProvider(t.app, { name: "Statistik Partner B" })).cookie);
  offeringA = await publishOffering(partnerA, {
    title: "Befragung Statistik A",
    category: "survey_analysis",
    relevantTasks: ["employee_survey"],
  });
  offeringB = await publishOffering(partnerB, {
    title: "Befragung Statistik B",
    category: "survey_analysis",
    relevantTasks: ["employee_survey"],
  });
  for (let i = 0; i < COMPANIES; i++) {
    const c = await signUpCompany(t.app, { name: `Geheimfirma ${i} GmbH` });
    companies.push({ ...c, api: api(t.app, c.cookie) });
  }
  for (const c of companies) {
    const res = await c.api.get("/api/marketplace/suggestions?taskKey=employee_survey&limit=20");
    expect(res.statusCode, res.body).toBe(200);
  }
  // Fewer than five companies open offering A; one requests a quote.
  for (const c of companies.slice(0, 3)) expect((await c.api.get(`/api/marketplace/offerings/${offeringA.id}`)).statusCode).toBe(200);
  const requested = await companies[0]!.api.post("/api/engagements", { offeringId: offeringA.id, brief: { what: "Befragung" } });
  expect(requested.statusCode, requested.body).toBe(201);
  // The provider looking at its own offering is no demand.
  expect((await partnerA.get(`/api/marketplace/offerings/${offeringA.id}`)).statusCode).toBe(200);
});
afterAll(() => t?.close());

describe("GET /api/provider/offerings/stats", () => {
  it("counts the suggestions by need kind once enough companies stand behind them", async () => {
    const { items, minGroupSize } = await stats(partnerA);
    expect(minGroupSize).toBe(5);
    expect(items.map((i) => i.offeringId)).toEqual([offeringA.id]);
    const a = items[0]!;
    expect(a.totals.suggested).toBe(COMPANIES);
    expect(a.needs).toEqual([{ needKind: "task", suggested: COMPANIES }]);
    expect(a.weeks).toHaveLength(1);
    expect(a.weeks[0]?.suggested).toBe(COMPANIES);
  });

  it("withholds opened and requested while fewer than five companies did it, and totals only what it shows", async () => {
    const a = (await stats(partnerA)).items[0]!;
    expect(a.weeks[0]).toMatchObject({ opened: null, requested: null });
    expect(a.totals).toMatchObject({ opened: 0, requested: 0 });
    expect(a.withheld).toBe(2);
  });

  it("names no company: neither a name nor an id is in the answer", async () => {
    const res = await partnerA.get("/api/provider/offerings/stats");
    for (const c of companies) {
      expect(res.body).not.toContain(c.orgId);
      expect(res.body).not.toContain(c.email);
    }
    expect(res.body).not.toContain("Geheimfirma");
  });

  it("shows a provider only its own offerings", async () => {
    const { items } = await stats(partnerB);
    expect(items.map((i) => i.offeringId)).toEqual([offeringB.id]);
    expect(JSON.stringify(items)).not.toContain(offeringA.id);
  });

  it("is for partners only: a company's manager gets 403", async () => {
    expect((await companies[0]!.api.get("/api/provider/offerings/stats")).statusCode).toBe(403);
  });

  it("lets no company read the counters, not even of offerings it was shown", async () => {
    const rows = await withTenantTx(t.database.db, companies[0]!.orgId, async (tx) => {
      const r = (await tx.execute(sql`select count(*)::int as n from suggestion_stat`)) as unknown as { rows: { n: number }[] };
      return r.rows[0]?.n;
    });
    expect(rows).toBe(0);
    await expect(
      withTenantTx(t.database.db, companies[0]!.orgId, (tx) => tx.execute(sql`update suggestion_stat set suggested = suggested + 1000`)),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/permission denied/) } });
  });
});
