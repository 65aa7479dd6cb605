import { dataAccessLog } from "@bgm/db";
import { LIST_LIMIT_MAX, RECENT_ACCESS_MAX } from "@bgm/domain";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPages, createTestApp, type TestApp } from "../../../test/helpers.js";
import { addEmployees, addGoals, inOneMonth, makeWorld, people, type World } from "./test-fixtures.js";

/**
 * The paged access log, the bounded overview and the complete Art. 30 export, read by a company with
 * more requests than one page holds.
 */

interface Entry {
  id: number;
  grantId: string | null;
  scopeKey: string;
  outcome: "served" | "denied";
  recordCount: number;
  via: string;
  actorName: string | null;
  providerOrgId: string;
  providerName: string;
  at: string;
}

let t: TestApp;
let w: World;
let other: World;
let listGrantId: string;
let goalsGrantId: string;
/** More than the largest page, so every reader of the whole log has to page. */
const SERVED = LIST_LIMIT_MAX + 20;
const DENIED = 3;

async function grant(world: World) {
  const res = await world.asCompany.post(`/api/engagements/${world.engagementId}/grants`, {
    decisions: [
      { scopeKey: "employee_list", grant: true, confirmHighSensitivity: true },
      { scopeKey: "goals", grant: true },
    ],
    expiresAt: inOneMonth(),
  });
  expect(res.statusCode, res.body).toBe(200);
  const granted = res.json().granted as { id: string; scopeKey: string }[];
  return Object.fromEntries(granted.map((g) => [g.scopeKey, g.id])) as Record<string, string>;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t, { companyName: "Protokoll GmbH" });
  other = await makeWorld(t, { companyName: "Andere AG" });
  await addEmployees(t, w.company.orgId, people(5, "Log"));
  await addGoals(t, w.company.orgId, [{ title: "Rücken", target: "weniger Ausfälle" }]);
  const ids = await grant(w);
  listGrantId = ids.employee_list as string;
  goalsGrantId = ids.goals as string;
  await grant(other);
  // One real request through the partner API, so the log holds what the app itself writes too.
  expect((await w.asPartner.get(`/api/partner/engagements/${w.engagementId}/data/goals?format=json`)).statusCode).toBe(200);
  // The rest straight into the log: as many requests as a busy partner makes in a few weeks.
  const base = { orgId: w.company.orgId, providerOrgId: w.partner.orgId, engagementId: w.engagementId, scopeKey: "employee_list" };
  await t.database.db
    .insert(dataAccessLog)
    .values([
      ...Array.from({ length: SERVED }, (_, i) => ({ ...base, grantId: listGrantId, outcome: "served" as const, recordCount: i + 1 })),
      ...Array.from({ length: DENIED }, () => ({ ...base, grantId: listGrantId, outcome: "denied" as const, reason: "expired" })),
      { ...base, grantId: null, scopeKey: "department_structure", outcome: "denied" as const, reason: "not_granted" },
    ]);
  await t.database.db.insert(dataAccessLog).values({
    orgId: other.company.orgId,
    providerOrgId: other.partner.orgId,
    engagementId: other.engagementId,
    grantId: null,
    scopeKey: "goals",
    outcome: "served",
    recordCount: 7,
  });
});

afterAll(async () => {
  await t?.close();
});

const TOTAL = SERVED + DENIED + 2;

describe("GET /api/data-grants/access-log", () => {
  it("pages through every request newest first, each once, with partner, scope, outcome and channel", async () => {
    const { items, pages } = await allPages<Entry>(w.asCompany, "/api/data-grants/access-log", 40);
    expect(pages).toBe(Math.ceil(TOTAL / 40));
    expect(items).toHaveLength(TOTAL);
    const ids = items.map((e) => e.id);
    expect(new Set(ids).size).toBe(TOTAL);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const partnerName = (await w.asCompany.get("/api/data-grants")).json().partners[0].providerName;
    expect(items.every((e) => e.providerName === partnerName && e.providerOrgId === w.partner.orgId)).toBe(true);
    const viaSession = items.find((e) => e.grantId === goalsGrantId);
    expect(viaSession).toMatchObject({ scopeKey: "goals", outcome: "served", via: "session", actorName: expect.any(String) });
  });

  it("filters by grant, partner and outcome", async () => {
    const list = await allPages<Entry>(w.asCompany, `/api/data-grants/access-log?grantId=${listGrantId}`);
    expect(list.items).toHaveLength(SERVED + DENIED);
    expect(list.items.every((e) => e.grantId === listGrantId)).toBe(true);
    const denied = await allPages<Entry>(w.asCompany, `/api/data-grants/access-log?grantId=${listGrantId}&outcome=denied`);
    expect(denied.items.map((e) => e.outcome)).toEqual(Array(DENIED).fill("denied"));
    const byPartner = await allPages<Entry>(w.asCompany, `/api/data-grants/access-log?providerOrgId=${w.partner.orgId}&outcome=denied`);
    expect(byPartner.items).toHaveLength(DENIED + 1);
  });

  it("gives another company nothing of the first, whatever cursor or filter it sends", async () => {
    const first = (await w.asCompany.get("/api/data-grants/access-log?limit=1")).json();
    expect(first.nextCursor).toEqual(expect.any(String));
    const urls = [
      "/api/data-grants/access-log",
      `/api/data-grants/access-log?cursor=${first.nextCursor}`,
      `/api/data-grants/access-log?grantId=${listGrantId}`,
      `/api/data-grants/access-log?providerOrgId=${w.partner.orgId}`,
    ];
    for (const url of urls) {
      const res = await other.asCompany.get(url);
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as Entry[];
      expect(
        items.every((e) => e.providerOrgId === other.partner.orgId && e.recordCount === 7),
        url,
      ).toBe(true);
      expect(items.length, url).toBeLessThanOrEqual(1);
    }
  });

  it("refuses a cursor it did not issue and unknown filters with 400 in the agreed shape", async () => {
    const notOurs = Buffer.from(JSON.stringify(["x"])).toString("base64url");
    for (const query of [`cursor=${notOurs}`, "cursor=%21%21", "outcome=maybe", "grantId=nope", "page=2"]) {
      const res = await w.asCompany.get(`/api/data-grants/access-log?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe("validation_failed");
    }
    const res = await w.asCompany.get(`/api/data-grants/access-log?cursor=${notOurs}`);
    expect(res.json().error.details.issues[0]).toMatchObject({ in: "querystring", path: ["cursor"] });
  });

  it("is for the company's managers only", async () => {
    expect((await w.asPartner.get("/api/data-grants/access-log")).statusCode).toBe(403);
  });
});

describe("GET /api/data-grants (overview)", () => {
  it("gives totals over the whole log and only the latest few requests per grant", async () => {
    const res = await w.asCompany.get("/api/data-grants");
    expect(res.statusCode, res.body).toBe(200);
    const [partner] = res.json().partners;
    const list = partner.grants.find((g: { id: string }) => g.id === listGrantId);
    expect(list.access).toMatchObject({ served: SERVED, denied: DENIED, lastServedAt: expect.any(String), lastAt: expect.any(String) });
    expect(list.access.recent).toHaveLength(RECENT_ACCESS_MAX);
    const newest = (await w.asCompany.get(`/api/data-grants/access-log?grantId=${listGrantId}&limit=${RECENT_ACCESS_MAX}`)).json().items;
    expect(list.access.recent.map((e: Entry) => e.id)).toEqual(newest.map((e: Entry) => e.id));
    const goals = partner.grants.find((g: { id: string }) => g.id === goalsGrantId);
    expect(goals.access).toMatchObject({ served: 1, denied: 0 });
    expect(partner.otherAttempts).toMatchObject({ served: 0, denied: 1 });
    expect(partner.otherAttempts.recent.map((e: Entry) => e.scopeKey)).toEqual(["department_structure"]);
  });

  it("grows by at most a few entries when the log grows by many", async () => {
    const size = async () => (await other.asCompany.get("/api/data-grants")).body.length;
    const before = await size();
    await t.database.db.insert(dataAccessLog).values(
      Array.from({ length: 60 }, () => ({
        orgId: other.company.orgId,
        providerOrgId: other.partner.orgId,
        engagementId: other.engagementId,
        grantId: null,
        scopeKey: "goals",
        outcome: "denied" as const,
        reason: "not_granted",
      })),
    );
    const after = (await other.asCompany.get("/api/data-grants")).json();
    expect(after.partners[0].otherAttempts).toMatchObject({ served: 1, denied: 60 });
    expect(after.partners[0].otherAttempts.recent).toHaveLength(RECENT_ACCESS_MAX);
    // At most the four entries that join the latest five, not sixty.
    expect((await size()) - before).toBeLessThan(4 * 400);
  });
});

describe("the Art. 30 export", () => {
  it("counts every request, however many pages the log has", async () => {
    const res = await w.asCompany.get("/api/data-grants/export.csv");
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body, { delimiter: ";", bom: true, columns: true }) as Record<string, string>[];
    const list = rows.find((r) => r.Datenkategorie === "Namen und E-Mail-Adressen der Beschäftigten");
    expect(list).toMatchObject({ Abrufe: String(SERVED), "Abgelehnte Versuche": String(DENIED) });
    expect(list?.["Letzter Abruf"]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    expect(rows.find((r) => r.Datenkategorie !== list?.Datenkategorie)).toMatchObject({ Abrufe: "1", "Abgelehnte Versuche": "0" });
  });
});
