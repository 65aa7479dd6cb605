import {
  type AddHealthDayModule,
  type AddHealthDaySlots,
  approvalForPlannerStation,
  type CreateHealthDay,
  type CursorQuery,
  fitsHealthDay,
  type HealthDay,
  type HealthDayAction,
  type HealthDayStatus,
  type Offering,
  type SlotConflict,
  type UpdateHealthDay,
} from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import { decodeCursor, toPage } from "../../lib/keyset.js";
import type { Mail } from "../../lib/mailer.js";
import type { TenantScope } from "../../lib/request-context.js";
import { requestQuote } from "../engagements/index.js";
import { getOffering } from "../marketplace/index.js";
import { type CalendarContext, cancelStationSlots, createStationSlots, listStationSlots } from "../participation/index.js";
import { conflictsOf, type TimelineSlot } from "./conflicts.js";
import { buildHealthDay, toSummary, toTimelineSlots } from "./health-day.view.js";
import * as repo from "./health-days.repository.js";
import { requireEditable, requireHealthDayTransition } from "./transitions.js";

/** What a health-day use case needs besides the tenant scope: where links and calendar files point. */
export interface Acting {
  scope: TenantScope;
  appUrl: string;
  calendar: CalendarContext;
}

/** A change and the mails announcing it; the caller sends the mails after the transaction committed. */
export interface Outcome<T> {
  result: T;
  mails: Mail[];
}

export async function loadHealthDay(scope: TenantScope, id: string): Promise<HealthDay> {
  const row = await repo.findHealthDay(scope, id);
  if (!row) throw AppError.notFound("Health day");
  return buildHealthDay(scope, row);
}

export async function listHealthDays(scope: TenantScope, query: CursorQuery & { status?: HealthDayStatus }) {
  const rows = await repo.listHealthDays(
    scope,
    { status: query.status },
    { after: decodeCursor(query.cursor, repo.HealthDayCursor), limit: query.limit },
  );
  return toPage(rows, query.limit, repo.healthDayCursorKey, toSummary);
}

async function requireResponsible(scope: TenantScope, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  if (!(await repo.isMember(scope, userId))) {
    throw AppError.unprocessable("The responsible person must be a member of the company", { field: "responsibleUserId" });
  }
}

export async function createHealthDay(scope: TenantScope, input: CreateHealthDay): Promise<HealthDay> {
  await requireResponsible(scope, input.responsibleUserId);
  const row = await repo.insertHealthDay(scope, {
    title: input.title,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? input.startsOn,
    locations: input.locations,
    expectedHeadcount: input.expectedHeadcount,
    budgetCents: input.budgetCents,
    mode: input.mode,
    responsibleUserId: input.responsibleUserId ?? scope.userId,
    createdBy: scope.userId,
  });
  await scope.audit({ action: "health_days.created", entityType: "health_day", entityId: row.id, details: { mode: row.mode } });
  return loadHealthDay(scope, row.id);
}

export async function lockHealthDay(scope: TenantScope, id: string) {
  const row = await repo.findHealthDay(scope, id, { lock: true });
  if (!row) throw AppError.notFound("Health day");
  return row;
}

export async function updateHealthDay(scope: TenantScope, id: string, patch: UpdateHealthDay): Promise<HealthDay> {
  const row = await lockHealthDay(scope, id);
  requireEditable(row.status);
  const startsOn = patch.startsOn ?? row.startsOn;
  const endsOn = patch.endsOn ?? (patch.startsOn && patch.startsOn > row.endsOn ? patch.startsOn : row.endsOn);
  if (endsOn < startsOn) throw AppError.unprocessable("The last day is not before the first", { field: "endsOn" });
  await requireResponsible(scope, patch.responsibleUserId);
  await repo.updateHealthDay(scope, id, { ...patch, startsOn, endsOn });
  await scope.audit({
    action: "health_days.updated",
    entityType: "health_day",
    entityId: id,
    details: { fields: Object.keys(patch).sort() },
  });
  return loadHealthDay(scope, id);
}

/**
 * Moves the day along its lifecycle (the registry's table). Cancelling calls off every slot still
 * scheduled through the participation core: everyone registered gets a cancelling calendar file, everyone
 * waiting a mail. The stations' engagements stay as they are: calling off a booking is the company's
 * decision per provider, in the engagement.
 */
export async function transitionHealthDay(a: Acting, id: string, action: HealthDayAction): Promise<Outcome<HealthDay>> {
  const { scope } = a;
  const row = await lockHealthDay(scope, id);
  const plan = requireHealthDayTransition(row.status, action);
  if (plan.to === "registration_open") {
    const pending = (await repo.listModules(scope, [id])).filter((m) => m.approval === "pending");
    if (pending.length > 0) {
      throw new AppError(
        "approvals_pending",
        "Stations added by the planner await approval: approve or reject them before registration opens",
        { moduleIds: pending.map((m) => m.id) },
        409,
      );
    }
  }
  let mails: Mail[] = [];
  let cancelled = { cancelled: 0, informed: 0 };
  if (plan.to === "cancelled") {
    const modules = await repo.listModules(scope, [id]);
    const slots = await listStationSlots(
      scope,
      modules.map((m) => m.id),
    );
    const out = await cancelStationSlots(
      { scope, calendar: a.calendar },
      slots.filter((s) => s.status === "scheduled").map((s) => s.id),
    );
    mails = out.mails;
    cancelled = { cancelled: out.cancelled, informed: out.informed };
  }
  await repo.updateHealthDay(scope, id, { status: plan.to });
  await scope.audit({
    action: "health_days.status_changed",
    entityType: "health_day",
    entityId: id,
    details: {
      action,
      from: plan.from,
      to: plan.to,
      ...(plan.to === "cancelled" ? { slotsCancelled: cancelled.cancelled, peopleInformed: cancelled.informed } : {}),
    },
  });
  return { result: await loadHealthDay(scope, id), mails };
}

/** The offering as the company can read it; a draft, archived or unknown one is a 422 (it cannot be booked). */
async function bookableOffering(scope: TenantScope, offeringId: string): Promise<Offering> {
  const notBookable = () => AppError.unprocessable("This offering does not exist or is not published", { field: "offeringId" });
  let offer: Offering;
  try {
    offer = await getOffering(scope, offeringId);
  } catch (e) {
    if (e instanceof AppError && e.status === 404) throw notBookable();
    throw e;
  }
  if (offer.status !== "published") throw notBookable();
  if (!fitsHealthDay(offer)) {
    throw AppError.unprocessable("Only health-day modules, full-service health days or offerings delivered on site can be a station", {
      field: "offeringId",
      category: offer.category,
      deliveryMode: offer.deliveryMode,
    });
  }
  return offer;
}

/**
 * Adds a station from a published marketplace offering and sends its provider a booking request: a quote
 * request through the engagements module, whose lifecycle (quote, accept, …) the station's ✓/⏳ follows.
 */
export async function addModule(
  a: Acting,
  id: string,
  input: AddHealthDayModule,
  /** Full-service mode: the planner adding the station on the company's behalf (approval per the day's limit). */
  planner?: { orgId: string },
): Promise<Outcome<HealthDay>> {
  const { scope } = a;
  const row = await lockHealthDay(scope, id);
  requireEditable(row.status);
  const offer = await bookableOffering(scope, input.offeringId);
  const when = row.startsOn === row.endsOn ? row.startsOn : `${row.startsOn} – ${row.endsOn}`;
  const costCents = input.costCents ?? offer.priceFromCents;
  const requested = await requestQuote(
    { scope, appUrl: a.appUrl },
    {
      offeringId: offer.id,
      taskKey: null,
      brief: {
        what: `Gesundheitstag „${row.title}“: ${offer.title}`.slice(0, 200),
        when: `${when}${input.location ? `, ${input.location}` : ""}`.slice(0, 200),
        employeeCount: row.expectedHeadcount,
        budgetCents: costCents,
        message: input.message,
      },
    },
  );
  const created = await repo.insertModule(scope, {
    healthDayId: id,
    offeringId: offer.id,
    providerOrgId: offer.providerOrgId,
    engagementId: requested.result.id,
    title: offer.title,
    location: input.location,
    costCents,
    notes: input.notes,
    approval: planner ? approvalForPlannerStation(costCents, row.approvalLimitCents) : "not_required",
    addedByOrgId: planner?.orgId ?? null,
    createdBy: scope.userId,
  });
  await repo.updateHealthDay(scope, id, {});
  await scope.audit({
    action: "health_days.module_added",
    entityType: "health_day",
    entityId: id,
    details: { moduleId: created.id, offeringId: offer.id, engagementId: requested.result.id, costCents, approval: created.approval },
  });
  return { result: await loadHealthDay(scope, id), mails: requested.mails };
}

/**
 * Adds time slots to a station, all or none: each slot is checked against the day (its dates), the
 * other slots (same room, same provider at once) and the offering's capacity; any conflict is a 409
 * `slot_conflict` naming them all. The slots are participation sessions (ADR 0014).
 */
export async function addSlots(scope: TenantScope, id: string, moduleId: string, input: AddHealthDaySlots): Promise<HealthDay> {
  const row = await lockHealthDay(scope, id);
  requireEditable(row.status);
  const station = await repo.findModule(scope, id, moduleId);
  if (!station) throw AppError.notFound("Health day module");
  if (station.approval === "rejected") {
    throw new AppError("module_rejected", "The company rejected this station: it gets no slots", { moduleId }, 409);
  }
  const modules = await repo.listModules(scope, [id]);
  const existing = toTimelineSlots(
    modules,
    await listStationSlots(
      scope,
      modules.map((m) => m.id),
    ),
  );
  let offeringCapacity: number | null = null;
  try {
    offeringCapacity = (await getOffering(scope, station.offeringId)).capacity;
  } catch {
    // An offering archived since the booking: its capacity is not known any more, nothing to check.
  }
  const proposed: TimelineSlot[] = input.slots.map((s) => ({
    id: null,
    moduleId,
    providerOrgId: station.providerOrgId,
    location: s.location ?? station.location,
    startsAt: new Date(s.startsAt),
    endsAt: new Date(s.endsAt),
    capacity: s.capacity,
  }));
  const conflicts: (SlotConflict & { index: number })[] = [];
  proposed.forEach((slot, index) => {
    const others = [...existing, ...proposed.slice(0, index)];
    for (const c of conflictsOf(slot, { startsOn: row.startsOn, endsOn: row.endsOn }, others, offeringCapacity))
      conflicts.push({ ...c, index });
  });
  if (conflicts.length > 0) {
    throw new AppError("slot_conflict", "The slots conflict with the day or with other slots", { conflicts }, 409);
  }
  const ids = await createStationSlots(
    scope,
    moduleId,
    input.slots.map((s, i) => ({
      startsAt: proposed[i]?.startsAt as Date,
      endsAt: proposed[i]?.endsAt as Date,
      location: proposed[i]?.location ?? "",
      capacity: s.capacity,
      waitlistEnabled: s.waitlistEnabled,
      registrationDeadline: s.registrationDeadline ? new Date(s.registrationDeadline) : null,
    })),
  );
  await repo.touchModule(scope, moduleId);
  await scope.audit({ action: "health_days.slots_added", entityType: "health_day", entityId: id, details: { moduleId, slotIds: ids } });
  return loadHealthDay(scope, id);
}
