import { type BookingStatus, bookingStatusOf, type HealthDay, type HealthDayStatus, healthDayActions } from "@bgm/domain";
import type { TenantScope } from "../../lib/request-context.js";
import { findEngagementWithParties, readBookingFacts } from "../engagements/index.js";
import { countPeopleWithPlaces, listStationSlots, type StationSlot } from "../participation/index.js";
import { budgetOf } from "./budget.js";
import { cardOf } from "./card.js";
import { type TimelineSlot, timelineConflicts } from "./conflicts.js";
import type { HealthDayWithNames, ModuleWithProvider } from "./health-days.repository.js";
import * as repo from "./health-days.repository.js";

/** Reads a health day with everything its page shows: stations with slots and ✓/⏳, conflicts, budget and card. */

const iso = (d: Date) => d.toISOString();

export function toTimelineSlots(modules: readonly ModuleWithProvider[], slots: readonly StationSlot[]): TimelineSlot[] {
  const byId = new Map(modules.map((m) => [m.id, m]));
  return slots.map((s) => ({
    id: s.id,
    moduleId: s.healthDayModuleId,
    providerOrgId: byId.get(s.healthDayModuleId)?.providerOrgId ?? "",
    location: s.location,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    capacity: s.capacity,
    cancelled: s.status === "cancelled",
  }));
}

export async function buildHealthDay(scope: TenantScope, row: HealthDayWithNames): Promise<HealthDay> {
  const modules = await repo.listModules(scope, [row.id]);
  const slots = await listStationSlots(
    scope,
    modules.map((m) => m.id),
  );
  const bookings = await readBookingFacts(
    scope.tx,
    scope.orgId,
    modules.flatMap((m) => (m.engagementId ? [m.engagementId] : [])),
  );
  const scheduled = slots.filter((s) => s.status === "scheduled");
  const people = await countPeopleWithPlaces(
    scope,
    scheduled.map((s) => s.id),
  );
  const status = row.status as HealthDayStatus;

  const stations = modules.map((m) => {
    const booking = m.engagementId ? (bookings.get(m.engagementId) ?? null) : null;
    const bookingStatus: BookingStatus = bookingStatusOf(booking?.status ?? null);
    return { m, booking, bookingStatus, slots: slots.filter((s) => s.healthDayModuleId === m.id) };
  });
  // Stations in the order of the day (first slot), as Petra reads the plan; stations added in one
  // transaction share a created_at, so the insertion order alone would be a coin toss.
  stations.sort(
    (a, b) =>
      firstStartMs(a.slots) - firstStartMs(b.slots) ||
      a.m.title.localeCompare(b.m.title, "de") ||
      (a.m.id < b.m.id ? -1 : a.m.id > b.m.id ? 1 : 0),
  );

  // A station the company rejected is shown (with its state) but planned for no more.
  const counted = stations.filter(({ m }) => m.approval !== "rejected");
  const budget = budgetOf(
    row.budgetCents,
    counted.map(({ m, booking, bookingStatus }) => ({
      moduleId: m.id,
      title: m.title,
      plannedCents: m.costCents,
      bookedCents: bookingStatus === "confirmed" ? (booking?.acceptedQuoteCents ?? null) : null,
      // Engagements know no invoices yet: nothing is invoiced until they do.
      invoicedCents: null,
    })),
  );

  const card = cardOf({
    title: row.title,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    budgetCents: row.budgetCents,
    status,
    expectedHeadcount: row.expectedHeadcount,
    stations: counted.map(({ m, bookingStatus, slots: own }) => ({
      title: m.title,
      providerName: m.providerName,
      bookingStatus,
      firstStart: own.find((s) => s.status === "scheduled")?.startsAt ?? null,
    })),
    people,
    places: scheduled.reduce((acc, s) => acc + s.capacity, 0),
  });

  return {
    id: row.id,
    title: row.title,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    locations: row.locations,
    expectedHeadcount: row.expectedHeadcount,
    budgetCents: row.budgetCents,
    mode: row.mode,
    status,
    responsibleUserId: row.responsibleUserId,
    responsibleName: row.responsibleName,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    allowedActions: healthDayActions(status),
    planner: await plannerOf(scope, row, modules),
    modules: stations.map(({ m, booking, bookingStatus, slots: own }) => ({
      id: m.id,
      offeringId: m.offeringId,
      title: m.title,
      providerOrgId: m.providerOrgId,
      providerName: m.providerName,
      engagementId: m.engagementId,
      engagementStatus: booking?.status ?? null,
      bookingStatus,
      location: m.location,
      costCents: m.costCents,
      notes: m.notes,
      approval: m.approval,
      addedByPlanner: m.addedByOrgId !== null,
      slots: own.map((s) => ({
        id: s.id,
        startsAt: iso(s.startsAt),
        endsAt: iso(s.endsAt),
        location: s.location,
        capacity: s.capacity,
        registrationDeadline: s.registrationDeadline ? iso(s.registrationDeadline) : null,
        waitlistEnabled: s.waitlistEnabled,
        status: s.status,
        counts: s.counts,
      })),
    })),
    conflicts: timelineConflicts({ startsOn: row.startsOn, endsOn: row.endsOn }, toTimelineSlots(modules, slots)),
    budget,
    card,
  };
}

/** The full-service planner of the day, as the company sees it; null in DIY mode or before one is named. */
async function plannerOf(
  scope: TenantScope,
  row: HealthDayWithNames,
  modules: readonly ModuleWithProvider[],
): Promise<HealthDay["planner"]> {
  if (!row.plannerEngagementId) return null;
  const e = await findEngagementWithParties(scope.tx, { orgId: scope.orgId, side: "company" }, row.plannerEngagementId);
  if (!e) return null;
  return {
    engagementId: e.id,
    organizationId: e.providerOrgId,
    name: e.providerName,
    engagementStatus: e.status,
    approvalLimitCents: row.approvalLimitCents,
    planApprovedAt: row.planApprovedAt ? iso(row.planApprovedAt) : null,
    pendingApprovals: modules.filter((m) => m.approval === "pending").length,
  };
}

export function toSummary(r: HealthDayWithNames & { moduleCount: number }) {
  return {
    id: r.id,
    title: r.title,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    locations: r.locations,
    expectedHeadcount: r.expectedHeadcount,
    budgetCents: r.budgetCents,
    mode: r.mode,
    status: r.status,
    responsibleUserId: r.responsibleUserId,
    responsibleName: r.responsibleName,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    moduleCount: r.moduleCount,
  };
}

/** The start of a station's earliest slot; stations without a slot go last. */
function firstStartMs(slots: readonly { startsAt: Date }[]): number {
  return slots.reduce((min, s) => Math.min(min, s.startsAt.getTime()), Number.POSITIVE_INFINITY);
}
