import { auditLog, withTenantTx } from "@bgm/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, api, createTestApp, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import {
  addIntervention,
  addPeople,
  addPlaces,
  addSession,
  attended,
  day,
  noShow,
  type Person,
} from "../../../test/participation-aggregates-fixtures.js";
import { makeTenantScope } from "../../lib/tenant-scope.js";
import { berlinMonth } from "./aggregates.period.js";
import { participationReport } from "./index.js";

let t: TestApp;
let manager: Awaited<ReturnType<typeof signUpCompany>>;
let asManager: ReturnType<typeof api>;
const ids: Record<string, string> = {};

/**
 * One company, March 2026 (see the numbers in each test):
 * - Vertrieb 20, IT 12 (Hamburg); Lager 8, Produktion 10 (Bremen).
 * - Lunch & Learn (nutrition, 2 sessions): V0–V4 and I0–I9, then I0–I9 again. Kochkurs (nutrition): V0, V1,
 *   I0–I3, P0, P1. Rückenfit (movement): P0–P7 and L0, no-shows L1, L2. Führung (mental health, healthy
 *   leadership, structural): V10–V15, no-shows V16–V18. April: Kochkurs again with P0, P1.
 */
beforeAll(async () => {
  t = await createTestApp({ responseSerialization: "checked" }); // Zod and the compiled serializer, compared
  manager = await signUpCompany(t.app, { name: "Bericht GmbH" });
  asManager = api(t.app, manager.cookie);
  const org = manager.orgId;
  const V = await addPeople(t, org, 20, { prefix: "V", department: "Vertrieb", location: "Hamburg" });
  const I = await addPeople(t, org, 12, { prefix: "I", department: "IT", location: "Hamburg" });
  const L = await addPeople(t, org, 8, { prefix: "L", department: "Lager", location: "Bremen" });
  const P = await addPeople(t, org, 10, { prefix: "Pr", department: "Produktion", location: "Bremen" });
  const lunch = await addIntervention(t, org, { title: "Lunch & Learn", category: "nutrition", fieldOfAction: "nutrition" });
  const cook = await addIntervention(t, org, { title: "Kochkurs", category: "nutrition", fieldOfAction: "nutrition" });
  const back = await addIntervention(t, org, { title: "Rückenfit", category: "movement", fieldOfAction: "movement" });
  const lead = await addIntervention(t, org, {
    title: "Führung",
    category: "mental_health",
    fieldOfAction: "healthy_leadership",
    approach: "structural",
  });
  Object.assign(ids, { lunch, cook, back, lead });
  const sl = (xs: Person[], a: number, b: number) => xs.slice(a, b);
  await addPlaces(t, org, await addSession(t, org, lunch, day("2026-03-03")), attended([...sl(V, 0, 5), ...sl(I, 0, 10)]));
  await addPlaces(t, org, await addSession(t, org, lunch, day("2026-03-10")), attended(sl(I, 0, 10)));
  await addPlaces(t, org, await addSession(t, org, cook, day("2026-03-12")), attended([...sl(V, 0, 2), ...sl(I, 0, 4), ...sl(P, 0, 2)]));
  await addPlaces(t, org, await addSession(t, org, back, day("2026-03-17")), [
    ...attended([...sl(P, 0, 8), ...sl(L, 0, 1)]),
    ...noShow(sl(L, 1, 3)),
  ]);
  await addPlaces(t, org, await addSession(t, org, lead, day("2026-03-24")), [...attended(sl(V, 10, 16)), ...noShow(sl(V, 16, 19))]);
  await addPlaces(t, org, await addSession(t, org, cook, day("2026-04-14")), attended(sl(P, 0, 2)));
  // A cancelled session counts for nothing.
  await addPlaces(t, org, await addSession(t, org, back, day("2026-03-31"), { status: "cancelled" }), attended(sl(V, 0, 20)));
});
afterAll(() => t.close());

const MARCH = "from=2026-03-01&to=2026-03-31";
const people = (groupBy: string, period = MARCH) => asManager.get(`/api/participation/reports/people?${period}&groupBy=${groupBy}`);
const row = (body: { rows: { key: string }[] }, key: string) => body.rows.find((r) => r.key === key) as Record<string, unknown>;

describe("company reports: people", () => {
  it("per category, distinct people (a person in both nutrition courses counts once), with the interventions behind it", async () => {
    const res = await people("category");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.peopleReached).toEqual({ value: 30, suppressed: false });
    expect(row(body, "nutrition")).toMatchObject({
      label: { de: "Ernährung", en: "Nutrition" },
      participants: { value: 17, suppressed: false },
      interventionIds: [ids.lunch, ids.cook].sort(),
      sessions: 3,
    });
    expect(row(body, "movement")).toMatchObject({ participants: { value: 9, suppressed: false }, sessions: 1 });
    expect(body.interventionIds.sort()).toEqual(Object.values(ids).sort());
  });

  it("per intervention and approach: withholds what a difference would single out", async () => {
    const byIntervention = (await people("intervention")).json();
    // Lunch & Learn had 15; nutrition 17: 17 − 15 would be the 2 who only took the cooking course.
    expect(row(byIntervention, ids.lunch as string).participants).toEqual({ value: null, suppressed: true });
    expect(row(byIntervention, ids.cook as string).participants).toEqual({ value: 8, suppressed: false });
    expect(row(byIntervention, ids.lead as string)).toMatchObject({ label: { de: "Führung" }, participants: { value: 6 } });
    const byApproach = (await people("approach")).json();
    // Behavioural = nutrition ∪ movement: 17 + 9 − behavioural would be the 2 who did both.
    expect(row(byApproach, "behavioural").participants).toEqual({ value: null, suppressed: true });
    expect(row(byApproach, "structural").participants).toEqual({ value: 6, suppressed: false });
    const byField = (await people("fieldOfAction")).json();
    expect(row(byField, "healthy_leadership")).toMatchObject({ participants: { value: 6 }, label: { de: "Gesundheitsgerechte Führung" } });
  });

  it("per department: a department that would reveal one person is combined; the lowest participation is named", async () => {
    const res = await people("department");
    const body = res.json();
    expect(body.peopleReached).toEqual({ value: 30, suppressed: false });
    expect(row(body, "Vertrieb")).toMatchObject({
      participants: { value: 11, suppressed: false },
      nonParticipants: { value: 9, suppressed: false },
      participationRate: 11 / 20,
      combinedGroup: null,
    });
    // Lager: one person took part. Withheld, and Produktion with it, so 30 − 11 − 10 cannot give 1.
    expect(row(body, "Lager")).toMatchObject({
      participants: { value: null, suppressed: true },
      participationRate: null,
      combinedGroup: "Sonstige",
    });
    expect(row(body, "Produktion")).toMatchObject({ participants: { value: null, suppressed: true }, combinedGroup: "Sonstige" });
    // IT's 2 who did not take part are a small group too: its rate is withheld.
    expect(row(body, "IT")).toMatchObject({
      participants: { value: 10 },
      nonParticipants: { value: null, suppressed: true },
      participationRate: null,
    });
    expect(body.combinedGroups[0]).toMatchObject({ label: "Sonstige", keys: ["Lager", "Produktion"], participants: { value: 9 } });
    expect(body.lowestParticipation).toEqual({ key: "Vertrieb", label: { de: "Vertrieb", en: "Vertrieb" }, participationRate: 0.55 });
    // A department's figure is about every intervention of the period.
    expect((row(body, "Lager").interventionIds as string[]).sort()).toEqual(Object.values(ids).sort());
    const byLocation = (await people("location")).json();
    expect(row(byLocation, "Hamburg")).toMatchObject({ participants: { value: 21 }, nonParticipants: { value: 11 } });
    expect(row(byLocation, "Bremen")).toMatchObject({ participants: { value: 9 }, nonParticipants: { value: 9 } });
  });

  it("refuses bad queries with the agreed error body", async () => {
    for (const q of [
      "groupBy=department",
      "from=2026-03-31&to=2026-03-01&groupBy=category",
      `${MARCH}&groupBy=employee`,
      `${MARCH}&groupBy=category&x=1`,
    ]) {
      const res = await asManager.get(`/api/participation/reports/people?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
    }
  });
});

describe("company reports: attendance over time", () => {
  it("per month and quarter; a month of two attendees is withheld, and so is its quarter", async () => {
    const months = (await asManager.get("/api/participation/reports/attendance?from=2026-03-01&to=2026-04-30&groupBy=month")).json();
    expect(months.rows.map((r: { key: string }) => r.key)).toEqual(["2026-03", "2026-04"]);
    expect(months.rows[0]).toMatchObject({
      label: { de: "März 2026", en: "March 2026" },
      sessions: 5,
      attendedCount: 48,
      registeredCount: 53,
      suppressed: false,
    });
    expect(months.rows[0].attendanceRate).toBeCloseTo(48 / 53, 10);
    expect(months.rows[1]).toMatchObject({ attendedCount: null, registeredCount: null, suppressed: true, sessions: 1 });
    const quarters = (await asManager.get("/api/participation/reports/attendance?from=2026-03-15&to=2026-04-15&groupBy=quarter")).json();
    expect(quarters.rows.map((r: { key: string; attendedCount: number | null }) => [r.key, r.attendedCount])).toEqual([
      ["2026-Q1", 48],
      ["2026-Q2", null],
    ]);
    // A month reads the same whatever period is asked for.
    const march = (await asManager.get("/api/participation/reports/attendance?from=2026-03-20&to=2026-03-20&groupBy=month")).json();
    expect(march.rows[0]).toEqual(months.rows[0]);
  });
});

describe("the insurer report's figures", () => {
  it("are the people report's figures: aggregates only, with the interventions' dimensions and providers", async () => {
    const provider = await signUpProvider(t.app, { name: "Kursanbieter AG" });
    const report = await withTenantTx(t.database.db, manager.orgId, (tx) =>
      participationReport(
        makeTenantScope(
          tx,
          { orgId: manager.orgId, orgKind: "company", role: "bgm_manager", userId: manager.userId },
          { ip: null, userAgent: null, requestId: null },
        ),
        { from: "2026-03-01", to: "2026-03-31" },
      ),
    );
    expect(provider.orgId).toBeTruthy();
    expect(report.peopleReached).toEqual({ value: 30, suppressed: false });
    expect(report.interventions).toBe(4);
    expect(report.sessions).toBe(5);
    const lunch = report.byIntervention.find((i) => i.interventionId === ids.lunch);
    expect(lunch).toMatchObject({
      category: "nutrition",
      fieldOfAction: "nutrition",
      approach: "behavioural",
      sessions: 2,
      participants: { value: null, suppressed: true },
    });
    expect(report.byCategory.find((c) => c.category === "nutrition")?.participants).toEqual({ value: 17, suppressed: false });
    expect(report.byApproach.map((a) => [a.approach, a.participants.value])).toEqual([
      ["behavioural", null],
      ["structural", 6],
    ]);
    expect(JSON.stringify(report)).not.toMatch(/Vorname|Nachname|@firma/);
  });
});

describe("minimum group size", () => {
  it("is 5 by default, can be raised (audited), never lowered", async () => {
    const company = await signUpCompany(t.app, { name: "Schwelle GmbH" });
    const as = api(t.app, company.cookie);
    expect((await as.get("/api/participation/disclosure")).json()).toMatchObject({
      minGroupSize: 5,
      defaultMinGroupSize: 5,
      updatedAt: null,
    });
    const raised = await as.put("/api/participation/disclosure", { minGroupSize: 8 });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json().minGroupSize).toBe(8);
    const lower = await as.put("/api/participation/disclosure", { minGroupSize: 6 });
    expect(lower.statusCode).toBe(409);
    expect(lower.json().error).toMatchObject({ code: "conflict", details: { reason: "min_group_size_lower", current: 8 } });
    expect((await as.put("/api/participation/disclosure", { minGroupSize: 4 })).statusCode).toBe(400);
    expect((await as.put("/api/participation/disclosure", { minGroupSize: 51 })).statusCode).toBe(400);
    expect((await as.put("/api/participation/disclosure", { minGroupSize: 8 })).statusCode).toBe(200);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, company.orgId), eq(auditLog.action, "participation.min_group_size_raised")));
    expect(audits.map((a) => a.details)).toEqual([{ from: 5, to: 8 }]);
    // The database refuses a lower value too, whoever writes it.
    await expect(
      withTenantTx(t.database.db, company.orgId, (tx) =>
        tx.execute(`update participation_settings set min_group_size = 5 where org_id = '${company.orgId}'`),
      ),
    ).rejects.toThrow();
    // Reports use it.
    expect((await as.get(`/api/participation/reports/people?${MARCH}&groupBy=category`)).json().minGroupSize).toBe(8);
  });
});

describe("the KPI card", () => {
  it("shows the company's own attendance rate per month beside partner statistics, withheld months named", async () => {
    const company = await signUpCompany(t.app, { name: "Kennzahl GmbH" });
    const staff = await addPeople(t, company.orgId, 12, { prefix: "K" });
    const i = await addIntervention(t, company.orgId);
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10, 12));
    const twoBack = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 10, 12));
    await addPlaces(t, company.orgId, await addSession(t, company.orgId, i, lastMonth), [
      ...attended(staff.slice(0, 6)),
      ...noShow(staff.slice(6, 11)),
    ]);
    await addPlaces(t, company.orgId, await addSession(t, company.orgId, i, twoBack), attended(staff.slice(0, 2)));
    const kpis = await api(t.app, company.cookie).get("/api/kpis");
    expect(kpis.statusCode, kpis.body).toBe(200);
    const card = kpis.json().cards.find((c: { key: string }) => c.key === "participation_rate");
    const m = berlinMonth(lastMonth);
    const sameQuarter = Math.floor((Number(m.slice(5)) - 1) / 3) === Math.floor((Number(berlinMonth(twoBack).slice(5)) - 1) / 3);
    if (sameQuarter) {
      // Both months in one quarter: the small month is counted together with the other, so neither shows.
      expect(card).toMatchObject({ value: null, trend: [], withheld: [berlinMonth(twoBack), m] });
    } else {
      expect(card).toMatchObject({
        title: { de: "Teilnahmequote (eigene Erfassung)" },
        unit: "%",
        counts: { registered: 11, attended: 6 },
        withheld: [berlinMonth(twoBack)],
      });
      expect(card.value).toBeCloseTo((6 / 11) * 100, 10);
      expect(card.trend).toEqual([{ label: m, value: card.value, counts: { registered: 11, attended: 6 } }]);
    }
    // A company without sessions has no such card.
    const empty = await signUpCompany(t.app, { name: "Leer GmbH" });
    expect(
      (await api(t.app, empty.cookie).get("/api/kpis")).json().cards.some((c: { key: string }) => c.key === "participation_rate"),
    ).toBe(false);
  });
});

describe("who may read the company's reports", () => {
  it("the company's manager only; others get 401/403 in the agreed body and never another company's figures", async () => {
    const other = await signUpCompany(t.app, { name: "Fremde GmbH" });
    const employee = await addMember(t, manager, "employee");
    const partner = await signUpProvider(t.app, { name: "Neugieriger Partner" });
    const key = (await api(t.app, partner.cookie).post("/api/provider/api-keys", { name: "Neugier" })).json().key as string;
    const urls = [
      `/api/participation/reports/people?${MARCH}&groupBy=department`,
      `/api/participation/reports/attendance?${MARCH}&groupBy=month`,
      "/api/participation/disclosure",
    ];
    for (const url of urls) {
      expect((await asManager.get(url)).statusCode, url).toBe(200);
      // Company B's manager reads B's (empty) figures, never A's.
      const b = await api(t.app, other.cookie).get(url);
      expect(b.statusCode, url).toBe(200);
      expect(b.body).not.toContain("Vertrieb");
      for (const [who, res] of [
        ["employee", await api(t.app, employee.cookie).get(url)],
        ["partner", await api(t.app, partner.cookie).get(url)],
        ["partner key", await t.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${key}` } })],
        ["anonymous", await api(t.app).get(url)],
      ] as const) {
        expect([401, 403], `${who} ${url}: ${res.statusCode}`).toContain(res.statusCode);
        expect(Object.keys(res.json())).toEqual(["error"]);
      }
    }
    const put = (as: ReturnType<typeof api>) => as.put("/api/participation/disclosure", { minGroupSize: 9 });
    expect((await put(api(t.app, employee.cookie))).statusCode).toBe(403);
    expect((await put(api(t.app, partner.cookie))).statusCode).toBe(403);
    expect((await put(api(t.app))).statusCode).toBe(401);
    expect((await asManager.get("/api/participation/disclosure")).json().minGroupSize).toBe(5);
  });
});
