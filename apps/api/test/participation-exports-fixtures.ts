import { employee, intervention, participation, participationSession } from "@bgm/db";
import { outputType } from "@bgm/domain";
import { eq } from "drizzle-orm";
import { makeEngagementWorld } from "./engagement-fixtures.js";
import { type Api, addMember, api, type OrgUser, signUpCompany, signUpProvider, type TestApp } from "./helpers.js";

/**
 * One company with a known participation history, written straight into the tables, so the reports can
 * be checked against figures worked out by hand (see the comments at each intervention).
 *
 * Muster Maschinenbau GmbH: 20 active employees (e1 … e20) and 1 inactive one, industry C, an engagement
 * in progress with Upfit GmbH, which delivered a COPSOQ analysis the company accepted. In 2025:
 * - Rückenfit (certified, ZPP, movement, behavioural, 4 800 €): 10 sessions held + 1 cancelled;
 *   e1 attended 8 of 10, e2 7 of 10, e3–e9 all 10 → 9 people.
 * - Stressbewältigung (certified, stress_resources, behavioural, 900 €): 4 sessions; e1, e2, e3 → 3
 *   people (withheld).
 * - Ergonomie-Beratung (not certified, work_design, structural, 1 200 €): 2 sessions; e10–e15 → 6.
 * Outside 2025: Yoga (certified, 2024 past + 2099 upcoming session; e1 attended the past one) and
 * Pilates (certified, 2024, 1 session, e1 no-show).
 */
export interface ReportWorld {
  manager: OrgUser & { api: Api };
  partner: OrgUser & { api: Api };
  /** e1, linked to a user account: 8 of 10 Rückenfit sessions. */
  employee1: OrgUser & { api: Api; employeeId: string };
  /** e2, linked to a user account: 7 of 10 Rückenfit sessions. */
  employee2: OrgUser & { api: Api; employeeId: string };
  employeeIds: string[];
  ids: { rueckenfit: string; stress: string; ergonomie: string; yoga: string; pilates: string; foreign: string; uncertified: string };
  other: OrgUser & { api: Api };
  uninvolved: OrgUser & { api: Api };
}

const at = (iso: string) => new Date(iso);
const hour = (d: Date) => new Date(d.getTime() + 60 * 60 * 1000);

async function addIntervention(
  t: TestApp,
  orgId: string,
  values: Partial<typeof intervention.$inferInsert> & { title: string },
): Promise<string> {
  const [row] = await t.database.db
    .insert(intervention)
    .values({ orgId, category: "movement", fieldOfAction: "movement", approach: "behavioural", ...values })
    .returning({ id: intervention.id });
  return row?.id as string;
}

async function addSessions(
  t: TestApp,
  orgId: string,
  interventionId: string,
  starts: string[],
  status: "scheduled" | "cancelled" = "scheduled",
) {
  const rows = await t.database.db
    .insert(participationSession)
    .values(starts.map((s) => ({ orgId, interventionId, startsAt: at(s), endsAt: hour(at(s)), capacity: 20, status })))
    .returning({ id: participationSession.id });
  return rows.map((r) => r.id);
}

async function attend(
  t: TestApp,
  orgId: string,
  sessionId: string,
  employeeIds: string[],
  status: "attended" | "no_show" | "registered" = "attended",
) {
  if (employeeIds.length === 0) return;
  await t.database.db.insert(participation).values(employeeIds.map((employeeId) => ({ orgId, sessionId, employeeId, status })));
}

const weekly = (first: string, n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.parse(first) + i * 7 * 86_400_000).toISOString());

export async function makeReportWorld(t: TestApp): Promise<ReportWorld> {
  const upfit = await signUpProvider(t.app, { name: "Upfit GmbH" });
  const world = await makeEngagementWorld(t, {
    until: "in_progress",
    companyName: "Muster Maschinenbau GmbH",
    partner: upfit,
    offering: { title: "Rückenfit-Programm", outputDataTypes: ["copsoq_analysis"] },
  });
  const orgId = world.company.orgId;
  const asManager = world.asCompany;
  const must = <R extends { statusCode: number; body: string }>(res: R, what: string): R => {
    if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    return res;
  };

  must(await asManager.put("/api/organization/profile", { industry: "C" }), "profile");
  must(await asManager.patch("/api/project/tasks/form_steering_group", { status: "done" }), "steering group");
  must(await asManager.patch("/api/project/tasks/measure_effectiveness", { status: "done" }), "effectiveness");
  must(await asManager.post("/api/project/goals", { title: "AU-Tage senken", target: "-10 % bis 2027" }), "goal 1");
  const goal = must(await asManager.post("/api/project/goals", { title: "Rückengesundheit", target: "80 % Teilnahme" }), "goal 2");
  must(await asManager.patch(`/api/project/goals/${goal.json().id}`, { status: "achieved" }), "goal achieved");

  // The partner's COPSOQ analysis, accepted by the company: how needs were analysed.
  const copsoq = outputType("copsoq_analysis")?.example;
  const delivered = must(
    await world.asPartner.post(`/api/partner/engagements/${world.engagementId}/results`, {
      outputType: "copsoq_analysis",
      payload: copsoq,
    }),
    "copsoq",
  );
  must(
    await asManager.post(`/api/engagements/${world.engagementId}/results/${delivered.json().id}/decision`, { decision: "accept" }),
    "accept copsoq",
  );

  const people = await t.database.db
    .insert(employee)
    .values(
      Array.from({ length: 21 }, (_, i) => ({
        orgId,
        firstName: `Vorname${i + 1}`,
        lastName: `Nachname${i + 1}`,
        email: `e${i + 1}@muster-maschinenbau.example`,
        department: i < 10 ? "Produktion" : "Verwaltung",
        active: i < 20,
      })),
    )
    .returning({ id: employee.id });
  const e = people.map((p) => p.id);
  const ee = (from: number, to: number) => e.slice(from - 1, to);

  const u1 = await addMember(t, world.company, "employee");
  const u2 = await addMember(t, world.company, "employee");
  await t.database.db
    .update(employee)
    .set({ userId: u1.userId })
    .where(eq(employee.id, e[0] as string));
  await t.database.db
    .update(employee)
    .set({ userId: u2.userId })
    .where(eq(employee.id, e[1] as string));

  const common = { providerOrgId: upfit.orgId, engagementId: world.engagementId };
  const rueckenfit = await addIntervention(t, orgId, {
    ...common,
    title: "Rückenfit",
    certificationId: "KU-ZPP-20250301",
    costCents: 480_000,
    targetGroup: "Produktion",
  });
  const rSessions = await addSessions(t, orgId, rueckenfit, weekly("2025-03-03T08:00:00Z", 10));
  const [cancelled] = await addSessions(t, orgId, rueckenfit, ["2025-05-20T08:00:00Z"], "cancelled");
  await attend(t, orgId, cancelled as string, ee(1, 9));
  for (const [i, s] of rSessions.entries()) {
    await attend(t, orgId, s, [...(i < 8 ? ee(1, 1) : []), ...(i < 7 ? ee(2, 2) : []), ...ee(3, 9)]);
    await attend(t, orgId, s, [...(i >= 8 ? ee(1, 1) : []), ...(i >= 7 ? ee(2, 2) : [])], "no_show");
  }

  const stress = await addIntervention(t, orgId, {
    ...common,
    title: "Stressbewältigung",
    category: "mental_health",
    fieldOfAction: "stress_resources",
    certificationId: "KU-ZPP-20250602",
    costCents: 90_000,
    targetGroup: "Führungskräfte",
  });
  for (const s of await addSessions(t, orgId, stress, weekly("2025-06-02T14:00:00Z", 4))) await attend(t, orgId, s, ee(1, 3));

  const ergonomie = await addIntervention(t, orgId, {
    title: "Ergonomie-Beratung",
    category: "ergonomics",
    fieldOfAction: "work_design",
    approach: "structural",
    costCents: 120_000,
  });
  for (const s of await addSessions(t, orgId, ergonomie, ["2025-09-10T08:00:00Z", "2025-09-17T08:00:00Z"])) {
    await attend(t, orgId, s, ee(10, 15));
  }

  const yoga = await addIntervention(t, orgId, { ...common, title: "Yoga am Mittag", certificationId: "KU-ZPP-YOGA", costCents: 30_000 });
  const [yPast, yFuture] = await addSessions(t, orgId, yoga, ["2024-10-01T11:00:00Z", "2099-01-01T11:00:00Z"]);
  await attend(t, orgId, yPast as string, ee(1, 1));
  await attend(t, orgId, yFuture as string, ee(1, 1), "registered");

  const pilates = await addIntervention(t, orgId, { ...common, title: "Pilates", certificationId: "KU-ZPP-PILATES" });
  const [pSession] = await addSessions(t, orgId, pilates, ["2024-11-05T17:00:00Z"]);
  await attend(t, orgId, pSession as string, ee(1, 1), "no_show");

  const uncertified = await addIntervention(t, orgId, { title: "Obsttag", category: "nutrition", fieldOfAction: "nutrition" });
  const [oSession] = await addSessions(t, orgId, uncertified, ["2024-12-01T09:00:00Z"]);
  await attend(t, orgId, oSession as string, ee(1, 1));

  // Company B: its own certified course and one attendee with an account.
  const other = await signUpCompany(t.app, { name: "Fremdfirma B AG" });
  const otherEmployee = await addMember(t, other, "employee");
  const [bPerson] = await t.database.db
    .insert(employee)
    .values({
      orgId: other.orgId,
      firstName: "Geheim",
      lastName: "B-Person",
      email: otherEmployee.email,
      department: "B",
      userId: otherEmployee.userId,
    })
    .returning({ id: employee.id });
  const foreign = await addIntervention(t, other.orgId, { title: "Fremdkurs B", certificationId: "KU-ZPP-B", costCents: 50_000 });
  for (const s of await addSessions(t, other.orgId, foreign, weekly("2025-02-03T08:00:00Z", 5)))
    await attend(t, other.orgId, s, [bPerson?.id as string]);

  const uninvolved = await signUpProvider(t.app, { name: "Unbeteiligt AG" });
  return {
    manager: { ...world.company, api: asManager },
    partner: { ...upfit, api: world.asPartner },
    employee1: { ...u1, api: api(t.app, u1.cookie), employeeId: e[0] as string },
    employee2: { ...u2, api: api(t.app, u2.cookie), employeeId: e[1] as string },
    employeeIds: e,
    ids: { rueckenfit, stress, ergonomie, yoga, pilates, foreign, uncertified },
    other: { ...other, api: api(t.app, other.cookie) },
    uninvolved: { ...uninvolved, api: api(t.app, uninvolved.cookie) },
  };
}
