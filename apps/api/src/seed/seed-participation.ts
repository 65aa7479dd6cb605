import { type Database, employee, intervention, member, organization, participation, type Tx, user, withTenantTx } from "@bgm/db";
import type { ParticipationStatusKey } from "@bgm/domain";
import { and, asc, eq } from "drizzle-orm";
import { makeTenantScope } from "../lib/tenant-scope.js";
import { createIntervention, createSessions, fromBerlin, toBerlin } from "../modules/participation/index.js";
import { DEMO_LOGINS } from "./demo-logins.js";
import { type DemoEngagement, engagementInProgress, type ResultSeedWorld } from "./seed-results.js";

/*
 * Participation in the demo world, so that attendance lists and reports are not empty on a first start:
 * - "Lunch & Learn: Gesunde Ernährung" from an engagement with Upfit: three past sessions with attendance
 *   (one of them 28/32 teilgenommen) and two ahead, where the demo employee Max can register;
 * - "Rückenfit-Kurs (8 Wochen)", a certified §20 course from an engagement with Rückenpause: 8 weekly
 *   sessions, 5 in the past with attendance, Max among the 12 participants, two people on the waitlist;
 * - "Stressbewältigung im Arbeitsalltag", a closed intervention of two past workshops.
 * Interventions and sessions go through the participation module's own use cases; the places of past
 * sessions are written as registration and attendance would have left them. Deterministic, no randomness.
 */

const SEED_META = { ip: null, userAgent: "seed", requestId: null };
const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const MANAGER_EMAIL = DEMO_LOGINS[0].email;
const EMPLOYEE_EMAIL = DEMO_LOGINS[1].email;

const LUNCH_AND_LEARN: DemoEngagement = {
  provider: "Upfit",
  staff: { name: "Tom Fit", email: "tom.fit@upfit.example" },
  offeringTitle: "Lunch & Learn: Gesunde Ernährung",
  taskKey: "run_interventions",
  phase: 4,
  brief: {
    what: "Lunch & Learn zu Ernährung im Arbeitsalltag, einmal im Monat in der Kantine",
    when: "monatlich ab Herbst 2026",
    employeeCount: 120,
    budgetCents: 300_000,
    message: "Bitte jeweils mit Rezeptkarten zum Mitnehmen.",
  },
  quote: { priceCents: 60_000, scopeOfWork: "Impulsvortrag (60 Minuten) mit Fragerunde und Rezeptkarten, je Termin." },
  requestedDaysAgo: 110,
};

const BACK_COURSE: DemoEngagement = {
  provider: "Rückenpause GmbH",
  staff: { name: "Rita Rücken", email: "rita.ruecken@rueckenpause.example" },
  offeringTitle: "Rückenfit-Kurs (8 Wochen)",
  taskKey: "run_interventions",
  phase: 4,
  brief: {
    what: "Rückenfit-Kurs für Beschäftigte mit Bildschirmarbeit, 12 Plätze",
    when: "8 Wochen, dienstags nach Feierabend",
    employeeCount: 12,
    budgetCents: 150_000,
    message: "Bitte mit Teilnahmebescheinigung für die Krankenkasse.",
  },
  quote: { priceCents: 144_000, scopeOfWork: "Zertifizierter Präventionskurs (§ 20 SGB V), 8 Termine à 60 Minuten, bis 12 Personen." },
  requestedDaysAgo: 60,
};

/** `days` from today, at hh:mm on German clocks. */
function at(days: number, hour: number, minute = 0): Date {
  const d = toBerlin(new Date(Date.now() + days * DAY));
  return fromBerlin({ ...d, hour, minute, second: 0 });
}

interface Person {
  id: string;
  userId: string | null;
}

interface PlaceSpec {
  person: Person;
  status: ParticipationStatusKey;
}

/** Rows as registration (days before the session) and the manager's attendance marks (after it) left them. */
async function writePlaces(
  tx: Tx,
  orgId: string,
  managerUserId: string,
  session: { id: string; startsAt: Date; endsAt: Date },
  places: PlaceSpec[],
) {
  if (places.length === 0) return;
  await tx.insert(participation).values(
    places.map((p, i) => {
      const queuedAt = new Date(session.startsAt.getTime() - 10 * DAY + i * 7 * MINUTE);
      const marked = p.status === "attended" || p.status === "no_show";
      return {
        orgId,
        sessionId: session.id,
        employeeId: p.person.id,
        status: p.status,
        queuedAt,
        changedBy: marked ? managerUserId : p.person.userId,
        changedAt: marked ? new Date(session.endsAt.getTime() + 10 * MINUTE) : queuedAt,
        createdAt: queuedAt,
      };
    }),
  );
}

/** `count` people from `start` on, wrapping around: different sessions reach different, overlapping groups. */
const pick = (people: Person[], start: number, count: number) =>
  Array.from({ length: count }, (_, i) => people[(start + i) % people.length] as Person);

async function sessionsOf(
  scope: ReturnType<typeof makeTenantScope>,
  interventionId: string,
  dates: { startsAt: Date; endsAt: Date; capacity: number; deadline?: Date | null; location: string }[],
) {
  let sessions: { id: string; startsAt: string; endsAt: string }[] = [];
  for (const d of dates) {
    const out = await createSessions(scope, interventionId, {
      startsAt: d.startsAt.toISOString(),
      endsAt: d.endsAt.toISOString(),
      location: d.location,
      onlineUrl: null,
      capacity: d.capacity,
      registrationDeadline: d.deadline ? d.deadline.toISOString() : null,
      waitlistEnabled: true,
    });
    sessions = out.sessions;
  }
  return sessions.map((s) => ({ id: s.id, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }));
}

/** Adds the participation demo data; does nothing when the company already has interventions. */
export async function seedParticipation(db: Database, w: ResultSeedWorld): Promise<boolean> {
  const already = await withTenantTx(db, w.companyId, (tx) =>
    tx.select({ id: intervention.id }).from(intervention).where(eq(intervention.orgId, w.companyId)).limit(1),
  );
  if (already.length > 0) return false;
  const lunchEngagement = await engagementInProgress(db, w, LUNCH_AND_LEARN);
  const backEngagement = await engagementInProgress(db, w, BACK_COURSE);

  await withTenantTx(db, w.companyId, async (tx) => {
    const scope = makeTenantScope(tx, { orgId: w.companyId, orgKind: "company", role: "bgm_manager", userId: w.managerUserId }, SEED_META);
    const rows = await tx
      .select({ id: employee.id, userId: employee.userId, email: employee.email })
      .from(employee)
      .where(and(eq(employee.orgId, w.companyId), eq(employee.active, true)))
      .orderBy(asc(employee.email));
    const max = rows.find((r) => r.email === EMPLOYEE_EMAIL);
    const others: Person[] = rows.filter((r) => r !== max);
    const write = (session: { id: string; startsAt: Date; endsAt: Date }, places: PlaceSpec[]) =>
      writePlaces(tx, w.companyId, w.managerUserId, session, places);

    // Lunch & Learn: three past sessions with attendance, two ahead (Max is not registered yet).
    const lunch = await createIntervention(scope, {
      source: { kind: "engagement", engagementId: lunchEngagement },
      targetGroup: "Alle Beschäftigten",
    });
    const kantine = "Kantine, Erdgeschoss";
    const lunchSessions = await sessionsOf(scope, lunch.id, [
      { startsAt: at(-84, 12), endsAt: at(-84, 13), capacity: 35, location: kantine },
      { startsAt: at(-56, 12), endsAt: at(-56, 13), capacity: 30, location: kantine },
      { startsAt: at(-28, 12), endsAt: at(-28, 13), capacity: 30, location: kantine },
      { startsAt: at(14, 12), endsAt: at(14, 13), capacity: 20, deadline: at(13, 12), location: kantine },
      { startsAt: at(42, 12), endsAt: at(42, 13), capacity: 20, deadline: at(41, 12), location: kantine },
    ]);
    const past: { registered: number; attended: number; start: number }[] = [
      { registered: 32, attended: 28, start: 0 },
      { registered: 27, attended: 22, start: 25 },
      { registered: 24, attended: 21, start: 60 },
    ];
    for (const [k, p] of past.entries()) {
      const group = pick(others, p.start, p.registered);
      const places: PlaceSpec[] = group.map((person, i) => ({ person, status: i < p.attended ? "attended" : "no_show" }));
      if (k === 2 && max) places.push({ person: max, status: "attended" });
      await write(lunchSessions[k] as (typeof lunchSessions)[number], places);
    }
    await write(
      lunchSessions[3] as (typeof lunchSessions)[number],
      pick(others, 90, 6).map((person) => ({ person, status: "registered" })),
    );

    // Rückenfit: a certified §20 course, 8 weekly sessions, 5 behind us.
    const back = await createIntervention(scope, {
      source: { kind: "engagement", engagementId: backEngagement },
      certificationId: "ZPP KU-20-004711",
      targetGroup: "Beschäftigte mit Bildschirmarbeit",
      costCents: 144_000,
    });
    const course = await createSessions(scope, back.id, {
      startsAt: at(-32, 17).toISOString(),
      endsAt: at(-32, 18).toISOString(),
      location: "Besprechungsraum Elbe, 3. OG",
      onlineUrl: null,
      capacity: 12,
      registrationDeadline: null,
      waitlistEnabled: true,
      repeat: { everyWeeks: 1, count: 8 },
    });
    const participants = [...(max ? [max] : []), ...pick(others, 40, max ? 11 : 12)];
    const waiting = pick(others, 70, 2);
    for (const [j, s] of course.sessions.entries()) {
      const session = { id: s.id, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) };
      const over = session.endsAt.getTime() < Date.now();
      const places: PlaceSpec[] = participants.map((person, i) => ({
        person,
        // Max attends every session; a few others miss one now and then.
        status: !over ? "registered" : i > 0 && (i * 3 + j) % 7 === 0 ? "no_show" : "attended",
      }));
      if (!over) places.push(...waiting.map((person) => ({ person, status: "waitlisted" as const })));
      await write(session, places);
    }

    // Stressbewältigung: two workshops in spring, closed since.
    const stress = await createIntervention(scope, {
      source: { kind: "direct" },
      title: "Stressbewältigung im Arbeitsalltag",
      description: "Zwei Workshops zu Stressoren, Pausenkultur und Erholung, mit Übungen für den Alltag.",
      category: "mental_health",
      targetGroup: "Führungskräfte und Teams",
      costCents: 180_000,
    });
    const workshops = await sessionsOf(scope, stress.id, [
      { startsAt: at(-120, 14), endsAt: at(-120, 16), capacity: 20, location: "Schulungsraum 1" },
      { startsAt: at(-113, 14), endsAt: at(-113, 16), capacity: 20, location: "Schulungsraum 1" },
    ]);
    for (const [k, s] of workshops.entries()) {
      const group = pick(others, 100 + k * 3, 15);
      await write(
        s,
        group.map((person, i) => ({ person, status: i < 12 - k ? "attended" : "no_show" })),
      );
    }
    await tx.update(intervention).set({ status: "closed" }).where(eq(intervention.id, stress.id));
  });
  return true;
}

/**
 * A demo database from before participation tracking gets its participation demo data on the next start
 * (only where demo data may be loaded at all): the demo company is found by its demo manager.
 */
export async function seedParticipationIntoExistingDemo(db: Database): Promise<boolean> {
  const [company] = await db
    .select({ companyId: organization.id, managerUserId: user.id })
    .from(user)
    .innerJoin(member, and(eq(member.userId, user.id), eq(member.role, "bgm_manager")))
    .innerJoin(organization, and(eq(organization.id, member.organizationId), eq(organization.kind, "company")))
    .where(and(eq(user.email, MANAGER_EMAIL), eq(organization.name, "Muster GmbH")))
    .limit(1);
  if (!company) return false;
  const providers = await db
    .select({ id: organization.id, name: organization.name })
    .from(organization)
    .where(eq(organization.kind, "provider"));
  const providerIds = new Map(providers.map((p) => [p.name, p.id]));
  if (!providerIds.has(LUNCH_AND_LEARN.provider) || !providerIds.has(BACK_COURSE.provider)) return false;
  return seedParticipation(db, { ...company, providerIds });
}
