import type { SlotConflict } from "@bgm/domain";

/**
 * Conflicts of a health day's timeline, as pure rules: two slots in the same room at once, one provider
 * in two places at once, a slot outside the day's dates (in Germany), a slot with more places than the
 * offering serves. Slots that are cancelled take part in nothing.
 */

export interface TimelineSlot {
  /** Null for a slot being proposed (not stored yet). */
  id: string | null;
  moduleId: string;
  providerOrgId: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  cancelled?: boolean;
}

export interface TimelineDay {
  startsOn: string;
  endsOn: string;
}

const berlinDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" });
/** The calendar date in Germany of an instant (YYYY-MM-DD). */
export const berlinDay = (d: Date): string => berlinDate.format(d);

export const overlaps = (a: Pick<TimelineSlot, "startsAt" | "endsAt">, b: Pick<TimelineSlot, "startsAt" | "endsAt">): boolean =>
  a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** Rooms compare without case and surrounding spaces; a slot without a room clashes with no room. */
const room = (s: string) => s.trim().toLocaleLowerCase("de");

/**
 * The conflicts of `slot` with the day and with `others` (the day's other slots). `offeringCapacity`
 * is how many people the offering serves at once, when it says.
 */
export function conflictsOf(
  slot: TimelineSlot,
  day: TimelineDay,
  others: readonly TimelineSlot[],
  offeringCapacity: number | null = null,
): SlotConflict[] {
  if (slot.cancelled) return [];
  const out: SlotConflict[] = [];
  // The end may touch midnight of the last day: a slot until 00:00 ends on that day.
  const lastInstant = new Date(slot.endsAt.getTime() - 1);
  if (berlinDay(slot.startsAt) < day.startsOn || berlinDay(lastInstant) > day.endsOn) {
    out.push({
      kind: "outside_day",
      slotId: slot.id,
      otherSlotId: null,
      message: `The slot is outside the health day (${day.startsOn === day.endsOn ? day.startsOn : `${day.startsOn} – ${day.endsOn}`})`,
    });
  }
  if (offeringCapacity !== null && slot.capacity > offeringCapacity) {
    out.push({
      kind: "over_capacity",
      slotId: slot.id,
      otherSlotId: null,
      message: `The offering serves at most ${offeringCapacity} people at once; the slot has ${slot.capacity} places`,
    });
  }
  for (const other of others) {
    if (other.cancelled || (slot.id !== null && other.id === slot.id) || !overlaps(slot, other)) continue;
    if (room(slot.location) !== "" && room(slot.location) === room(other.location)) {
      out.push({
        kind: "same_room",
        slotId: slot.id,
        otherSlotId: other.id,
        message: `Another slot uses ${other.location.trim()} at the same time`,
      });
    }
    if (slot.providerOrgId === other.providerOrgId) {
      out.push({
        kind: "same_provider",
        slotId: slot.id,
        otherSlotId: other.id,
        message: "The provider is booked for another slot at the same time",
      });
    }
  }
  return out;
}

/** Every conflict among the day's slots, each pair named once (by the later-listed slot). */
export function timelineConflicts(day: TimelineDay, slots: readonly TimelineSlot[]): SlotConflict[] {
  const out: SlotConflict[] = [];
  slots.forEach((slot, i) => {
    out.push(...conflictsOf(slot, day, slots.slice(0, i)));
  });
  return out;
}
