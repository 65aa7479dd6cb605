import { HEALTH_DAY_FEEDBACK_DAYS, type HealthDayFeedbackInput, type MyHealthDayFeedbackList, type StationFeedback } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { findEmployeeOfUser } from "../employees/index.js";
import { listStationPlaces, listStationSlots } from "../participation/index.js";
import { berlinDay } from "./conflicts.js";
import * as feedback from "./feedback.repository.js";
import type { HealthDayRow } from "./health-days.repository.js";
import * as repo from "./health-days.repository.js";

/**
 * Anonymous feedback on a health day's stations (issue 13, 4.7; ADR 0016). An attendee — a person whose place
 * in one of the station's slots was marked attended (checked in) — rates the station once, 1 to 5, with an
 * optional comment, from the day going live until HEALTH_DAY_FEEDBACK_DAYS after its last day. The answer is
 * stored without the person, apart from the marker that they answered; it is read only as aggregates per
 * station, and only once the company's minimum group size answered.
 */

const FEEDBACK_STATUSES: readonly HealthDayRow["status"][] = ["live", "done"];

/** The last day (Europe/Berlin, YYYY-MM-DD) on which feedback for a day ending on `endsOn` is taken. */
export function feedbackOpenUntil(endsOn: string): string {
  const d = new Date(`${endsOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + HEALTH_DAY_FEEDBACK_DAYS);
  return d.toISOString().slice(0, 10);
}

const isOpen = (day: Pick<HealthDayRow, "status" | "endsOn">, now: Date) =>
  FEEDBACK_STATUSES.includes(day.status) && berlinDay(now) <= feedbackOpenUntil(day.endsOn);

async function me(scope: TenantScope) {
  const who = await findEmployeeOfUser(scope, scope.userId);
  if (!who) {
    throw new AppError("not_in_register", "Your account is not linked to a person of this company's employee register", undefined, 403);
  }
  return who;
}

/** The stations of the given modules that the person attended (a place marked attended in any of their slots). */
async function attendedStations(scope: TenantScope, employeeId: string, moduleIds: readonly string[]): Promise<Set<string>> {
  const slots = await listStationSlots(scope, moduleIds);
  const places = await listStationPlaces(
    scope,
    slots.map((s) => s.id),
    employeeId,
  );
  const moduleOf = new Map(slots.map((s) => [s.id, s.healthDayModuleId]));
  return new Set(places.filter((p) => p.status === "attended").flatMap((p) => moduleOf.get(p.sessionId) ?? []));
}

/** The stations I attended whose feedback is open, and whether I answered. */
export async function myFeedback(scope: TenantScope, now = new Date()): Promise<MyHealthDayFeedbackList> {
  const who = await me(scope);
  const days = (await repo.listHealthDays(scope, { statuses: [...FEEDBACK_STATUSES] }, { after: undefined, limit: 100 })).filter((d) =>
    isOpen(d, now),
  );
  const modules = await repo.listModules(
    scope,
    days.map((d) => d.id),
  );
  const attended = await attendedStations(
    scope,
    who.id,
    modules.map((m) => m.id),
  );
  const mine = modules.filter((m) => attended.has(m.id));
  const answered = await feedback.answeredModules(
    scope,
    who.id,
    mine.map((m) => m.id),
  );
  const items = mine.flatMap((m) => {
    const d = days.find((x) => x.id === m.healthDayId);
    if (!d) return [];
    return [
      {
        healthDayId: d.id,
        healthDayTitle: d.title,
        startsOn: d.startsOn,
        moduleId: m.id,
        stationTitle: m.title,
        answered: answered.has(m.id),
        openUntil: feedbackOpenUntil(d.endsOn),
      },
    ];
  });
  items.sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.stationTitle.localeCompare(b.stationTitle, "de"));
  return { items, nextCursor: null };
}

/**
 * Takes one answer: 404 for a day or station not of this company, 409 `feedback_not_open` before the day went
 * live (or for a cancelled day), 409 `feedback_closed` after the window, 403 `not_attended` for a person not
 * checked in at the station, 409 `feedback_already_given` for a second answer.
 */
export async function giveFeedback(
  scope: TenantScope,
  dayId: string,
  moduleId: string,
  input: HealthDayFeedbackInput,
  now = new Date(),
): Promise<void> {
  const who = await me(scope);
  const day = await repo.findHealthDay(scope, dayId);
  if (!day) throw AppError.notFound("Health day");
  const station = await repo.findModule(scope, dayId, moduleId);
  if (!station) throw AppError.notFound("Health day module");
  if (!FEEDBACK_STATUSES.includes(day.status)) {
    throw new AppError("feedback_not_open", "Feedback opens once the health day has started", { status: day.status }, 409);
  }
  const openUntil = feedbackOpenUntil(day.endsOn);
  if (berlinDay(now) > openUntil) {
    throw new AppError("feedback_closed", "Feedback for this health day has closed", { openUntil }, 409);
  }
  if (!(await attendedStations(scope, who.id, [moduleId])).has(moduleId)) {
    throw new AppError("not_attended", "Only people checked in at this station can give feedback on it", undefined, 403);
  }
  if (!(await feedback.claimAnswer(scope, moduleId, who.id))) {
    throw new AppError("feedback_already_given", "You have already given feedback on this station", undefined, 409);
  }
  await feedback.insertAnswer(scope, { healthDayId: dayId, moduleId, rating: input.rating, comment: input.comment });
  // The audit entry says who answered (as the marker does), never what: no rating, no comment.
  await scope.audit({ action: "health_days.feedback_given", entityType: "health_day_module", entityId: moduleId, details: {} });
}

const SUPPRESSED: StationFeedback = { suppressed: true, answers: null, average: null, distribution: null, comments: [] };

/** Each station's feedback as aggregates; below `minGroupSize` answers only `suppressed`. */
export async function stationFeedback(
  scope: Pick<TenantScope, "tx" | "orgId">,
  moduleIds: readonly string[],
  minGroupSize: number,
): Promise<Map<string, StationFeedback>> {
  const rows = await feedback.answersOf(scope, moduleIds);
  const out = new Map<string, StationFeedback>();
  for (const id of moduleIds) {
    const mine = rows.filter((r) => r.moduleId === id);
    if (mine.length < minGroupSize) {
      out.set(id, SUPPRESSED);
      continue;
    }
    const distribution = [1, 2, 3, 4, 5].map((n) => mine.filter((r) => r.rating === n).length);
    const sum = mine.reduce((acc, r) => acc + r.rating, 0);
    out.set(id, {
      suppressed: false,
      answers: mine.length,
      average: Math.round((sum / mine.length) * 10) / 10,
      distribution,
      comments: mine.flatMap((r) => (r.comment ? [r.comment] : [])).sort((a, b) => a.localeCompare(b, "de")),
    });
  }
  return out;
}

/**
 * Demo data only: answers as the form would have left them for people who attended a past day (the seed
 * writes the day's attendance the same way). Marker and answer apart, as in `giveFeedback`; no window check.
 */
export async function seedFeedback(
  scope: Pick<TenantScope, "tx" | "orgId">,
  healthDayId: string,
  moduleId: string,
  answers: readonly { employeeId: string; rating: number; comment: string | null }[],
): Promise<void> {
  for (const x of answers) {
    if (await feedback.claimAnswer(scope, moduleId, x.employeeId)) {
      await feedback.insertAnswer(scope, { healthDayId, moduleId, rating: x.rating, comment: x.comment });
    }
  }
}
