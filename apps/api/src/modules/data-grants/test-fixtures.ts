import { bgmProject, employee, goal } from "@bgm/db";
import { eq } from "drizzle-orm";
import { type EngagementWorld, engagementUntil, makeEngagementWorld, publishTestOffering } from "../../../test/engagement-fixtures.js";
import type { Api, OrgUser, TestApp } from "../../../test/helpers.js";

/** Shared by this module's tests: a company and a provider with an accepted engagement about an offering that requests scopes. */
export type World = EngagementWorld;

export { FUTURE_QUOTE } from "../../../test/engagement-fixtures.js";

export const publishScopedOffering = (t: TestApp, providerOrgId: string, scopes: string[], title = "COPSOQ-Befragung") =>
  publishTestOffering(t, providerOrgId, { title, requiredDataScopes: scopes });

/** Requests a quote, has the partner quote it and the company accept it: the engagement is `accepted`. */
export const acceptedEngagement = (asCompany: Api, asPartner: Api, offeringId: string) =>
  engagementUntil(asCompany, asPartner, offeringId, "accepted");

export const makeWorld = (t: TestApp, opts: { scopes?: string[]; companyName?: string; partner?: OrgUser } = {}): Promise<World> =>
  makeEngagementWorld(t, {
    until: "accepted",
    offering: { title: "COPSOQ-Befragung", requiredDataScopes: opts.scopes ?? ["employee_list", "goals"] },
    companyName: opts.companyName,
    partner: opts.partner,
  });

export interface PersonSeed {
  firstName: string;
  lastName: string;
  email: string;
  department: string;
  active?: boolean;
}

/** Test data straight into the tables (as the owner role): fast enough for property runs. */
export async function addEmployees(t: TestApp, orgId: string, people: PersonSeed[]) {
  if (people.length === 0) return [];
  return t.database.db
    .insert(employee)
    .values(people.map((p) => ({ ...p, orgId, active: p.active ?? true })))
    .returning({ id: employee.id, email: employee.email });
}

export async function addGoals(
  t: TestApp,
  orgId: string,
  goals: { title: string; target: string; status?: "active" | "achieved" | "dropped" }[],
) {
  const db = t.database.db;
  let [project] = await db.select({ id: bgmProject.id }).from(bgmProject).where(eq(bgmProject.orgId, orgId));
  if (!project) [project] = await db.insert(bgmProject).values({ orgId }).returning({ id: bgmProject.id });
  if (goals.length === 0) return;
  await db.insert(goal).values(goals.map((g) => ({ ...g, orgId, projectId: project?.id as string })));
}

export function people(n: number, prefix: string, department = "Verwaltung"): PersonSeed[] {
  return Array.from({ length: n }, (_, i) => ({
    firstName: `Vorname${i}`,
    lastName: `${prefix}${i}`,
    email: `${prefix.toLowerCase()}${i}@${prefix.toLowerCase()}.example.de`,
    department,
  }));
}

export const inOneMonth = () => new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();

export function bearer(t: TestApp, key: string, url: string) {
  return t.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${key}` } });
}
