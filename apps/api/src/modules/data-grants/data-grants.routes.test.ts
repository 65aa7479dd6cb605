import { inflateSync } from "node:zlib";
import { dataAccessLog } from "@bgm/db";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { addEmployees, addGoals, bearer, inOneMonth, makeWorld, people, type World } from "./test-fixtures.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ responseSerialization: "checked" }); // Zod and the compiled serializer, compared
});
afterAll(() => t.close());

const dataUrl = (w: World, scope: string, format = "json") => `/api/partner/engagements/${w.engagementId}/data/${scope}?format=${format}`;
const grantBoth = (w: World, extra: Record<string, unknown> = {}) =>
  w.asCompany.post(`/api/engagements/${w.engagementId}/grants`, {
    decisions: [
      { scopeKey: "employee_list", grant: true, confirmHighSensitivity: true },
      { scopeKey: "goals", grant: true },
    ],
    expiresAt: inOneMonth(),
    ...extra,
  });
async function newKey(w: World, body: Record<string, unknown> = {}) {
  const res = await w.asPartner.post("/api/provider/api-keys", { name: "Versand", ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; key: string; prefix: string };
}
const logsOf = (engagementId: string) =>
  t.database.db.select().from(dataAccessLog).where(eq(dataAccessLog.engagementId, engagementId)).orderBy(dataAccessLog.id);

describe("the demo acceptance flow", () => {
  it("shows the request, grants both, serves JSON and CSV by key and session, revokes, refuses, and logs all of it", async () => {
    const w = await makeWorld(t);
    await addEmployees(t, w.company.orgId, [...people(120, "Muster"), { ...people(1, "Ehemalig")[0]!, active: false }]);
    await addGoals(t, w.company.orgId, [
      { title: "Rückengesundheit", target: "-20 % AU-Tage" },
      { title: "Stress senken", target: "COPSOQ < 50" },
      { title: "Bewegung", target: "30 % Teilnahme" },
      { title: "Alt", target: "x", status: "dropped" },
    ]);

    const request = await w.asCompany.get(`/api/engagements/${w.engagementId}/data-request`);
    expect(request.statusCode, request.body).toBe(200);
    const req = request.json();
    expect(req.providerName).toBe("SurveyPro GmbH");
    expect(req.canGrant).toBe(true);
    const byKey = Object.fromEntries(req.scopes.map((s: { key: string }) => [s.key, s]));
    expect(byKey.employee_list.preview.en).toBe("120 employees will receive the survey link");
    expect(byKey.employee_list.sensitivity).toBe("high");
    expect(byKey.goals.preview.en).toBe("Your 3 defined health goals will be shared");
    expect(new Date(req.maxExpiresAt).getTime()).toBeGreaterThan(new Date(req.defaultExpiresAt).getTime());

    const granted = await grantBoth(w);
    expect(granted.statusCode, granted.body).toBe(200);
    const grants = granted.json().granted as { id: string; scopeKey: string; preview: { en: string }; fields: string[]; state: string }[];
    expect(grants.map((g) => [g.scopeKey, g.state]).sort()).toEqual([
      ["employee_list", "active"],
      ["goals", "active"],
    ]);
    expect(grants.find((g) => g.scopeKey === "employee_list")?.preview.en).toBe("120 employees will receive the survey link");
    const notes = (await w.asPartner.get("/api/notifications")).json().items as { kind: string }[];
    expect(notes.map((n) => n.kind)).toContain("data_grant.granted");

    const { key } = await newKey(w);
    expect(key).toMatch(/^bgm_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect((await w.asPartner.get("/api/provider/api-keys")).body).not.toContain(key);
    // A machine client reads what is granted with its key, as the portal shows it.
    const grantsByKey = await bearer(t, key, `/api/partner/engagements/${w.engagementId}/grants`);
    expect(grantsByKey.statusCode, grantsByKey.body).toBe(200);
    expect(grantsByKey.json()).toEqual((await w.asPartner.get(`/api/partner/engagements/${w.engagementId}/grants`)).json());

    const json = await bearer(t, key, dataUrl(w, "employee_list"));
    expect(json.statusCode, json.body).toBe(200);
    const body = json.json();
    expect(body.fields).toEqual(["name", "email"]);
    expect(body.records).toHaveLength(120);
    for (const r of body.records) expect(Object.keys(r)).toEqual(["name", "email"]);
    expect(json.body).not.toContain("ehemalig");

    const csv = await bearer(t, key, dataUrl(w, "employee_list", "csv"));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    // One convention for every download: German Excel's (`;` and a BOM); plain RFC 4180 on request.
    expect(csv.body.startsWith("\uFEFFname;email\r\n")).toBe(true);
    const rows = parse(csv.body, { columns: true, bom: true, delimiter: ";" }) as Record<string, string>[];
    expect(rows).toHaveLength(120);
    expect(Object.keys(rows[0] ?? {})).toEqual(["name", "email"]);
    const plain = await bearer(t, key, `${dataUrl(w, "employee_list", "csv")}&dialect=rfc4180`);
    expect(plain.body.startsWith("name,email\r\n")).toBe(true);
    expect(parse(plain.body, { columns: true })).toEqual(rows);
    expect((await bearer(t, key, `${dataUrl(w, "employee_list", "csv")}&dialect=tsv`)).statusCode).toBe(400);

    // The portal's Excel download (partner session): the same columns, and a sheet saying what they mean.
    const xlsx = await w.asPartner.get(dataUrl(w, "employee_list", "xlsx"));
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers["content-type"]).toMatch(/spreadsheetml/);
    expect(xlsx.headers["content-disposition"]).toBe('attachment; filename="employee_list.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Daten");
    expect(sheet?.getRow(1).values).toEqual([undefined, "name", "email"]);
    expect(sheet?.rowCount).toBe(121);
    const cells = (sheet?.getSheetValues() ?? []).slice(2).map((r) => (r as unknown[]).slice(1));
    expect(cells.map(([name, email]) => ({ name, email }))).toEqual(rows);
    expect(book.getWorksheet("Felder")?.getRow(6).values).toEqual([undefined, "name", "Name", "Name"]);

    const goals = await w.asPartner.get(dataUrl(w, "goals"));
    expect(goals.statusCode, goals.body).toBe(200);
    expect(
      goals
        .json()
        .records.map((g: { title: string }) => g.title)
        .sort(),
    ).toEqual(["Bewegung", "Rückengesundheit", "Stress senken"]);

    const listId = grants.find((g) => g.scopeKey === "employee_list")?.id as string;
    const revoked = await w.asCompany.post(`/api/data-grants/${listId}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().state).toBe("revoked");

    const refused = await bearer(t, key, dataUrl(w, "employee_list"));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details.reason).toBe("revoked");
    // The request says the scope was revoked (decided, with the time), not that it waits for a decision.
    const afterRevoke = (await w.asCompany.get(`/api/engagements/${w.engagementId}/data-request`)).json().scopes;
    expect(afterRevoke.find((s: { key: string }) => s.key === "employee_list")).toMatchObject({
      currentGrant: null,
      declinedAt: null,
      revokedAt: revoked.json().revokedAt,
    });
    expect(afterRevoke.find((s: { key: string }) => s.key === "goals").revokedAt).toBeNull();
    expect(refused.body).not.toContain("@muster.example.de");

    const overview = (await w.asCompany.get("/api/data-grants")).json();
    const partner = overview.partners.find((p: { providerName: string }) => p.providerName === "SurveyPro GmbH");
    const list = partner.grants.find((g: { id: string }) => g.id === listId);
    expect(list.state).toBe("revoked");
    expect(list.access).toMatchObject({ served: 4, denied: 1 });
    expect(list.access.recent.map((l: { outcome: string; recordCount: number; via: string }) => [l.outcome, l.recordCount, l.via])).toEqual(
      [
        ["denied", 0, "api_key"],
        ["served", 120, "session"],
        ["served", 120, "api_key"],
        ["served", 120, "api_key"],
        ["served", 120, "api_key"],
      ],
    );
    const goalGrant = partner.grants.find((g: { scopeKey: string }) => g.scopeKey === "goals");
    expect(goalGrant.access).toMatchObject({ served: 1, denied: 0 });
    expect(goalGrant.access.recent).toHaveLength(1);
    expect(goalGrant.access.recent[0].via).toBe("session");
  });
});

describe("the partner's view of its grants", () => {
  it("lists scope, fields, purpose, expiry and state, without the company's people or narrowing details", async () => {
    const w = await makeWorld(t);
    await addEmployees(t, w.company.orgId, people(6, "Sicht", "Lager"));
    const granted = await w.asCompany.post(`/api/engagements/${w.engagementId}/grants`, {
      decisions: [
        { scopeKey: "employee_list", grant: true, confirmHighSensitivity: true, narrowing: { departments: ["Lager"] } },
        { scopeKey: "goals", grant: true },
      ],
      expiresAt: inOneMonth(),
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const listId = granted.json().granted.find((g: { scopeKey: string }) => g.scopeKey === "employee_list").id;
    await w.asCompany.post(`/api/data-grants/${listId}/revoke`);

    const res = await w.asPartner.get(`/api/partner/engagements/${w.engagementId}/grants`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { scopeKey: string; state: string; narrowed: boolean; fields: string[]; dataPath: string }[];
    const byKey = Object.fromEntries(items.map((i) => [i.scopeKey, i]));
    expect(byKey.employee_list).toMatchObject({ state: "revoked", narrowed: true, fields: ["name", "email"] });
    expect(byKey.goals).toMatchObject({
      state: "active",
      narrowed: false,
      dataPath: `/api/partner/engagements/${w.engagementId}/data/goals`,
    });
    expect(res.body).not.toContain("Lager");
    expect(res.body).not.toContain("Muster GmbH Admin");

    const other = await signUpProvider(t.app, { name: "Andere Partner AG" });
    expect((await api(t.app, other.cookie).get(`/api/partner/engagements/${w.engagementId}/grants`)).statusCode).toBe(404);
    expect((await w.asCompany.get(`/api/partner/engagements/${w.engagementId}/grants`)).statusCode).toBe(403);
  });
});

describe("the grant dialog's rules", () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(t, { companyName: "Regel GmbH" });
  });
  const post = (decisions: unknown[], expiresAt = inOneMonth()) =>
    w.asCompany.post(`/api/engagements/${w.engagementId}/grants`, { decisions, expiresAt });

  it("refuses a scope the offering did not request, naming it", async () => {
    const res = await post([{ scopeKey: "employee_count", grant: true }]);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.scopeKey).toBe("employee_count");
    const unknown = await post([{ scopeKey: "salary", grant: true }]);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details.scopeKey).toBe("salary");
  });

  it("needs the explicit tick for a highly sensitive scope", async () => {
    const res = await post([{ scopeKey: "employee_list", grant: true }]);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toMatchObject({ scopeKey: "employee_list", field: "confirmHighSensitivity" });
  });

  it("keeps the expiry in the future and at most 12 months ahead", async () => {
    const far = new Date(Date.now() + 400 * 24 * 3600 * 1000).toISOString();
    expect((await post([{ scopeKey: "goals", grant: true }], far)).statusCode).toBe(422);
    expect((await post([{ scopeKey: "goals", grant: true }], new Date(Date.now() - 1000).toISOString())).statusCode).toBe(422);
  });

  it("refuses narrowing a scope that cannot be narrowed and deciding a scope twice", async () => {
    expect((await post([{ scopeKey: "goals", grant: true, narrowing: { departments: ["IT"] } }])).statusCode).toBe(422);
    expect(
      (
        await post([
          { scopeKey: "goals", grant: true },
          { scopeKey: "goals", grant: false },
        ])
      ).statusCode,
    ).toBe(422);
  });

  it("lets the manager decline everything, and the engagement goes on", async () => {
    const res = await post([
      { scopeKey: "employee_list", grant: false },
      { scopeKey: "goals", grant: false },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ granted: [], declined: ["employee_list", "goals"] });
    // Declined counts as decided: the company is not asked again as if it had never answered.
    const request = (await w.asCompany.get(`/api/engagements/${w.engagementId}/data-request`)).json();
    for (const s of request.scopes as { currentGrant: unknown; declinedAt: string | null }[]) {
      expect(s.currentGrant).toBeNull();
      expect(s.declinedAt).not.toBeNull();
    }
    expect((await w.asCompany.get(`/api/engagements/${w.engagementId}`)).json().status).toBe("accepted");
    const denied = await w.asPartner.get(dataUrl(w, "goals"));
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.details.reason).toBe("no_grant");
  });

  it("replaces a live grant when the scope is granted again, and narrows the list", async () => {
    await addEmployees(t, w.company.orgId, [...people(3, "Narrow", "IT"), ...people(2, "Andere", "Lager")]);
    const first = await post([{ scopeKey: "employee_list", grant: true, confirmHighSensitivity: true }]);
    // Granted after the earlier "no": the latest answer counts.
    const scopes = (await w.asCompany.get(`/api/engagements/${w.engagementId}/data-request`)).json().scopes as {
      key: string;
      declinedAt: string | null;
    }[];
    expect(scopes.find((s) => s.key === "employee_list")?.declinedAt).toBeNull();
    expect(scopes.find((s) => s.key === "goals")?.declinedAt).not.toBeNull();
    const second = await post([
      { scopeKey: "employee_list", grant: true, confirmHighSensitivity: true, narrowing: { departments: ["IT"] } },
    ]);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().granted[0].preview.en).toBe("3 employees will receive the survey link");
    const overview = (await w.asCompany.get("/api/data-grants")).json();
    const states = overview.partners[0].grants.map((g: { id: string; state: string }) => [g.id, g.state]);
    expect(states).toContainEqual([first.json().granted[0].id, "replaced"]);
    const data = (await w.asPartner.get(dataUrl(w, "employee_list"))).json();
    expect(data.records.map((r: { email: string }) => r.email).sort()).toEqual(
      people(3, "Narrow")
        .map((p) => p.email)
        .sort(),
    );
  });

  it("allows grants only once the quote is accepted", async () => {
    const other = await makeWorld(t, { companyName: "Früh GmbH" });
    const created = await other.asCompany.post("/api/engagements", { offeringId: other.offeringId, brief: { what: "Noch offen" } });
    const res = await other.asCompany.post(`/api/engagements/${created.json().id}/grants`, {
      decisions: [{ scopeKey: "goals", grant: true }],
      expiresAt: inOneMonth(),
    });
    expect(res.statusCode).toBe(409);
  });
});

describe("foreign engagements and keys", () => {
  let w: World;
  let key: string;
  beforeAll(async () => {
    w = await makeWorld(t, { companyName: "Opfer GmbH" });
    await addEmployees(t, w.company.orgId, people(6, "Opfer"));
    expect((await grantBoth(w)).statusCode).toBe(200);
    key = (await newKey(w)).key;
  });

  it("another company can neither see the request nor grant nor revoke (404)", async () => {
    const intruder = await signUpCompany(t.app, { name: "Fremd GmbH" });
    const as = api(t.app, intruder.cookie);
    expect((await as.get(`/api/engagements/${w.engagementId}/data-request`)).statusCode).toBe(404);
    const res = await as.post(`/api/engagements/${w.engagementId}/grants`, {
      decisions: [{ scopeKey: "goals", grant: true }],
      expiresAt: inOneMonth(),
    });
    expect(res.statusCode).toBe(404);
    const grantId = (await w.asCompany.get("/api/data-grants")).json().partners[0].grants[0].id;
    expect((await as.post(`/api/data-grants/${grantId}/revoke`)).statusCode).toBe(404);
    expect((await w.asCompany.get("/api/data-grants")).json().partners[0].grants[0].state).toBe("active");
  });

  it("another provider gets 404 and the attempt is logged", async () => {
    const stranger = await signUpProvider(t.app, { name: "Fremder Partner" });
    const res = await api(t.app, stranger.cookie).get(dataUrl(w, "employee_list"));
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain("opfer");
    const logs = await logsOf(w.engagementId);
    expect(logs.some((l) => l.providerOrgId === stranger.orgId && l.outcome === "denied" && l.reason === "foreign_engagement")).toBe(true);
  });

  it("a company manager cannot use the partner API", async () => {
    expect((await w.asCompany.get(dataUrl(w, "employee_list"))).statusCode).toBe(403);
  });

  it("refuses tampered, revoked and expired keys with 401 and logs them", async () => {
    const tampered = `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`;
    const t1 = await bearer(t, tampered, dataUrl(w, "employee_list"));
    expect(t1.statusCode).toBe(401);
    expect(t1.body).not.toContain("opfer");
    expect((await bearer(t, "bgm_nonsense", dataUrl(w, "employee_list"))).statusCode).toBe(401);

    const revokedKey = await newKey(w, { name: "alt" });
    expect((await w.asPartner.post(`/api/provider/api-keys/${revokedKey.id}/revoke`)).json().state).toBe("revoked");
    const t2 = await bearer(t, revokedKey.key, dataUrl(w, "employee_list"));
    expect(t2.statusCode).toBe(401);
    expect(t2.json().error.details.reason).toBe("key_revoked");

    const shortKey = await newKey(w, { name: "kurz", expiresAt: new Date(Date.now() + 1500).toISOString() });
    await new Promise((r) => setTimeout(r, 1600));
    const t3 = await bearer(t, shortKey.key, dataUrl(w, "employee_list"));
    expect(t3.statusCode).toBe(401);
    expect(t3.json().error.details.reason).toBe("key_expired");

    const reasons = (await logsOf(w.engagementId)).filter((l) => l.outcome === "denied").map((l) => l.reason);
    expect(reasons).toEqual(expect.arrayContaining(["bad_key", "key_revoked", "key_expired"]));
    const keys = (await w.asPartner.get("/api/provider/api-keys"))
      .json()
      .items.map((k: { name: string; state: string }) => [k.name, k.state]);
    expect(keys).toEqual(
      expect.arrayContaining([
        ["alt", "revoked"],
        ["kurz", "expired"],
        ["Versand", "active"],
      ]),
    );
  });

  it("refuses scopes the offering did not request and unknown scopes, and logs them", async () => {
    const a = await bearer(t, key, dataUrl(w, "employee_count"));
    expect(a.statusCode).toBe(403);
    expect(a.json().error.details.reason).toBe("scope_not_requested");
    const b = await bearer(t, key, dataUrl(w, "salary"));
    expect(b.json().error.details.reason).toBe("unknown_scope");
  });

  it("only the partner admin manages keys", async () => {
    const { addMember } = await import("../../../test/helpers.js");
    const member = await addMember(t, w.partner, "partner_member");
    const as = api(t.app, member.cookie);
    expect((await as.post("/api/provider/api-keys", { name: "x" })).statusCode).toBe(403);
    expect((await as.get("/api/provider/api-keys")).statusCode).toBe(403);
    expect((await as.get(dataUrl(w, "goals"))).statusCode).toBe(200);
  });

  it("expires grants by themselves", async () => {
    const grantId = (await w.asCompany.get("/api/data-grants"))
      .json()
      .partners[0].grants.find((g: { scopeKey: string }) => g.scopeKey === "goals").id;
    const { dataGrant } = await import("@bgm/db");
    await t.database.db
      .update(dataGrant)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(dataGrant.id, grantId));
    const res = await bearer(t, key, dataUrl(w, "goals"));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe("expired");
    const g = (await w.asCompany.get("/api/data-grants")).json().partners[0].grants.find((x: { id: string }) => x.id === grantId);
    expect(g.state).toBe("expired");
  });
});

describe("the engagement's end ends its grants", () => {
  it("completing ends every live grant in the same transaction", async () => {
    const w = await makeWorld(t, { companyName: "Ende GmbH" });
    expect((await grantBoth(w)).statusCode).toBe(200);
    for (const [as, action] of [
      [w.asPartner, "start"],
      [w.asPartner, "mark_delivered"],
      [w.asCompany, "complete"],
    ] as const) {
      const res = await as.post(`/api/engagements/${w.engagementId}/transitions`, { action, message: "" });
      expect(res.statusCode, res.body).toBe(200);
    }
    const grants = (await w.asCompany.get("/api/data-grants")).json().partners[0].grants;
    expect(grants.map((g: { state: string; endReason: string }) => [g.state, g.endReason])).toEqual([
      ["ended", "engagement_ended"],
      ["ended", "engagement_ended"],
    ]);
    const res = await w.asPartner.get(dataUrl(w, "goals"));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe("engagement_ended");
  });

  it("cancelling does too", async () => {
    const w = await makeWorld(t, { companyName: "Storno GmbH" });
    expect((await grantBoth(w)).statusCode).toBe(200);
    expect((await w.asCompany.post(`/api/engagements/${w.engagementId}/transitions`, { action: "cancel", message: "" })).statusCode).toBe(
      200,
    );
    const states = (await w.asCompany.get("/api/data-grants")).json().partners[0].grants.map((g: { state: string }) => g.state);
    expect(states).toEqual(["ended", "ended"]);
  });
});

describe("employees see what was disclosed about them (Art. 15)", () => {
  it("lists the partners that received the employee's name and e-mail", async () => {
    const w = await makeWorld(t, { companyName: "Auskunft GmbH" });
    const { addMember } = await import("../../../test/helpers.js");
    const me = await addMember(t, w.company, "employee");
    const other = await addMember(t, w.company, "employee");
    await addEmployees(t, w.company.orgId, [{ firstName: "Erika", lastName: "Muster", email: me.email, department: "IT" }]);
    await addEmployees(t, w.company.orgId, [{ firstName: "Otto", lastName: "Anders", email: other.email, department: "Lager" }]);
    const { employee } = await import("@bgm/db");
    await t.database.db.update(employee).set({ userId: me.userId }).where(eq(employee.email, me.email));
    await t.database.db.update(employee).set({ userId: other.userId }).where(eq(employee.email, other.email));
    const res = await w.asCompany.post(`/api/engagements/${w.engagementId}/grants`, {
      decisions: [{ scopeKey: "employee_list", grant: true, confirmHighSensitivity: true, narrowing: { departments: ["IT"] } }],
      expiresAt: inOneMonth(),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await w.asPartner.get(dataUrl(w, "employee_list"))).statusCode).toBe(200);
    expect((await w.asPartner.get(dataUrl(w, "employee_list", "csv"))).statusCode).toBe(200);
    expect((await w.asPartner.get(dataUrl(w, "employee_list"))).statusCode).toBe(200);

    // Three fetches of one grant read as one entry: how often, for what, and whether it is still live.
    const mine = (await api(t.app, me.cookie).get("/api/me/data-disclosures")).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      providerName: "SurveyPro GmbH",
      scopeKey: "employee_list",
      fields: ["name", "email"],
      deliveries: 3,
      state: "active",
      revokedAt: null,
    });
    expect(mine.items[0].purpose.de).toBeTruthy();
    expect(new Date(mine.items[0].firstAt).getTime()).toBeLessThanOrEqual(new Date(mine.items[0].at).getTime());
    const grantId = mine.items[0].grantId as string;
    expect((await w.asCompany.post(`/api/data-grants/${grantId}/revoke`)).statusCode).toBe(200);
    const afterRevoke = (await api(t.app, me.cookie).get("/api/me/data-disclosures")).json().items;
    expect(afterRevoke).toMatchObject([{ grantId, deliveries: 3, state: "revoked" }]);
    expect(afterRevoke[0].revokedAt).toBeTruthy();
    // Paging walks grants, not requests.
    const firstPage = (await api(t.app, me.cookie).get("/api/me/data-disclosures?limit=1")).json();
    expect(firstPage).toMatchObject({ items: [{ grantId }], nextCursor: null });
    const theirs = (await api(t.app, other.cookie).get("/api/me/data-disclosures")).json();
    expect(theirs.items).toEqual([]);
    expect((await api(t.app, me.cookie).get("/api/data-grants")).statusCode).toBe(403);
  });
});

describe("the record of processing (Art. 30)", () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(t, { companyName: "Müller Gesundheit GmbH" });
    await addEmployees(t, w.company.orgId, people(5, "Export"));
    expect((await grantBoth(w)).statusCode).toBe(200);
    expect((await w.asPartner.get(dataUrl(w, "employee_list"))).statusCode).toBe(200);
  });

  it("exports CSV for German Excel", async () => {
    const res = await w.asCompany.get("/api/data-grants/export.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.body.startsWith("\uFEFF")).toBe(true);
    const rows = parse(res.body, { delimiter: ";", bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    const list = rows.find((r) => r.Datenkategorie === "Namen und E-Mail-Adressen der Beschäftigten");
    expect(list).toMatchObject({ Partner: "SurveyPro GmbH", Felder: "Name, E-Mail-Adresse", Status: "aktiv", Abrufe: "1" });
  });

  it("writes times in Europe/Berlin, not UTC, and speaks English with ?lang=en", async () => {
    const overview = (await w.asCompany.get("/api/data-grants")).json();
    const grant = overview.partners[0].grants.find((g: { scopeKey: string }) => g.scopeKey === "employee_list");
    const at = new Date(grant.grantedAt);
    const berlin = (locale: string, opts: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(locale, { ...opts, timeZone: "Europe/Berlin", hourCycle: "h23" }).formatToParts(at);
    const part = (parts: Intl.DateTimeFormatPart[], type: string) => parts.find((p) => p.type === type)?.value;
    const p = berlin("en-GB", { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    const [d, m, y, h, min] = ["day", "month", "year", "hour", "minute"].map((type) => part(p, type));

    const de = parse((await w.asCompany.get("/api/data-grants/export.csv?lang=de")).body, { delimiter: ";", bom: true, columns: true });
    const deList = (de as Record<string, string>[]).find((r) => r.Datenkategorie === "Namen und E-Mail-Adressen der Beschäftigten");
    expect(deList?.["Erteilt am"]).toBe(`${d}.${m}.${y} ${h}:${min}`);
    expect(deList?.["Letzter Abruf"]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);

    const res = await w.asCompany.get("/api/data-grants/export.csv?lang=en");
    expect(res.headers["content-disposition"]).toContain("data-sharing.csv");
    const en = parse(res.body, { delimiter: ";", bom: true, columns: true }) as Record<string, string>[];
    const enList = en.find((r) => r.Fields === "Name, E-mail address");
    expect(enList).toMatchObject({ Partner: "SurveyPro GmbH", Status: "active", Fetches: "1", "Granted on": `${y}-${m}-${d} ${h}:${min}` });
    expect(enList?.["Data category"]).not.toBe(deList?.Datenkategorie);
    expect(res.body).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect((await w.asCompany.get("/api/data-grants/export.csv?lang=fr")).statusCode).toBe(400);
  });

  it("exports a PDF with the text in it", async () => {
    const res = await w.asCompany.get("/api/data-grants/export.pdf");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(pdf);
    // The embedded font's ToUnicode map lists the glyphs used: ü (00FC) and ä (00E4) among them.
    expect(text.toLowerCase()).toContain("<00fc>");
    expect(text.toLowerCase()).toContain("<00e4>");
  });
});

/** Inflates every stream of a PDF (pdfkit compresses them) and joins the results. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf("endstream", start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      // not a deflated stream
    }
  }
  return out.join("\n");
}
