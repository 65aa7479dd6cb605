import { AppError } from "../../lib/app-error.js";
import { getOffering } from "../marketplace/index.js";
import { listStationSlots, type SlotParent, type SlotParentSource, type StationSlotChangeGuard } from "../participation/index.js";
import { conflictsOf } from "./conflicts.js";
import { toTimelineSlots } from "./health-day.view.js";
import * as repo from "./health-days.repository.js";

/**
 * What participation needs of a health-day slot's parent (ADR 0014): the title its mails and calendar
 * files carry ("Fit for Work – Rückenscreening"), the station's notes as description, and the day's status
 * (registration needs `registration_open`). Registered with participation at start-up, since
 * participation does not import this module.
 */
export const healthDaySlotParents: SlotParentSource = async (s, moduleIds) => {
  const rows = await repo.slotParents(s, moduleIds);
  return new Map<string, SlotParent>(
    rows.map((r) => [
      r.moduleId,
      {
        title: `${r.dayTitle} – ${r.moduleTitle}`,
        description: r.notes,
        status: r.dayStatus,
        healthDayId: r.healthDayId,
        dayTitle: r.dayTitle,
        stationTitle: r.moduleTitle,
      },
    ]),
  );
};

/**
 * A slot changed through the manager's session routes (time, room, capacity) is checked like a new one
 * (addSlots): against the day's dates, the other slots (same room, same provider at once) and the
 * offering's capacity; any conflict is the same 409 `slot_conflict`, and the change is not made.
 */
export const healthDaySlotChangeGuard: StationSlotChangeGuard = async (scope, change) => {
  const [parent] = await repo.slotParents(scope, [change.healthDayModuleId]);
  const day = parent ? await repo.findHealthDay(scope, parent.healthDayId) : null;
  if (!parent || !day) return;
  const modules = await repo.listModules(scope, [day.id]);
  const station = modules.find((m) => m.id === change.healthDayModuleId);
  if (!station) return;
  const timeline = toTimelineSlots(
    modules,
    await listStationSlots(
      scope,
      modules.map((m) => m.id),
    ),
  ).filter((s) => s.id !== change.id);
  let offeringCapacity: number | null = null;
  try {
    offeringCapacity = (await getOffering(scope, station.offeringId)).capacity;
  } catch {
    // An offering archived since the booking: its capacity is not known any more, nothing to check.
  }
  const conflicts = conflictsOf(
    { ...change, id: change.id, moduleId: station.id, providerOrgId: station.providerOrgId },
    { startsOn: day.startsOn, endsOn: day.endsOn },
    timeline,
    offeringCapacity,
  );
  if (conflicts.length > 0) {
    throw new AppError("slot_conflict", "The changed slot conflicts with the day or with other slots", { conflicts }, 409);
  }
};
