import type { EngagementStatus } from "./engagement-states.js";

/**
 * Health days (Gesundheitstage): the day's lifecycle as one transition table, and how a station's booking
 * status follows its engagement. Services, the API's 409 answers and the web app's buttons derive from here.
 */
export const HEALTH_DAY_STATUSES = [
  { key: "planning", label: { de: "In Planung", en: "Planning" } },
  { key: "preparation", label: { de: "Vorbereitung läuft", en: "Preparation in progress" } },
  { key: "registration_open", label: { de: "Anmeldung offen", en: "Registration open" } },
  { key: "live", label: { de: "Läuft", en: "Live" } },
  { key: "done", label: { de: "Abgeschlossen", en: "Done" } },
  { key: "cancelled", label: { de: "Abgesagt", en: "Cancelled" } },
] as const;
export type HealthDayStatus = (typeof HEALTH_DAY_STATUSES)[number]["key"];
export const HEALTH_DAY_STATUS_KEYS = HEALTH_DAY_STATUSES.map((s) => s.key) as [HealthDayStatus, ...HealthDayStatus[]];

export const HEALTH_DAY_MODES = ["diy", "full_service"] as const;
export type HealthDayMode = (typeof HEALTH_DAY_MODES)[number];

export const HEALTH_DAY_TRANSITIONS = [
  { action: "start_preparation", from: ["planning"], to: "preparation" },
  { action: "open_registration", from: ["planning", "preparation"], to: "registration_open" },
  // Closing registration goes back to preparation: the day is still ahead, places stay as they are.
  { action: "close_registration", from: ["registration_open"], to: "preparation" },
  { action: "go_live", from: ["preparation", "registration_open"], to: "live" },
  { action: "finish", from: ["live"], to: "done" },
  { action: "cancel", from: ["planning", "preparation", "registration_open", "live"], to: "cancelled" },
] as const satisfies readonly { action: string; from: readonly HealthDayStatus[]; to: HealthDayStatus }[];

export type HealthDayAction = (typeof HEALTH_DAY_TRANSITIONS)[number]["action"];
export const HEALTH_DAY_ACTIONS = HEALTH_DAY_TRANSITIONS.map((t) => t.action) as [HealthDayAction, ...HealthDayAction[]];

/** Final: nothing changes any more (stations, slots, registrations). */
export const HEALTH_DAY_FINAL_STATUSES: readonly HealthDayStatus[] = ["done", "cancelled"];

export function healthDayActions(status: HealthDayStatus): HealthDayAction[] {
  return HEALTH_DAY_TRANSITIONS.filter((t) => (t.from as readonly string[]).includes(status)).map((t) => t.action);
}

/** Whether employees may register for the day's slots (participation's "parent open"). */
export const HEALTH_DAY_REGISTRATION_STATUS: HealthDayStatus = "registration_open";

/**
 * A station's booking as the card shows it (✓ confirmed, ⏳ requested or pending, ✗ declined), derived
 * from its engagement: the provider has not answered yet, has sent a quote, the quote was accepted (and
 * the order runs), or it ended without a booking.
 */
export const BOOKING_STATUSES = [
  { key: "requested", mark: "⏳", label: { de: "Angefragt", en: "Requested" } },
  { key: "pending", mark: "⏳", label: { de: "Angebot liegt vor", en: "Quote pending" } },
  { key: "confirmed", mark: "✓", label: { de: "Bestätigt", en: "Confirmed" } },
  { key: "declined", mark: "✗", label: { de: "Abgelehnt", en: "Declined" } },
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number]["key"];
export const BOOKING_STATUS_KEYS = BOOKING_STATUSES.map((s) => s.key) as [BookingStatus, ...BookingStatus[]];

const BOOKING_BY_ENGAGEMENT: Record<EngagementStatus, BookingStatus> = {
  requested: "requested",
  quoted: "pending",
  revision_requested: "pending",
  accepted: "confirmed",
  in_progress: "confirmed",
  delivered: "confirmed",
  completed: "confirmed",
  declined: "declined",
  quote_rejected: "declined",
  cancelled: "declined",
};

/** No engagement (it could not be read any more) counts as not booked yet: requested. */
export function bookingStatusOf(engagementStatus: EngagementStatus | null): BookingStatus {
  return engagementStatus ? BOOKING_BY_ENGAGEMENT[engagementStatus] : "requested";
}

export const bookingMark = (status: BookingStatus): string => BOOKING_STATUSES.find((s) => s.key === status)?.mark ?? "⏳";

/** Offerings a station can be booked from: the health-day categories, or anything delivered on site. */
export const HEALTH_DAY_MODULE_CATEGORIES = ["health_day_module", "full_service_health_day"] as const;
export function fitsHealthDay(offer: { category: string; deliveryMode: string }): boolean {
  return (HEALTH_DAY_MODULE_CATEGORIES as readonly string[]).includes(offer.category) || offer.deliveryMode === "on_site";
}

/** Share of the budget from which the tracker warns before it is exceeded. */
export const BUDGET_WARNING_SHARE = 0.9;

/**
 * Full-service mode: the company's approval of a station its planner added. The company's own stations and
 * the planner's up to the approval limit need none; above it (or always, without a limit) a station is
 * `pending` until the company approves or rejects it, one by one or all at once with the plan.
 */
export const MODULE_APPROVALS = ["not_required", "pending", "approved", "rejected"] as const;
export type ModuleApproval = (typeof MODULE_APPROVALS)[number];

export function approvalForPlannerStation(costCents: number, approvalLimitCents: number | null): ModuleApproval {
  return approvalLimitCents !== null && costCents <= approvalLimitCents ? "not_required" : "pending";
}

/** The offering category whose booking makes its provider the planner of a day. */
export const FULL_SERVICE_CATEGORY = "full_service_health_day";

/** Engagement states in which a full-service booking lets its planner work on the day (and read it). */
export const PLANNER_ACTIVE_STATUSES: readonly EngagementStatus[] = ["accepted", "in_progress"];
export const PLANNER_READ_STATUSES: readonly EngagementStatus[] = ["accepted", "in_progress", "delivered", "completed"];
