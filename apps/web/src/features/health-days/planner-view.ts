import { approvalForPlannerStation, FULL_SERVICE_CATEGORY, type ModuleApproval } from "@bgm/domain";
import type { EngagementSummaryItem, OfferingItem } from "./api/planner";

/** A booking can plan a day while it runs: accepted or in progress (the API's rule for `PUT …/planner`). */
const RUNNING: ReadonlySet<string> = new Set(["accepted", "in_progress"]);

/**
 * The company's bookings that can take over a full-service day: running, and for an offering of the
 * category `full_service_health_day` (the engagement list names the offering, not its category).
 */
export function fullServiceBookings(
  engagements: readonly EngagementSummaryItem[],
  fullServiceOfferingIds: readonly string[],
): EngagementSummaryItem[] {
  const fullService = new Set(fullServiceOfferingIds);
  const seen = new Set<string>();
  return engagements.filter((e) => RUNNING.has(e.status) && fullService.has(e.offeringId) && !seen.has(e.id) && seen.add(e.id));
}

export type ApprovalMark = "pending" | "approved" | "rejected" | "byPlanner";

/**
 * The marks of a station in full-service mode: its approval when it needed one, and "vom Planer" for a
 * station the planner added. The company's own stations carry none.
 */
export function approvalMarks(station: { approval: ModuleApproval; addedByPlanner: boolean }): ApprovalMark[] {
  const marks: ApprovalMark[] = [];
  if (station.approval !== "not_required") marks.push(station.approval);
  if (station.addedByPlanner) marks.push("byPlanner");
  return marks;
}

export interface PlannerCatalogEntry {
  offering: OfferingItem;
  /** A station from this offering is already on the day. */
  added: boolean;
  /** Its price from is above the approval limit (or there is no limit): the company must approve it. */
  needsApproval: boolean;
}

/**
 * What a planner can add as a station: published offerings that fit a health day (the domain's rule) from
 * OTHER providers — never a full-service offering, never its own — health-day modules first, then by title.
 */
export function plannerCatalogEntries(
  offerings: readonly OfferingItem[],
  day: { modules: readonly { offeringId: string }[]; planner: { organizationId: string; approvalLimitCents: number | null } | null },
): PlannerCatalogEntry[] {
  const taken = new Set(day.modules.map((m) => m.offeringId));
  const limit = day.planner?.approvalLimitCents ?? null;
  return offerings
    .filter(
      (o) =>
        o.status === "published" &&
        o.category !== FULL_SERVICE_CATEGORY &&
        (o.category === "health_day_module" || o.deliveryMode === "on_site") &&
        o.providerOrgId !== day.planner?.organizationId,
    )
    .sort(
      (a, b) =>
        Number(b.category === "health_day_module") - Number(a.category === "health_day_module") || a.title.localeCompare(b.title, "de"),
    )
    .map((o) => ({ offering: o, added: taken.has(o.id), needsApproval: approvalForPlannerStation(o.priceFromCents, limit) === "pending" }));
}
