import { randomUUID } from "node:crypto";
import { type Database, employee, member } from "@bgm/db";
import { sql } from "drizzle-orm";
import { type Api, api, type OrgUser, signUp, signUpCompany, type TestApp, uniqueEmail } from "../../../test/helpers.js";

/** Test setup for participation: a company, people in its register (with or without an account), interventions. */

export interface Person {
  employeeId: string;
  email: string;
  firstName: string;
  lastName: string;
  /** Signed in as this person (an employee member of the company), when they have an account. */
  as?: Api;
  userId?: string;
}

export interface CompanyWorld {
  manager: OrgUser;
  asManager: Api;
}

export async function makeCompany(t: TestApp, name = "Teilnahme GmbH"): Promise<CompanyWorld> {
  const manager = await signUpCompany(t.app, { name });
  return { manager, asManager: api(t.app, manager.cookie) };
}

let n = 0;

/**
 * A person of the company's register. With `account`, they also sign up and become an employee member
 * whose account is linked to the register row (what accepting an invitation leaves behind).
 */
export async function addPerson(
  t: TestApp,
  company: { orgId: string },
  opts: { account?: boolean; firstName?: string; lastName?: string; department?: string; active?: boolean } = {},
): Promise<Person> {
  n += 1;
  const email = uniqueEmail("mitarbeiter");
  const firstName = opts.firstName ?? `Vorname${n}`;
  const lastName = opts.lastName ?? `Nachname${n}`;
  let userId: string | undefined;
  let as: Api | undefined;
  if (opts.account) {
    const user = await signUp(t.app, { email, name: `${firstName} ${lastName}` });
    userId = user.userId;
    as = api(t.app, user.cookie);
    await t.database.db.insert(member).values({ id: randomUUID(), organizationId: company.orgId, userId, role: "employee" });
  }
  const [row] = await t.database.db
    .insert(employee)
    .values({
      orgId: company.orgId,
      firstName,
      lastName,
      email,
      department: opts.department ?? "Vertrieb",
      active: opts.active ?? true,
      userId: userId ?? null,
    })
    .returning({ id: employee.id });
  return { employeeId: row?.id as string, email, firstName, lastName, as, userId };
}

export interface CompanyWithPeople extends CompanyWorld {
  /** People of the register who each have an account (employee members), in the order they were added. */
  people: Person[];
}

/**
 * A company, its signed-in manager and people of its register with an account: `people` of them with
 * generated names, or one per name given. Added one after the other, so their order is fixed.
 */
export async function companyWithPeople(
  t: TestApp,
  name: string,
  people: number | readonly { firstName: string; lastName: string }[],
): Promise<CompanyWithPeople> {
  const company = await makeCompany(t, name);
  const names = typeof people === "number" ? Array.from({ length: people }, () => ({})) : people;
  const added: Person[] = [];
  for (const who of names) added.push(await addPerson(t, company.manager, { account: true, ...who }));
  return { ...company, people: added };
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
export const inDays = (days: number, hour = 12) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
};

export function expectOk(res: { statusCode: number; body: string }, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

/** A direct intervention with one future session (capacity and options as given); returns both ids. */
export async function interventionWithSession(
  as: Api,
  opts: { title?: string; capacity?: number; waitlistEnabled?: boolean; startsInDays?: number; deadline?: Date | null } = {},
): Promise<{ interventionId: string; sessionId: string }> {
  const created = await as.post("/api/interventions", { title: opts.title ?? "Lunch & Learn", category: "nutrition" });
  expectOk(created, 201, "create intervention");
  const interventionId = created.json().id as string;
  const start = inDays(opts.startsInDays ?? 7);
  const res = await as.post(`/api/interventions/${interventionId}/sessions`, {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + HOUR).toISOString(),
    location: "Kantine, 2. OG",
    capacity: opts.capacity ?? 10,
    waitlistEnabled: opts.waitlistEnabled ?? true,
    registrationDeadline: opts.deadline === undefined ? null : (opts.deadline?.toISOString() ?? null),
  });
  expectOk(res, 201, "create session");
  return { interventionId, sessionId: res.json().sessions[0].id as string };
}

/**
 * A course: one intervention with `count` weekly sessions (one call with `repeat`), by default starting in
 * 3 days at 16:00 in the Sporthalle; returns the intervention id and the session ids in start order.
 */
export async function courseWithSessions(
  as: Api,
  opts: {
    title?: string;
    description?: string;
    count?: number;
    capacity?: number;
    waitlistEnabled?: boolean;
    startsInDays?: number;
    hour?: number;
    location?: string;
  } = {},
): Promise<{ id: string; sessions: string[] }> {
  const created = await as.post("/api/interventions", {
    title: opts.title ?? "Rückenfit (8 Wochen)",
    category: "movement",
    ...(opts.description === undefined ? {} : { description: opts.description }),
  });
  expectOk(created, 201, "course");
  const id = created.json().id as string;
  const start = inDays(opts.startsInDays ?? 3, opts.hour ?? 16);
  const res = await as.post(`/api/interventions/${id}/sessions`, {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + HOUR).toISOString(),
    location: opts.location ?? "Sporthalle",
    capacity: opts.capacity ?? 10,
    waitlistEnabled: opts.waitlistEnabled ?? true,
    repeat: { count: opts.count ?? 3 },
  });
  expectOk(res, 201, "sessions");
  return { id, sessions: res.json().sessions.map((s: { id: string }) => s.id) };
}

/**
 * Moves a session so that it starts `inMinutes` from now (negative: it began that long ago), without a
 * deadline: attendance is taken from half an hour before the start, and an HTTP test cannot move the clock.
 */
export async function startsIn(as: Api, sessionId: string, inMinutes: number): Promise<void> {
  const start = new Date(Date.now() + inMinutes * 60_000);
  const res = await as.patch(`/api/participation-sessions/${sessionId}`, {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + HOUR).toISOString(),
    registrationDeadline: null,
  });
  expectOk(res, 200, "move the session");
}

/**
 * Sessions whose row in participation_session_count (migration 0035) differs from a count over participation,
 * or carries another company: empty when the counts are exact. A session without a row counts as 0 / 0.
 */
export async function countsDrift(db: Database) {
  const res = await db.execute(sql`
    select s.id as "sessionId", coalesce(c.attended, 0) as attended, coalesce(c.not_attended, 0) as "notAttended",
      coalesce(c.org_id, s.org_id) = s.org_id as "sameOrg", x.attended as "trueAttended", x.not_attended as "trueNotAttended"
    from participation_session s
    left join participation_session_count c on c.session_id = s.id
    cross join lateral (
      select count(*) filter (where p.status = 'attended')::int as attended,
        count(*) filter (where p.status in ('registered', 'no_show'))::int as not_attended
      from participation p where p.session_id = s.id
    ) x
    where coalesce(c.attended, 0) <> x.attended or coalesce(c.not_attended, 0) <> x.not_attended
      or coalesce(c.org_id, s.org_id) <> s.org_id`);
  return (res as unknown as { rows: unknown[] }).rows;
}
