import { HEALTH_DAY_REGISTRATION_STATUS, type MyHealthDayPlace } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { type EmployeeFacts, findEmployeeOfUser } from "../employees/index.js";
import { cancelPlace, listStationSlots, registerPlace, slotsForEmployee } from "../participation/index.js";
import * as repo from "./health-days.repository.js";
import type { Acting, Outcome } from "./health-days.service.js";

/**
 * The employee's side of health days: the days open for registration with their stations' slots, and a
 * place in a slot taken or given up through participation's registration core (capacity, waitlist, mails
 * with the .ics), exactly like a session of an intervention.
 */

async function me(scope: TenantScope): Promise<EmployeeFacts> {
  const row = await findEmployeeOfUser(scope, scope.userId);
  if (!row) {
    throw new AppError("not_in_register", "Your account is not linked to a person of this company's employee register", undefined, 403);
  }
  return row;
}

export async function openHealthDays(scope: TenantScope, now = new Date()) {
  const who = await me(scope);
  // A live day stays on the list: its slots still ahead take no new registrations (registrationOpen is false),
  // but the employee needs the day's tickets at the door.
  const days = await repo.listHealthDays(scope, { statuses: [HEALTH_DAY_REGISTRATION_STATUS, "live"] }, { after: undefined, limit: 100 });
  const modules = await repo.listModules(
    scope,
    days.map((d) => d.id),
  );
  const slots = (
    await listStationSlots(
      scope,
      modules.map((m) => m.id),
    )
  ).filter((s) => s.status === "scheduled" && s.endsAt > now);
  const views = await slotsForEmployee(
    { scope, now },
    who.id,
    slots.map((s) => s.id),
  );
  const items = days
    .map((d) => ({
      id: d.id,
      title: d.title,
      startsOn: d.startsOn,
      endsOn: d.endsOn,
      locations: d.locations,
      modules: modules
        .filter((m) => m.healthDayId === d.id)
        .map((m) => ({
          id: m.id,
          title: m.title,
          providerName: m.providerName,
          location: m.location,
          slots: slots
            .filter((s) => s.healthDayModuleId === m.id)
            .map((s) => {
              const v = views.get(s.id);
              return {
                id: s.id,
                startsAt: s.startsAt.toISOString(),
                endsAt: s.endsAt.toISOString(),
                location: s.location,
                capacity: s.capacity,
                status: s.status,
                freePlaces: v?.freePlaces ?? 0,
                registrationOpen: v?.registrationOpen ?? false,
                mine: v?.mine ? { ...v.mine, changedAt: v.mine.changedAt.toISOString() } : null,
              };
            }),
        }))
        .filter((m) => m.slots.length > 0),
    }))
    .filter((d) => d.modules.length > 0)
    .sort((x, y) => x.startsOn.localeCompare(y.startsOn));
  return { items, nextCursor: null };
}

/** The slot of this day (else 404); a cancelled day takes no bookings (409 `health_day_cancelled`). */
async function slotOfDay(scope: TenantScope, dayId: string, slotId: string, forBooking: boolean) {
  const day = await repo.findHealthDay(scope, dayId);
  if (!day) throw AppError.notFound("Health day");
  const modules = await repo.listModules(scope, [dayId]);
  const slot = (
    await listStationSlots(
      scope,
      modules.map((m) => m.id),
    )
  ).find((s) => s.id === slotId);
  if (!slot) throw AppError.notFound("Slot");
  if (forBooking && day.status === "cancelled") {
    throw new AppError("health_day_cancelled", "The health day was cancelled; it takes no registrations", { status: day.status }, 409);
  }
  if (forBooking && day.status !== HEALTH_DAY_REGISTRATION_STATUS) {
    throw new AppError("registration_not_open", "Registration for this health day is not open", { status: day.status }, 409);
  }
  const module = modules.find((m) => m.id === slot.healthDayModuleId);
  return { day, slot, title: module?.title ?? day.title };
}

type PlaceAnswer = { created: boolean; place: MyHealthDayPlace };

function toPlace(
  dayId: string,
  found: Awaited<ReturnType<typeof slotOfDay>>,
  r: { place: { status: MyHealthDayPlace["status"]; changedAt: Date }; waitlistPosition: number | null },
): MyHealthDayPlace {
  return {
    healthDayId: dayId,
    slotId: found.slot.id,
    title: found.title,
    startsAt: found.slot.startsAt.toISOString(),
    endsAt: found.slot.endsAt.toISOString(),
    location: found.slot.location,
    status: r.place.status,
    waitlistPosition: r.waitlistPosition,
    changedAt: r.place.changedAt.toISOString(),
  };
}

export async function registerForSlot(a: Acting, dayId: string, slotId: string): Promise<Outcome<PlaceAnswer>> {
  const who = await me(a.scope);
  const found = await slotOfDay(a.scope, dayId, slotId, true);
  const { result, mails } = await registerPlace({ scope: a.scope, calendar: a.calendar }, slotId, who);
  return { result: { created: result.changed, place: toPlace(dayId, found, result) }, mails };
}

export async function cancelForSlot(a: Acting, dayId: string, slotId: string): Promise<Outcome<MyHealthDayPlace>> {
  const who = await me(a.scope);
  const found = await slotOfDay(a.scope, dayId, slotId, false);
  const { result, mails } = await cancelPlace({ scope: a.scope, calendar: a.calendar }, slotId, who);
  return { result: toPlace(dayId, found, result), mails };
}
