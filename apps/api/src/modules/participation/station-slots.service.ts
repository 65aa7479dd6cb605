import type { Database } from "@bgm/db";
import type { Mail } from "../../lib/mailer.js";
import type { TenantScope } from "../../lib/request-context.js";
import { findEmployeesByIds } from "../employees/index.js";
import { type Acting, nowOf } from "./acting.js";
import { germanSpan } from "./berlin-time.js";
import { type CalendarContext, icsAttachment, placeMail, type SessionFacts, START_PAGE } from "./messages.js";
import { sessionFacts } from "./participation.mappers.js";
import { lockSession, toSlot } from "./places.service.js";
import { freePlaces, registrationOpen } from "./registration.js";
import * as repo from "./sessions.repository.js";

/**
 * Time slots of health-day stations as participation sessions (ADR 0014): the health-days module creates,
 * lists and cancels them here, and registers people through places.service like for any session. The
 * station's rules (conflicts, the day's status) are the health-days module's; capacity, waitlist, mails
 * and .ics are this core's.
 */

export interface StationSlotInput {
  startsAt: Date;
  endsAt: Date;
  location: string;
  capacity: number;
  waitlistEnabled: boolean;
  registrationDeadline: Date | null;
}

export interface StationSlot {
  id: string;
  healthDayModuleId: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  capacity: number;
  registrationDeadline: Date | null;
  waitlistEnabled: boolean;
  status: "scheduled" | "cancelled";
  counts: repo.StatusCounts;
}

export async function createStationSlots(scope: TenantScope, healthDayModuleId: string, inputs: StationSlotInput[]): Promise<string[]> {
  const created = await repo.insertSessions(
    scope,
    inputs.map((i) => ({ ...i, healthDayModuleId })),
  );
  await scope.audit({
    action: "participation.sessions_created",
    entityType: "health_day_module",
    entityId: healthDayModuleId,
    details: { sessionIds: created.map((s) => s.id), count: created.length },
  });
  return created.map((s) => s.id);
}

/** The stations' slots in start order with their counts (places held, waiting, attended, no-show). */
export async function listStationSlots(scope: TenantScope, healthDayModuleIds: readonly string[]): Promise<StationSlot[]> {
  const rows = await repo.listStationSlots(scope, healthDayModuleIds);
  const counts = await repo.countsBySession(
    scope,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    healthDayModuleId: r.healthDayModuleId as string,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    location: r.location,
    capacity: r.capacity,
    registrationDeadline: r.registrationDeadline,
    waitlistEnabled: r.waitlistEnabled,
    status: r.status,
    counts: counts.get(r.id) ?? { ...repo.NO_COUNTS },
  }));
}

/** Different people holding a place in any of the slots: the "Anmeldungen" of a health day. */
export const countPeopleWithPlaces = (scope: TenantScope, sessionIds: readonly string[]): Promise<number> =>
  repo.countPeopleHoldingPlaces(scope, sessionIds);

export interface MySlotView {
  freePlaces: number;
  registrationOpen: boolean;
  mine: { status: repo.PlaceRow["status"]; waitlistPosition: number | null; changedAt: Date } | null;
}

/** For one employee: per slot, the free places, whether one can register now and their own place. */
export async function slotsForEmployee(a: Pick<Acting, "scope" | "now">, employeeId: string, sessionIds: readonly string[]) {
  const { scope } = a;
  const now = nowOf(a);
  const out = new Map<string, MySlotView>();
  for (const id of sessionIds) {
    const row = await repo.findSlot(scope, id);
    if (!row) continue;
    const place = await repo.findPlace(scope, id, employeeId);
    const counts = (await repo.countsBySession(scope, [id])).get(id) ?? repo.NO_COUNTS;
    const slot = toSlot(row, counts.registered);
    out.set(id, {
      freePlaces: freePlaces(slot),
      registrationOpen: registrationOpen(slot, now),
      mine: place
        ? { status: place.status, waitlistPosition: await repo.waitlistPosition(scope, place), changedAt: place.changedAt }
        : null,
    });
  }
  return out;
}

/**
 * Cancels slots still scheduled (a cancelled health day): each is locked first, its calendar SEQUENCE goes
 * up, and everyone registered gets a cancelling .ics, everyone waiting a mail. Places stay as they were.
 */
export async function cancelStationSlots(
  a: Acting,
  sessionIds: readonly string[],
): Promise<{ cancelled: number; informed: number; mails: Mail[] }> {
  const { scope } = a;
  const mails: Mail[] = [];
  let cancelled = 0;
  const informed = new Set<string>();
  for (const id of sessionIds) {
    const { row } = await lockSession(scope, id);
    if (row.status === "cancelled") continue;
    const updated = await repo.updateSession(scope, id, { status: "cancelled", icsSequence: row.icsSequence + 1 });
    if (!updated) continue;
    cancelled++;
    const concerned = (await repo.listConcerned(scope, id)).filter((p) => p.status === "registered" || p.status === "waitlisted");
    await scope.audit({
      action: "participation.session_cancelled",
      entityType: "participation_session",
      entityId: id,
      details: { healthDayModuleId: row.healthDayModuleId, from: "scheduled", to: "cancelled", peopleInformed: concerned.length },
    });
    const facts = sessionFacts({ ...updated, title: row.title, description: row.description });
    const people = new Map(
      (
        await findEmployeesByIds(
          scope,
          concerned.map((p) => p.employeeId),
        )
      ).map((e) => [e.id, e]),
    );
    for (const p of concerned) {
      const person = people.get(p.employeeId);
      if (!person) continue;
      informed.add(person.id);
      mails.push(placeMail({ kind: "session_cancelled", registered: p.status === "registered" }, facts, a.calendar, person.email));
    }
  }
  return { cancelled, informed: informed.size, mails };
}

/** Health-day slots still scheduled that start in [from, to), across companies: what the reminder job works off. */
export const stationSlotsStarting = (db: Database, from: Date, to: Date) => repo.listStationSlotsStarting(db, from, to);

/** The people holding a place (status registered) in a slot: whom a reminder the day before is for. */
export async function slotPlaceHolderIds(scope: TenantScope, sessionId: string): Promise<string[]> {
  return (await repo.listConcerned(scope, sessionId)).filter((p) => p.status === "registered").map((p) => p.employeeId);
}

/**
 * The reminder the day before for the given people of one slot: one mail each with the slot's calendar
 * file (REQUEST at the current SEQUENCE, so it changes nothing in a calendar that has it already). The
 * slot is read, not locked; a slot cancelled or gone meanwhile gets no reminder.
 */
export async function slotReminderMails(
  a: Pick<Acting, "scope" | "calendar">,
  sessionId: string,
  employeeIds: readonly string[],
): Promise<Mail[]> {
  if (employeeIds.length === 0) return [];
  const row = await repo.findSlot(a.scope, sessionId);
  if (row?.status !== "scheduled") return [];
  const facts = sessionFacts(row);
  const people = await findEmployeesByIds(a.scope, employeeIds);
  return people.map((p) => reminderMail(facts, a.calendar, p.email));
}

/** „Morgen: Fit for Work – Rückenscreening“: the reminder mail of one place, with the slot's calendar file. */
function reminderMail(s: SessionFacts, ctx: CalendarContext, to: string): Mail {
  const where = [`Termin: ${germanSpan(s.startsAt, s.endsAt)}`, ...(s.location ? [`Ort: ${s.location}`] : [])].join("\n");
  const paragraphs = [
    `zur Erinnerung: Morgen sind Sie für „${s.title}“ angemeldet.`,
    where,
    "Den Termin für Ihren Kalender finden Sie im Anhang (termin.ics). Falls Sie nicht teilnehmen können, melden Sie sich bitte ab, damit jemand anderes nachrücken kann.",
    `Ihre Anmeldungen: ${ctx.appUrl.replace(/\/+$/, "")}${START_PAGE}`,
  ];
  return {
    to,
    subject: `BGM Hub: Erinnerung – morgen ${s.title}`,
    text: `Guten Tag,\n\n${paragraphs.join("\n\n")}\n\nIhr BGM Hub\n(Diese E-Mail wurde automatisch versendet.)\n`,
    attachments: [icsAttachment("REQUEST", s, ctx, to)],
  };
}

/** A slot as a change of it would leave it: what the health-days module checks against the day's timeline. */
export interface StationSlotChange {
  id: string;
  healthDayModuleId: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  capacity: number;
}

/**
 * Checks a change of a health-day slot made through the manager's session routes against the day (its
 * dates, the same room or provider at once, the offering's capacity) and throws its 409 `slot_conflict`.
 * Registered by the health-days module at start-up, like the slot parents (participation does not import it).
 */
export type StationSlotChangeGuard = (scope: TenantScope, change: StationSlotChange) => Promise<void>;
let slotChangeGuard: StationSlotChangeGuard | null = null;
export function registerSlotChangeGuard(guard: StationSlotChangeGuard): void {
  slotChangeGuard = guard;
}
export async function checkStationSlotChange(scope: TenantScope, change: StationSlotChange): Promise<void> {
  if (slotChangeGuard) await slotChangeGuard(scope, change);
}
