import type { HealthDayRecommendation } from "@bgm/domain";

/**
 * What the post-event report recommends, from the figures alone (no I/O): a pure rule per finding, in
 * German, the language of the report. Thresholds are named here so the report and its tests agree.
 */

/** Above this share of no-shows (of everyone marked) a station needs a reminder and a way to give places back. */
export const NO_SHOW_ADVICE_ABOVE = 0.2;
/** Below this share of its places taken, a station is worth reconsidering (offer, time or place). */
export const LOW_UTILIZATION_BELOW = 0.3;
/** Below this share of the expected headcount reached, the invitation should go out earlier and wider. */
export const LOW_REACH_BELOW = 0.5;

export interface SlotFigures {
  slotId: string;
  startsAt: Date;
  status: "scheduled" | "cancelled";
  capacity: number;
  registered: number;
  waitlisted: number;
  attended: number;
  noShow: number;
}

export interface StationFigures {
  moduleId: string;
  title: string;
  slots: readonly SlotFigures[];
}

export interface ReportFacts {
  stations: readonly StationFigures[];
  people: number;
  expectedHeadcount: number | null;
  budgetCents: number | null;
  bookedCents: number;
  plannedCents: number;
}

/** no-show / (attended + no-show), null while nobody is marked. */
export function noShowRate(f: { attended: number; noShow: number }): number | null {
  const marked = f.attended + f.noShow;
  return marked === 0 ? null : f.noShow / marked;
}

/** places held / capacity, null without capacity. */
export function utilization(f: { registered: number; capacity: number }): number | null {
  return f.capacity > 0 ? f.registered / f.capacity : null;
}

const time = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" });
const percent = (share: number) => `${Math.round(share * 100)} %`;
const euros = (cents: number) => `${new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 }).format(Math.round(cents / 100))} €`;

/** Sums of the slots that took place (cancelled slots offered nothing). */
export function sumSlots(slots: readonly SlotFigures[]) {
  const held = slots.filter((s) => s.status === "scheduled");
  const sum = (pick: (s: SlotFigures) => number) => held.reduce((acc, s) => acc + pick(s), 0);
  return {
    capacity: sum((s) => s.capacity),
    registered: sum((s) => s.registered),
    waitlisted: sum((s) => s.waitlisted),
    attended: sum((s) => s.attended),
    noShow: sum((s) => s.noShow),
  };
}

export function recommendations(facts: ReportFacts): HealthDayRecommendation[] {
  const out: HealthDayRecommendation[] = [];
  for (const st of facts.stations) {
    // Fully booked with people waiting: the demand was there, another slot would have taken it.
    for (const s of st.slots) {
      if (s.status !== "scheduled" || s.capacity <= 0) continue;
      if (s.registered >= s.capacity && s.waitlisted > 0) {
        out.push({
          kind: "add_slot",
          moduleId: st.moduleId,
          slotId: s.slotId,
          text: `${st.title} war um ${time.format(s.startsAt)} ausgebucht — einen weiteren Slot einplanen`,
        });
      }
    }
    const sums = sumSlots(st.slots);
    const rate = noShowRate(sums);
    if (rate !== null && rate > NO_SHOW_ADVICE_ABOVE) {
      out.push({
        kind: "send_reminder",
        moduleId: st.moduleId,
        slotId: null,
        text: `${st.title}: ${percent(rate)} sind nicht erschienen — am Vortag erinnern und um Abmeldung bitten, damit die Warteliste nachrücken kann`,
      });
    }
    const used = utilization(sums);
    if (used !== null && used < LOW_UTILIZATION_BELOW) {
      out.push({
        kind: "reconsider_station",
        moduleId: st.moduleId,
        slotId: null,
        text: `${st.title} war nur zu ${percent(used)} ausgelastet — Angebot, Uhrzeit oder Ort überdenken`,
      });
    }
  }
  if (facts.expectedHeadcount && facts.people / facts.expectedHeadcount < LOW_REACH_BELOW) {
    out.push({
      kind: "below_headcount",
      moduleId: null,
      slotId: null,
      text: `Nur ${facts.people} von ${facts.expectedHeadcount} erwarteten Beschäftigten hatten einen Platz — früher und an alle Abteilungen und Standorte einladen`,
    });
  }
  if (facts.budgetCents !== null && facts.bookedCents > facts.budgetCents) {
    out.push({
      kind: "over_budget",
      moduleId: null,
      slotId: null,
      text: `Gebucht wurden ${euros(facts.bookedCents)} bei einem Budget von ${euros(facts.budgetCents)} — das Budget beim nächsten Mal höher ansetzen oder weniger Stationen buchen`,
    });
  }
  return out;
}
