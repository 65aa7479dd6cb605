import { employee, intervention, participation, participationSession } from "@bgm/db";
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { type EngagementWorld, makeEngagementWorld } from "./engagement-fixtures.js";
import type { OrgUser, TestApp } from "./helpers.js";

/**
 * Test data for participation aggregates, written straight into the tables (as the owner role): fast enough
 * for property runs, and independent of the registration routes being built beside them.
 */

export type PlaceStatus = "registered" | "waitlisted" | "cancelled" | "attended" | "no_show";

export interface Person {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  department: string;
  location: string;
}

/** Adds `n` employees of one department (and location); names and e-mails are unique per prefix. */
export async function addPeople(
  t: TestApp,
  orgId: string,
  n: number,
  opts: { prefix?: string; department?: string; location?: string; active?: boolean } = {},
): Promise<Person[]> {
  if (n === 0) return [];
  const prefix = opts.prefix ?? `P${Math.random().toString(36).slice(2, 7)}`;
  const rows = Array.from({ length: n }, (_, i) => ({
    orgId,
    firstName: `Vorname${prefix}${i}`,
    lastName: `Nachname${prefix}${i}`,
    email: `${prefix.toLowerCase()}.${i}@firma.example.de`,
    department: opts.department ?? "Verwaltung",
    location: opts.location ?? "Hamburg",
    active: opts.active ?? true,
  }));
  return t.database.db.insert(employee).values(rows).returning({
    id: employee.id,
    firstName: employee.firstName,
    lastName: employee.lastName,
    email: employee.email,
    department: employee.department,
    location: employee.location,
  });
}

export async function addIntervention(
  t: TestApp,
  orgId: string,
  fields: {
    title?: string;
    category?: string;
    fieldOfAction?: string;
    approach?: "behavioural" | "structural";
    engagementId?: string | null;
    providerOrgId?: string | null;
    status?: "open" | "closed" | "cancelled";
  } = {},
): Promise<string> {
  const [row] = await t.database.db
    .insert(intervention)
    .values({
      orgId,
      title: fields.title ?? "Lunch & Learn",
      category: fields.category ?? "nutrition",
      fieldOfAction: fields.fieldOfAction ?? "nutrition",
      approach: fields.approach ?? "behavioural",
      engagementId: fields.engagementId ?? null,
      providerOrgId: fields.providerOrgId ?? null,
      status: fields.status ?? "open",
    })
    .returning({ id: intervention.id });
  return row?.id as string;
}

export async function addSession(
  t: TestApp,
  orgId: string,
  interventionId: string,
  startsAt: Date,
  opts: { status?: "scheduled" | "cancelled"; capacity?: number } = {},
): Promise<string> {
  const [row] = await t.database.db
    .insert(participationSession)
    .values({
      orgId,
      interventionId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      capacity: opts.capacity ?? 500,
      status: opts.status ?? "scheduled",
      location: "Kantine",
    })
    .returning({ id: participationSession.id });
  return row?.id as string;
}

/** Places in one session: each person with a status. */
export async function addPlaces(t: TestApp, orgId: string, sessionId: string, places: { person: { id: string }; status: PlaceStatus }[]) {
  if (places.length === 0) return;
  await t.database.db.insert(participation).values(places.map((p) => ({ orgId, sessionId, employeeId: p.person.id, status: p.status })));
}

export const attended = (people: { id: string }[]) => people.map((person) => ({ person, status: "attended" as const }));
export const noShow = (people: { id: string }[]) => people.map((person) => ({ person, status: "no_show" as const }));
export const registered = (people: { id: string }[]) => people.map((person) => ({ person, status: "registered" as const }));

/** A company, a provider and an accepted engagement between them (through the API). */
export const makeAggregatesWorld = (t: TestApp, opts: { companyName?: string; partner?: OrgUser } = {}): Promise<EngagementWorld> =>
  makeEngagementWorld(t, {
    until: "accepted",
    offering: { title: "Lunch & Learn Ernährung", requiredDataScopes: ["employee_list", "employee_count"] },
    what: "Ernährungsworkshops",
    companyName: opts.companyName,
    partner: opts.partner,
  });

/** Noon (UTC) of a date, e.g. `day("2026-03-10")`. */
export const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

/** Keys that name a person or point at one; none may appear in anything a partner receives. */
const PERSONAL_KEY =
  /(^|_)(first_?name|last_?name|full_?name|name|e_?mail|email|employee_?ids?|user_?ids?|person|people|changed_?by\w*|actor\w*|attendees?)$/i;

/**
 * Every personal field in a response that leaves the company: keys that name people, e-mail addresses,
 * and any id, first name, last name or e-mail address of the company's employees, wherever it appears
 * (values and keys, nested at any depth). Returns the JSON paths found; empty means clean.
 */
export function personalFieldsIn(body: unknown, people: readonly Person[]): string[] {
  const found: string[] = [];
  const needles = people.flatMap((p) => [p.id, p.firstName, p.lastName, p.email].map((s) => s.toLowerCase()));
  const visit = (v: unknown, path: string) => {
    if (typeof v === "string") {
      const lower = v.toLowerCase();
      if (/[^\s@]+@[^\s@]+\.[^\s@]+/.test(v)) found.push(`${path}: e-mail address`);
      for (const n of needles) if (lower.includes(n)) found.push(`${path}: contains ${n}`);
      return;
    }
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) visit(x, `${path}[${i}]`);
      return;
    }
    if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (PERSONAL_KEY.test(k.replace(/([a-z])([A-Z])/g, "$1_$2"))) found.push(`${path}.${k}: personal key`);
        for (const n of needles) if (k.toLowerCase().includes(n)) found.push(`${path}.${k}: key contains ${n}`);
        visit(x, `${path}.${k}`);
      }
    }
  };
  visit(body, "$");
  return found;
}

/** Asserts a partner-facing response carries no personal field; use it on every partner response. */
export function expectNoPersonalData(res: LightMyRequestResponse, people: readonly Person[]): void {
  let body: unknown = res.body;
  try {
    body = res.json();
  } catch {
    // Not JSON (an error page, CSV): checked as text.
  }
  expect(personalFieldsIn(body, people), `personal data in ${res.statusCode} ${res.body.slice(0, 200)}`).toEqual([]);
}
