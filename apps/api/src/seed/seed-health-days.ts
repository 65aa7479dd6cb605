import { type Database, employee, offering, participation, type Tx, withTenantTx } from "@bgm/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { makeTenantScope } from "../lib/tenant-scope.js";
import {
  addHealthDayModule,
  addHealthDaySlots,
  createHealthDay,
  seedHealthDayFeedback,
  transitionHealthDay,
} from "../modules/health-days/index.js";
import { fromBerlin, toBerlin } from "../modules/participation/index.js";
import { DEMO_LOGINS } from "./demo-logins.js";
import type { ResultSeedWorld } from "./seed-results.js";

/*
 * One planned health day in the demo world, the brief's "Fit for Work": six weeks ahead, in preparation,
 * budget 5.000 €, 120 people expected, three stations booked from the demo providers' health-day modules
 * (each a quote request the provider has not answered yet: ⏳) with their time slots. Goes through the
 * health-days module's own use cases, like a manager would. Deterministic.
 *
 * And one past day, "Gesundheitstag Frühjahr" ten weeks ago, done, so that the post-event report is not
 * empty: two stations, their slots with places and attendance written as registration and the check-in
 * would have left them (the participation seed does the same for past sessions) — the 10:00 back
 * screening full with people waiting, the stress measurement with many no-shows. Some attendees rated
 * their station (anonymous feedback, ADR 0016): twelve for the back screening, six for the stress
 * measurement, so both show in the report above the minimum group size of 5.
 */

/** [rating, comment] of the demo feedback, per station title; given by its first attendees. */
const PAST_FEEDBACK: Record<string, readonly (readonly [number, string | null])[]> = {
  Rückenscreening: [
    [5, "Sehr hilfreich, endlich weiß ich, was meinem Rücken guttut."],
    [4, null],
    [5, null],
    [4, "Gern jedes Jahr wieder."],
    [3, "Etwas kurz, 15 Minuten mehr wären gut."],
    [5, null],
    [4, null],
    [5, "Die Übungen für den Arbeitsplatz waren klasse."],
    [4, null],
    [2, "Lange Wartezeit um 10 Uhr."],
    [5, null],
    [4, null],
  ],
  "Stress-Messung": [
    [4, "Interessant, die eigene Herzratenvariabilität zu sehen."],
    [3, null],
    [4, null],
    [2, "Zu wenig Zeit für die Auswertung."],
    [4, null],
    [5, null],
  ],
};

const SEED_META = { ip: null, userAgent: "seed", requestId: null };
const APP_URL = "http://localhost";
const DAY = 24 * 60 * 60 * 1000;

const STATIONS = [
  { title: "Rückenscreening", location: "Foyer", hours: [9, 10, 11], capacity: 12 },
  { title: "Stress-Messung", location: "Raum Elbe", hours: [10, 11, 13], capacity: 8 },
  { title: "Ergonomie-Station für den Gesundheitstag", location: "Kantine", hours: [14, 15], capacity: 15 },
] as const;

/** `days` from today, at hh:00 on German clocks. */
function at(days: number, hour: number): Date {
  const d = toBerlin(new Date(Date.now() + days * DAY));
  return fromBerlin({ ...d, hour, minute: 0, second: 0 });
}

export async function seedHealthDays(db: Database, w: ResultSeedWorld): Promise<void> {
  const offers = await db
    .select({ id: offering.id, title: offering.title })
    .from(offering)
    .where(
      inArray(
        offering.title,
        STATIONS.map((s) => s.title),
      ),
    );
  const byTitle = new Map(offers.map((o) => [o.title, o.id]));
  await withTenantTx(db, w.companyId, async (tx) => {
    const scope = makeTenantScope(tx, { orgId: w.companyId, orgKind: "company", role: "bgm_manager", userId: w.managerUserId }, SEED_META);
    const a = { scope, appUrl: APP_URL, calendar: { appUrl: APP_URL, organizerEmail: "noreply@localhost" } };
    const first = at(42, 9);
    const date = toBerlin(first);
    const startsOn = `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
    let day = await createHealthDay(scope, {
      title: "Fit for Work",
      startsOn,
      locations: ["Foyer", "Raum Elbe", "Kantine"],
      expectedHeadcount: 120,
      budgetCents: 500_000,
      mode: "diy",
      responsibleUserId: w.managerUserId,
    });
    for (const s of STATIONS) {
      const offeringId = byTitle.get(s.title);
      if (!offeringId) continue;
      day = (await addHealthDayModule(a, day.id, { offeringId, location: s.location, costCents: null, notes: "", message: "" })).result;
      // One transaction, one created_at for all stations: found by offering, not by position.
      const station = day.modules.find((m) => m.offeringId === offeringId);
      if (!station) continue;
      await addHealthDaySlots(scope, day.id, station.id, {
        slots: s.hours.map((h) => ({
          startsAt: at(42, h).toISOString(),
          endsAt: new Date(at(42, h).getTime() + 45 * 60 * 1000).toISOString(),
          capacity: s.capacity,
          waitlistEnabled: true,
          registrationDeadline: null,
        })),
      });
    }
    await transitionHealthDay(a, day.id, "start_preparation");
  });
}

const PAST_DAYS_AGO = 70;
const PAST_STATIONS = [
  // [registered, attended, waiting] per slot.
  {
    title: "Rückenscreening",
    location: "Foyer",
    capacity: 10,
    slots: [
      [9, [8, 7, 0]],
      [10, [10, 9, 3]],
      [11, [6, 5, 0]],
    ],
  },
  {
    title: "Stress-Messung",
    location: "Raum Elbe",
    capacity: 8,
    slots: [
      [10, [8, 5, 0]],
      [13, [7, 4, 0]],
    ],
  },
] as const;

/** Places of a past slot: `registered` holding one (of them `attended` came, the rest no-show), `waiting` on the waitlist. */
async function writePastPlaces(
  tx: Tx,
  w: ResultSeedWorld,
  slot: { id: string; startsAt: Date; endsAt: Date },
  people: string[],
  [registered, attended, waiting]: readonly [number, number, number],
) {
  const rows = people.slice(0, registered + waiting).map((employeeId, i) => {
    const queuedAt = new Date(slot.startsAt.getTime() - 14 * DAY + i * 5 * 60 * 1000);
    const status = i >= registered ? ("waitlisted" as const) : i < attended ? ("attended" as const) : ("no_show" as const);
    const marked = status !== "waitlisted";
    return {
      orgId: w.companyId,
      sessionId: slot.id,
      employeeId,
      status,
      queuedAt,
      changedBy: marked ? w.managerUserId : null,
      changedAt: marked ? new Date(slot.startsAt.getTime() + 20 * 60 * 1000) : queuedAt,
      createdAt: queuedAt,
    };
  });
  if (rows.length > 0) await tx.insert(participation).values(rows);
}

/** The past day "Gesundheitstag Frühjahr", done, with attendance (see the top of this file). */
export async function seedPastHealthDay(db: Database, w: ResultSeedWorld): Promise<void> {
  const offers = await db
    .select({ id: offering.id, title: offering.title })
    .from(offering)
    .where(
      inArray(
        offering.title,
        PAST_STATIONS.map((s) => s.title),
      ),
    );
  const byTitle = new Map(offers.map((o) => [o.title, o.id]));
  await withTenantTx(db, w.companyId, async (tx) => {
    const scope = makeTenantScope(tx, { orgId: w.companyId, orgKind: "company", role: "bgm_manager", userId: w.managerUserId }, SEED_META);
    const a = { scope, appUrl: APP_URL, calendar: { appUrl: APP_URL, organizerEmail: "noreply@localhost" } };
    const date = toBerlin(at(-PAST_DAYS_AGO, 9));
    const startsOn = `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
    let day = await createHealthDay(scope, {
      title: "Gesundheitstag Frühjahr",
      startsOn,
      locations: ["Foyer", "Raum Elbe"],
      expectedHeadcount: 80,
      budgetCents: 250_000,
      mode: "diy",
      responsibleUserId: w.managerUserId,
    });
    // Not the demo employee Max: his own pages stay as the participation demo describes them.
    const people = (
      await tx
        .select({ id: employee.id, email: employee.email })
        .from(employee)
        .where(and(eq(employee.orgId, w.companyId), eq(employee.active, true)))
        .orderBy(asc(employee.email))
    )
      .filter((r) => r.email !== DEMO_LOGINS[1].email)
      .map((r) => r.id);
    let offset = 0;
    const attendees = new Map<string, string[]>();
    for (const s of PAST_STATIONS) {
      const offeringId = byTitle.get(s.title);
      if (!offeringId) continue;
      day = (await addHealthDayModule(a, day.id, { offeringId, location: s.location, costCents: null, notes: "", message: "" })).result;
      const station = day.modules.find((m) => m.offeringId === offeringId);
      if (!station) continue;
      day = await addHealthDaySlots(scope, day.id, station.id, {
        slots: s.slots.map(([h]) => ({
          startsAt: at(-PAST_DAYS_AGO, h).toISOString(),
          endsAt: new Date(at(-PAST_DAYS_AGO, h).getTime() + 45 * 60 * 1000).toISOString(),
          capacity: s.capacity,
          waitlistEnabled: true,
          registrationDeadline: null,
        })),
      });
      const slots = day.modules.find((m) => m.id === station.id)?.slots ?? [];
      for (const [i, [, figures]] of s.slots.entries()) {
        const slot = slots[i];
        if (!slot) continue;
        // Different, overlapping groups of the register per slot, as people chose their times.
        const group = [...people.slice(offset), ...people.slice(0, offset)];
        offset = (offset + 7) % Math.max(1, people.length);
        await writePastPlaces(tx, w, { id: slot.id, startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) }, group, figures);
        const came = attendees.get(station.id) ?? [];
        for (const id of group.slice(0, figures[1])) if (!came.includes(id)) came.push(id);
        attendees.set(station.id, came);
      }
    }
    for (const action of ["open_registration", "go_live", "finish"] as const) await transitionHealthDay(a, day.id, action);
    for (const m of day.modules) {
      const given = PAST_FEEDBACK[m.title] ?? [];
      const came = attendees.get(m.id) ?? [];
      await seedHealthDayFeedback(
        scope,
        day.id,
        m.id,
        given.slice(0, came.length).map(([rating, comment], i) => ({ employeeId: came[i] as string, rating, comment })),
      );
    }
  });
}
