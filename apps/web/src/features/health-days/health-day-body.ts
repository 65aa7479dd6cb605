import type { HealthDayMode } from "@bgm/domain";
import { centsToEuros, eurosToCents } from "../../lib/money";
import type { CreateHealthDayInput, HealthDayDetail, UpdateHealthDayInput } from "./api/types";

/** The health-day form as typed: dates as YYYY-MM-DD, rooms one per line (or comma-separated), euros. */
export interface HealthDayFieldValues {
  title: string;
  startsOn: string;
  /** Empty: a one-day event. */
  endsOn: string;
  locations: string;
  expectedHeadcount: number | string;
  budgetEuros: number | null;
  mode: HealthDayMode;
  /** Empty: the API names the caller. */
  responsibleUserId: string;
}

export type HealthDayFormProblem = "incomplete" | "endBeforeStart";

export const EMPTY_HEALTH_DAY: HealthDayFieldValues = {
  title: "",
  startsOn: "",
  endsOn: "",
  locations: "",
  expectedHeadcount: "",
  budgetEuros: null,
  mode: "diy",
  responsibleUserId: "",
};

/** "Foyer, Raum Elbe\nKantine" → ["Foyer", "Raum Elbe", "Kantine"]: trimmed, without blanks and repeats. */
export function parseLocations(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\n,;]/)) {
    const room = part.trim();
    if (room) seen.add(room);
  }
  return [...seen];
}

const headcountOf = (v: number | string): number | null => (typeof v === "number" && Number.isInteger(v) && v >= 1 ? v : null);

export function createHealthDayBody(v: HealthDayFieldValues): CreateHealthDayInput | HealthDayFormProblem {
  const title = v.title.trim();
  if (!title || !v.startsOn) return "incomplete";
  if (v.endsOn && v.endsOn < v.startsOn) return "endBeforeStart";
  return {
    title,
    startsOn: v.startsOn,
    ...(v.endsOn ? { endsOn: v.endsOn } : {}),
    locations: parseLocations(v.locations),
    expectedHeadcount: headcountOf(v.expectedHeadcount),
    budgetCents: v.budgetEuros === null ? null : eurosToCents(v.budgetEuros),
    mode: v.mode,
    ...(v.responsibleUserId ? { responsibleUserId: v.responsibleUserId } : {}),
  };
}

/** The form filled from a day, for editing. */
export function healthDayValues(day: HealthDayDetail): HealthDayFieldValues {
  return {
    title: day.title,
    startsOn: day.startsOn,
    endsOn: day.endsOn === day.startsOn ? "" : day.endsOn,
    locations: day.locations.join("\n"),
    expectedHeadcount: day.expectedHeadcount ?? "",
    budgetEuros: day.budgetCents === null ? null : centsToEuros(day.budgetCents),
    mode: day.mode,
    responsibleUserId: day.responsibleUserId ?? "",
  };
}

/** Only what changed (the API refuses an empty change); null when nothing did. The mode is fixed once planned. */
export function updateHealthDayBody(v: HealthDayFieldValues, day: HealthDayDetail): UpdateHealthDayInput | HealthDayFormProblem | null {
  const body = createHealthDayBody(v);
  if (typeof body === "string") return body;
  const patch: UpdateHealthDayInput = {};
  const endsOn = body.endsOn ?? body.startsOn;
  if (body.title !== day.title) patch.title = body.title;
  if (body.startsOn !== day.startsOn) patch.startsOn = body.startsOn;
  if (endsOn !== day.endsOn) patch.endsOn = endsOn;
  const locations = body.locations ?? [];
  if (locations.join("\n") !== day.locations.join("\n")) patch.locations = locations;
  if ((body.expectedHeadcount ?? null) !== day.expectedHeadcount) patch.expectedHeadcount = body.expectedHeadcount ?? null;
  if ((body.budgetCents ?? null) !== day.budgetCents) patch.budgetCents = body.budgetCents ?? null;
  const responsible = v.responsibleUserId || null;
  if (responsible !== day.responsibleUserId) patch.responsibleUserId = responsible;
  return Object.keys(patch).length > 0 ? patch : null;
}
