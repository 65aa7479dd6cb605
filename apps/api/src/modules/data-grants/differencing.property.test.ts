import { dataAccessLog, dataGrant, employee } from "@bgm/db";
import { derivableSmallGroups, MIN_GROUP_SIZE } from "@bgm/domain";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers.js";
import { acceptedEngagement, addEmployees, inOneMonth, makeWorld, type World } from "./test-fixtures.js";

/**
 * ADR 0007 on the real routes and database: one partner with two engagements at the same company,
 * random departments and random grants in each. Every head count that leaves the server (JSON and
 * CSV of employee_count and department_structure, the length of every employee list) is collected
 * as the set of departments it counts; no group below the minimum may follow from them by sums and
 * differences, unless the partner received all of its people by name. The company's previews must
 * show the same numbers.
 */
const SCOPES = ["employee_count", "department_structure", "employee_list"] as const;
const DEPTS = ["IT", "Vertrieb", "Lager", "Produktion", "Verwaltung"];

let t: TestApp;
let w: World;
let engagements: string[];

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t, { scopes: [...SCOPES], companyName: "Differenz GmbH" });
  engagements = [w.engagementId, await acceptedEngagement(w.asCompany, w.asPartner, w.offeringId)];
});
afterAll(() => t.close());

const companyArb = fc.uniqueArray(fc.record({ name: fc.constantFrom(...DEPTS), size: fc.integer({ min: 1, max: 9 }) }), {
  selector: (d) => d.name,
  minLength: 1,
  maxLength: 4,
});
type ListChoice = { kind: "none" } | { kind: "departments"; departments: string[] } | { kind: "people"; share: number };
const listArb: fc.Arbitrary<ListChoice> = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.record({ kind: fc.constant("departments" as const), departments: fc.subarray(DEPTS) }),
  fc.record({ kind: fc.constant("people" as const), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
);
const engagementGrantsArb = fc.record({ scopes: fc.subarray([...SCOPES], { minLength: 1 }), list: listArb });

type Row = Record<string, string | number | boolean | null>;

/** A fresh company state per run: the grant history is part of what the partner knows, so it starts empty. */
async function reset(company: { name: string; size: number }[]) {
  const db = t.database.db;
  await db.delete(dataAccessLog).where(eq(dataAccessLog.orgId, w.company.orgId));
  await db.delete(dataGrant).where(eq(dataGrant.orgId, w.company.orgId));
  await db.delete(employee).where(eq(employee.orgId, w.company.orgId));
  const rows = company.flatMap((d) =>
    Array.from({ length: d.size }, (_, i) => ({
      firstName: "V",
      lastName: `${d.name}${i}`,
      email: `${d.name}${i}@d.example.de`,
      department: d.name,
    })),
  );
  return addEmployees(t, w.company.orgId, rows);
}

async function fetchJson(engagementId: string, scope: string): Promise<Row[]> {
  const res = await w.asPartner.get(`/api/partner/engagements/${engagementId}/data/${scope}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().records;
}

/** The CSV as a partner's spreadsheet reads it, back into typed values, to compare with the JSON. */
async function fetchCsv(engagementId: string, scope: string): Promise<Row[]> {
  const res = await w.asPartner.get(`/api/partner/engagements/${engagementId}/data/${scope}?format=csv`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.body.startsWith("\uFEFF"), "Excel's BOM").toBe(true);
  const rows = parse(res.body, { columns: true, bom: true, delimiter: ";" }) as Record<string, string>[];
  const typed = (v: string) => (v === "" ? null : v === "true" ? true : v === "false" ? false : /^\d+$/.test(v) ? Number(v) : v);
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typed(v)])));
}

describe("no small group follows from what one partner receives about one company", () => {
  it("over random departments and grant combinations in two engagements, on the real routes", async () => {
    await fc.assert(
      fc.asyncProperty(companyArb, fc.tuple(engagementGrantsArb, engagementGrantsArb), async (company, perEngagement) => {
        const people = await reset(company);
        const present = company.map((d) => d.name);
        const sizeOf = (names: readonly string[]) => company.filter((d) => names.includes(d.name)).reduce((s, d) => s + d.size, 0);
        const figures: string[][] = [];
        const named = { all: false, departments: [] as string[] };
        const received: Record<string, Row[][]> = { employee_count: [], department_structure: [] };

        for (const [i, g] of perEngagement.entries()) {
          const engagementId = engagements[i] as string;
          const ids = g.list.kind === "people" ? people.slice(0, Math.round(g.list.share * people.length)).map((p) => p.id) : [];
          const narrowing =
            g.list.kind === "departments"
              ? { departments: g.list.departments }
              : g.list.kind === "people"
                ? { employeeIds: ids }
                : undefined;
          const res = await w.asCompany.post(`/api/engagements/${engagementId}/grants`, {
            decisions: g.scopes.map((scopeKey) => ({
              scopeKey,
              grant: true,
              confirmHighSensitivity: true,
              narrowing: scopeKey === "employee_list" ? narrowing : undefined,
            })),
            expiresAt: inOneMonth(),
          });
          expect(res.statusCode, res.body).toBe(200);
          if (g.scopes.includes("employee_list")) {
            const list = await fetchJson(engagementId, "employee_list");
            // The length of a list is a head count: of the named departments, or of all of them.
            if (g.list.kind === "people") expect(list).toHaveLength(ids.length);
            else {
              const set = g.list.kind === "departments" ? g.list.departments.filter((d) => present.includes(d)) : present;
              expect(list).toHaveLength(sizeOf(set));
              figures.push(set);
              if (g.list.kind === "none") named.all = true;
              else named.departments.push(...set);
            }
          }
        }

        for (const [i, g] of perEngagement.entries()) {
          const engagementId = engagements[i] as string;
          const request = (await w.asCompany.get(`/api/engagements/${engagementId}/data-request`)).json();
          const preview = (key: string) => request.scopes.find((s: { key: string }) => s.key === key).preview;
          if (g.scopes.includes("employee_count")) {
            const [row] = await fetchJson(engagementId, "employee_count");
            expect(await fetchCsv(engagementId, "employee_count")).toEqual([row]);
            received.employee_count?.push([row as Row]);
            const n = row?.employeeCount;
            if (n !== null) {
              expect(n).toBe(sizeOf(present));
              figures.push(present);
            }
            // What the manager reads before granting is what leaves the server.
            expect(preview("employee_count").en).toBe(
              n === null
                ? `The number of employees is withheld (it would reveal a group of fewer than ${MIN_GROUP_SIZE} people)`
                : `The number ${n} (active employees) will be shared`,
            );
          }
          if (g.scopes.includes("department_structure")) {
            const rows = await fetchJson(engagementId, "department_structure");
            expect(await fetchCsv(engagementId, "department_structure")).toEqual(rows);
            received.department_structure?.push(rows);
            expect(preview("department_structure").count).toBe(rows.length);
            expect(rows.map((r) => r.department).sort()).toEqual([...present].sort());
            const groups = new Map<string, string[]>();
            for (const r of rows) {
              expect(typeof r.suppressed).toBe("boolean");
              expect(r.suppressed).toBe(r.size === null);
              if (r.size !== null) {
                expect(r.size).toBe(sizeOf([r.department as string]));
                expect(r.size).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
                figures.push([r.department as string]);
              }
              if (r.combinedGroup !== null) {
                const key = r.combinedGroup as string;
                groups.set(key, [...(groups.get(key) ?? []), r.department as string]);
              }
            }
            for (const members of groups.values()) {
              const sizes = rows.filter((r) => members.includes(r.department as string)).map((r) => r.combinedSize);
              expect(new Set(sizes)).toEqual(new Set([sizeOf(members)]));
              expect(sizeOf(members)).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
              figures.push(members);
            }
          }
        }

        // One partner sees one partition: both engagements answer alike.
        for (const answers of Object.values(received)) for (const a of answers) expect(a).toEqual(answers[0]);
        expect(derivableSmallGroups(company, figures, named)).toEqual([]);
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it("the OpenAPI document gives department sizes as integers or null, with a suppressed flag", async () => {
    const doc = (await w.asPartner.get("/api/openapi.json")).json();
    const ok = doc.paths["/api/partner/engagements/{id}/data/{scope}"].get.responses["200"].content["application/json"].schema.anyOf[0];
    const record = ok.properties.records.items.anyOf.find((s: { properties?: object }) => s.properties && "suppressed" in s.properties);
    expect(record.properties.size.anyOf.map((s: { type: string }) => s.type)).toEqual(["integer", "null"]);
    expect(record.properties.suppressed.type).toBe("boolean");
    expect(record.required).toEqual(["department", "size", "suppressed", "combinedGroup", "combinedSize"]);
  });
});
