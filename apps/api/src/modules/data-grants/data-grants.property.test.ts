import { dataGrant } from "@bgm/db";
import { dataScope } from "@bgm/domain";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, type OrgUser, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { acceptedEngagement, addEmployees, addGoals, bearer, inOneMonth, makeWorld, publishScopedOffering } from "./test-fixtures.js";

/**
 * Over random companies, employees, goals and grants, on the real API and database: the partner
 * API never answers with a field outside the granted scope's declared fields, never with another
 * company's data, and never after revocation or expiry. The same partner works for both companies,
 * so "the other company" is always one whose data the partner may legitimately see elsewhere.
 */
const SCOPES = ["employee_count", "goals", "department_structure", "employee_list"] as const;
const DEPTS = ["IT", "Vertrieb", "Lager", "Produktion"];

let t: TestApp;
let partner: OrgUser;
let key: string;
let offeringId: string;
let run = 0;

beforeAll(async () => {
  t = await createTestApp();
  partner = await signUpProvider(t.app, { name: "Property Partner" });
  key = (await api(t.app, partner.cookie).post("/api/provider/api-keys", { name: "prop" })).json().key;
  offeringId = await publishScopedOffering(t, partner.orgId, [...SCOPES]);
});
afterAll(() => t.close());

const personArb = fc.record({ department: fc.constantFrom(...DEPTS), active: fc.boolean() });
const companyArb = fc.record({
  people: fc.array(personArb, { maxLength: 8 }),
  goals: fc.array(fc.record({ active: fc.boolean() }), { maxLength: 4 }),
});
const grantArb = fc.record({
  scope: fc.constantFrom(...SCOPES),
  granted: fc.boolean(),
  after: fc.constantFrom("none", "revoke", "expire"),
  narrowTo: fc.option(fc.subarray(DEPTS, { minLength: 1 }), { nil: undefined }),
  viaKey: fc.boolean(),
});

type CompanySeed = typeof companyArb extends fc.Arbitrary<infer T> ? T : never;

async function seedCompany(orgId: string, tag: string, c: CompanySeed) {
  const rows = c.people.map((p, i) => ({
    firstName: `${tag}Vor${i}`,
    lastName: `${tag}Nach${i}`,
    email: `${tag.toLowerCase()}${i}@${tag.toLowerCase()}.example.de`,
    department: p.department,
    active: p.active,
  }));
  await addEmployees(t, orgId, rows);
  await addGoals(
    t,
    orgId,
    c.goals.map((g, i) => ({ title: `${tag}Ziel${i}`, target: `${tag}Wert${i}`, status: g.active ? "active" : "achieved" })),
  );
  return rows;
}

describe("partner data API properties", () => {
  it("serves only declared fields of the granted company, and nothing after revocation or expiry", async () => {
    await fc.assert(
      fc.asyncProperty(companyArb, companyArb, grantArb, async (ca, cb, g) => {
        run += 1;
        const tagA = `Aa${run}x`;
        const tagB = `Bb${run}x`;
        const a = await makeWorld(t, { partner, companyName: `Firma ${tagA}` });
        const asPartner = api(t.app, partner.cookie);
        // B: the same partner, everything granted — the data the answer about A must never contain.
        const b = await makeWorld(t, { partner, companyName: `Firma ${tagB}` });
        const bEngagement = await acceptedEngagement(b.asCompany, asPartner, offeringId);
        const aEngagement = await acceptedEngagement(a.asCompany, asPartner, offeringId);
        const peopleA = await seedCompany(a.company.orgId, tagA, ca);
        await seedCompany(b.company.orgId, tagB, cb);
        const gb = await b.asCompany.post(`/api/engagements/${bEngagement}/grants`, {
          decisions: SCOPES.map((s) => ({ scopeKey: s, grant: true, confirmHighSensitivity: true })),
          expiresAt: inOneMonth(),
        });
        expect(gb.statusCode, gb.body).toBe(200);

        const def = dataScope(g.scope);
        if (!def) throw new Error("unknown scope");
        const narrowing = def.narrowable && g.narrowTo ? { departments: g.narrowTo } : undefined;
        const ga = await a.asCompany.post(`/api/engagements/${aEngagement}/grants`, {
          decisions: [{ scopeKey: g.scope, grant: g.granted, confirmHighSensitivity: true, narrowing }],
          expiresAt: inOneMonth(),
        });
        expect(ga.statusCode, ga.body).toBe(200);
        const grantId = ga.json().granted[0]?.id as string | undefined;
        if (grantId && g.after === "revoke") expect((await a.asCompany.post(`/api/data-grants/${grantId}/revoke`)).statusCode).toBe(200);
        if (grantId && g.after === "expire") {
          await t.database.db
            .update(dataGrant)
            .set({ expiresAt: new Date(Date.now() - 1) })
            .where(eq(dataGrant.id, grantId));
        }

        const url = `/api/partner/engagements/${aEngagement}/data/${g.scope}`;
        const res = g.viaKey ? await bearer(t, key, url) : await asPartner.get(url);
        // Never the other company, whatever the outcome.
        expect(res.body).not.toContain(tagB);
        expect(res.body.toLowerCase()).not.toContain(tagB.toLowerCase());
        if (!g.granted || g.after !== "none") {
          expect(res.statusCode).toBe(403);
          expect(res.body).not.toContain(tagA);
          expect(res.body.toLowerCase()).not.toContain(tagA.toLowerCase());
          return;
        }
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json() as { fields: string[]; records: Record<string, unknown>[] };
        expect(body.fields).toEqual([...def.fields]);
        for (const r of body.records) expect(Object.keys(r)).toEqual([...def.fields]);
        if (g.scope === "employee_list") {
          const expected = peopleA.filter((p) => p.active && (!narrowing || narrowing.departments.includes(p.department)));
          expect(body.records.map((r) => r.email).sort()).toEqual(expected.map((p) => p.email).sort());
        }
        if (g.scope === "employee_count") {
          // Below the minimum the total itself is a small group: withheld (ADR 0007).
          const n = peopleA.filter((p) => p.active).length;
          expect(body.records).toEqual([{ employeeCount: n === 0 || n >= 5 ? n : null }]);
        }
        if (g.scope === "goals") expect(body.records).toHaveLength(ca.goals.filter((x) => x.active).length);
      }),
      { numRuns: 15 },
    );
  }, 600_000);
});
