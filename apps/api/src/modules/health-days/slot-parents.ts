import type { SlotParent, SlotParentSource } from "../participation/index.js";
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
