import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishTestOffering } from "./engagement-fixtures.js";
import { type Api, allPages, api, createTestApp, type OrgUser, signUpCompany, signUpProvider, type TestApp } from "./helpers.js";

/**
 * Keyset paging as an integrator meets it: page through a list of several pages, with new items
 * arriving between two requests, a cursor that was never issued, and another tenant's cursor.
 */

let t: TestApp;
let companyA: OrgUser;
let companyB: OrgUser;
let partner: OrgUser;
let asA: Api;
let asB: Api;
let asPartner: Api;
let offeringId: string;

interface Row {
  id: string;
}
interface Page {
  items: Row[];
  nextCursor: string | null;
}

async function requestQuote(as: Api, what: string): Promise<string> {
  const res = await as.post("/api/engagements", { offeringId, brief: { what } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function page(as: Api, url: string, limit: number, cursor: string | null): Promise<Page> {
  const res = await as.get(`${url}${url.includes("?") ? "&" : "?"}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}

/**
 * Reads the list page by page and calls `between` after every page: what was there before the first
 * request must come exactly once and in order; what `between` adds on top must not show up later.
 */
async function readWhileAdding(as: Api, url: string, between: (n: number) => Promise<unknown>) {
  const before = (await allPages<Row>(as, url)).items.map((r) => r.id);
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const p = await page(as, url, 2, cursor);
    expect(p.items.length).toBeLessThanOrEqual(2);
    seen.push(...p.items.map((r) => r.id));
    cursor = p.nextCursor;
    pages++;
    if (cursor) await between(pages);
  } while (cursor);
  return { before, seen, pages };
}

beforeAll(async () => {
  t = await createTestApp();
  companyA = await signUpCompany(t.app, { name: "Blätter GmbH" });
  companyB = await signUpCompany(t.app, { name: "Andere GmbH" });
  partner = await signUpProvider(t.app, { name: "Seiten AG" });
  asA = api(t.app, companyA.cookie);
  asB = api(t.app, companyB.cookie);
  asPartner = api(t.app, partner.cookie);
  offeringId = await publishTestOffering(t, partner.orgId, { title: "Befragung zum Blättern" });
  for (let i = 1; i <= 5; i++) await requestQuote(asA, `Anfrage A${i}`);
  await requestQuote(asB, "Anfrage B1");
});
afterAll(() => t?.close());

describe("engagements", () => {
  it("pages the company's dashboard: every engagement once, no repeats or gaps while new ones arrive", async () => {
    const { before, seen, pages } = await readWhileAdding(asA, "/api/engagements", (n) => requestQuote(asA, `Neu während Seite ${n}`));
    expect(before).toHaveLength(5);
    expect(pages).toBe(3);
    expect(seen).toEqual(before);
  });

  it("pages the provider's inbox over both companies, filtered by status", async () => {
    const all = (await allPages<Row & { status: string; companyName: string }>(asPartner, "/api/engagements?status=requested")).items;
    expect(new Set(all.map((e) => e.companyName))).toEqual(new Set(["Blätter GmbH", "Andere GmbH"]));
    const { before, seen } = await readWhileAdding(asPartner, "/api/engagements?status=requested", () =>
      requestQuote(asB, "Neu im Postfach"),
    );
    expect(seen).toEqual(before);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("gives another company nothing of the first for its cursor", async () => {
    const ofA = new Set((await allPages<Row>(asA, "/api/engagements")).items.map((e) => e.id));
    const cursorOfA = (await page(asA, "/api/engagements", 1, null)).nextCursor;
    expect(cursorOfA).toEqual(expect.any(String));
    const res = await page(asB, "/api/engagements", 100, cursorOfA);
    expect(res.items.filter((e) => ofA.has(e.id))).toEqual([]);
  });
});

describe("notifications", () => {
  it("pages the partner's notifications newest first, with the unread count of all pages on each", async () => {
    const first = (await asPartner.get("/api/notifications?limit=2")).json() as Page & { unread: number };
    const all = await allPages<Row>(asPartner, "/api/notifications", 2);
    expect(all.pages).toBeGreaterThan(2);
    expect(first.unread).toBe(all.items.length);
    const { before, seen } = await readWhileAdding(asPartner, "/api/notifications", () => requestQuote(asA, "Neue Benachrichtigung"));
    expect(seen).toEqual(before);
  });

  it("shows nobody else's notifications for a partner's cursor", async () => {
    const cursor = (await page(asPartner, "/api/notifications", 1, null)).nextCursor;
    const mine = new Set((await allPages<Row>(asPartner, "/api/notifications")).items.map((n) => n.id));
    const res = await page(asA, "/api/notifications", 100, cursor);
    expect(res.items.filter((n) => mine.has(n.id))).toEqual([]);
  });
});

describe("cursors", () => {
  it("refuses, with 400 in the agreed shape, a cursor a list did not issue", async () => {
    const engagementCursor = (await page(asA, "/api/engagements", 1, null)).nextCursor as string;
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const cases: [string, string][] = [
      ["/api/engagements", "not-base64-json"],
      ["/api/engagements", forged(["2026-01-01T00:00:00.000Z", "kein-uuid", "x"])],
      ["/api/engagements", forged({ id: 1 })],
      ["/api/notifications", engagementCursor],
      ["/api/audit", engagementCursor],
      ["/api/organization/members", forged([1, 2, 3])],
      ["/api/invitations", forged(["gestern", "x"])],
      ["/api/engagements", "a".repeat(513)],
      ["/api/engagements", "Zm9v+/=="],
    ];
    for (const [url, cursor] of cases) {
      const res = await asA.get(`${url}?cursor=${encodeURIComponent(cursor)}`);
      expect(res.statusCode, `${url} ${cursor}`).toBe(400);
      const body = res.json();
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.details.issues[0]).toMatchObject({ in: "querystring", path: ["cursor"] });
    }
  });

  it("bounds the page size: 1–100", async () => {
    for (const limit of ["0", "101", "abc"]) {
      expect((await asA.get(`/api/engagements?limit=${limit}`)).statusCode, limit).toBe(400);
    }
    expect((await page(asA, "/api/engagements", 100, null)).items.length).toBeGreaterThan(5);
  });
});
