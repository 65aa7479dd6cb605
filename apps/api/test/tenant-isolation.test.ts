import { employee, engagement, goal, TENANT_SETTINGS_SQL, tenantSettings, withTenantTx } from "@bgm/db";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inPartnerTenant } from "../src/modules/partner-access/index.js";
import { type EngagementWorld, makeEngagementWorld } from "./engagement-fixtures.js";
import { api, createTestApp, type OrgUser, signUpCompany, type TestApp } from "./helpers.js";

/**
 * The second wall: even a query that forgets the org filter, run through the request's own
 * database handle, sees only the caller's rows because PostgreSQL row-level security filters it.
 */
let t: TestApp;
let a: OrgUser;
let b: OrgUser;

beforeAll(async () => {
  t = await createTestApp({}, (app) => {
    // Deliberately unscoped queries, as a careless future route might write them.
    app.get("/api/__test/unscoped-employees", { schema: { hide: true } }, async (req) =>
      req.inTenant({ roles: ["bgm_manager"] }, async (s) => {
        const viaBuilder = await s.tx.select({ email: employee.email, orgId: employee.orgId }).from(employee);
        const viaSql = await s.tx.execute<{ email: string }>(sql`select email from employee`);
        const goals = await s.tx.select({ title: goal.title }).from(goal);
        return { viaBuilder, viaSql: (viaSql as unknown as { rows: { email: string }[] }).rows, goals };
      }),
    );
    // The same careless query, run for a partner's API key the way the partner API runs its reads.
    app.get("/api/__test/unscoped-engagements", { schema: { hide: true } }, async (req) =>
      inPartnerTenant(app.db, req, {}, async (s) => {
        const rows = await s.tx.select({ id: engagement.id }).from(engagement);
        const settings = await s.tx.execute<{ who: string; org: string }>(
          sql`select current_user as who, current_setting('app.org_id', true) as org`,
        );
        return { ids: rows.map((r) => r.id), settings: (settings as unknown as { rows: unknown[] }).rows };
      }),
    );
    app.post("/api/__test/write-foreign", { schema: { hide: true } }, async (req) =>
      req.inTenant({ roles: ["bgm_manager"] }, async (s) => {
        const { foreignOrgId } = req.body as { foreignOrgId: string };
        await s.tx.insert(employee).values({ orgId: foreignOrgId, firstName: "X", lastName: "Y", email: "x@y.de", department: "D" });
        return { ok: true };
      }),
    );
  });
  a = await signUpCompany(t.app, { name: "Firma A" });
  b = await signUpCompany(t.app, { name: "Firma B" });
  for (const [who, mail] of [
    [a, "anna.a@firma-a.de"],
    [b, "bernd.b@firma-b.de"],
  ] as const) {
    const res = await api(t.app, who.cookie).post("/api/employees", { firstName: "P", lastName: "Q", email: mail, department: "IT" });
    expect(res.statusCode, res.body).toBe(201);
    await api(t.app, who.cookie).post("/api/project/goals", { title: `Ziel von ${mail}`, target: "10 %" });
  }
});
afterAll(() => t.close());

describe("row-level security (second wall)", () => {
  it("an unscoped query through the request's handle returns only the caller's rows", async () => {
    const res = await api(t.app, a.cookie).get("/api/__test/unscoped-employees");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.viaBuilder).toEqual([{ email: "anna.a@firma-a.de", orgId: a.orgId }]);
    expect(body.viaSql).toEqual([{ email: "anna.a@firma-a.de" }]);
    expect(body.goals).toEqual([{ title: "Ziel von anna.a@firma-a.de" }]);
    expect(res.body).not.toContain("firma-b");
  });

  it("a partner API key's read runs under the same wall: an unscoped query sees only its provider's engagements", async () => {
    const p: EngagementWorld = await makeEngagementWorld(t, {
      until: "accepted",
      offering: { title: "Angebot P" },
      companyName: "Kunde P",
    });
    const q: EngagementWorld = await makeEngagementWorld(t, {
      until: "accepted",
      offering: { title: "Angebot Q" },
      companyName: "Kunde Q",
    });
    const key = (await p.asPartner.post("/api/provider/api-keys", { name: "Wand" })).json().key as string;
    const res = await t.app.inject({ method: "GET", url: "/api/__test/unscoped-engagements", headers: { authorization: `Bearer ${key}` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ids).toEqual([p.engagementId]);
    expect(res.json().ids).not.toContain(q.engagementId);
    expect(res.json().settings).toEqual([{ who: "bgm_app", org: p.partner.orgId }]);
  });

  it("a write into another organization is refused by the database and nothing is stored", async () => {
    const res = await api(t.app, a.cookie).post("/api/__test/write-foreign", { foreignOrgId: b.orgId });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe("internal");
    const list = await api(t.app, b.cookie).get("/api/employees?active=all");
    expect(list.json().items.map((e: { email: string }) => e.email)).toEqual(["bernd.b@firma-b.de"]);
  });

  it("requests run as a role that is neither table owner nor BYPASSRLS", async () => {
    const rows = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw("SET LOCAL ROLE bgm_app"));
      return tx.execute<{ rolbypassrls: boolean; rolsuper: boolean; owns: number }>(
        sql`select r.rolbypassrls, r.rolsuper, (select count(*)::int from pg_tables where tableowner = current_user) as owns from pg_roles r where r.rolname = current_user`,
      );
    });
    expect((rows as unknown as { rows: unknown[] }).rows).toEqual([{ rolbypassrls: false, rolsuper: false, owns: 0 }]);
  });

  it("a tenant transaction runs as the app role for one organization, and both settings end with it", async () => {
    type Row = { who: string; org: string };
    const read = sql`select current_user as who, coalesce(current_setting('app.org_id', true), '') as org`;
    const rowsOf = (r: unknown) => (r as { rows: Row[] }).rows;
    const inside = await withTenantTx(t.database.db, a.orgId, async (tx) => rowsOf(await tx.execute<Row>(read)));
    expect(inside).toEqual([{ who: "bgm_app", org: a.orgId }]);
    // The benchmark's bare routes send TENANT_SETTINGS_SQL themselves: it must be this very statement.
    expect(new PgDialect().sqlToQuery(tenantSettings(a.orgId))).toMatchObject({ sql: TENANT_SETTINGS_SQL, params: ["bgm_app", a.orgId] });
    // The same pooled connections afterwards: back to the owner, no organization.
    for (let i = 0; i < 3; i++) {
      const [after] = rowsOf(await t.database.db.execute<Row>(read));
      expect(after?.who).not.toBe("bgm_app");
      expect(after?.org).toBe("");
    }
  });

  it("the audit log is append-only even for the table owner", async () => {
    await expect(t.database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
