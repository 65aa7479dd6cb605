import type { LiveCheckIns } from "@bgm/domain";
import type { TenantScope } from "../../lib/request-context.js";
import { countByOutcome } from "./check-in.repository.js";
import { dayWithSlots } from "./check-in.service.js";

/**
 * The live panel of a day's check-in: per station and slot, people checked in of people holding a place,
 * and the day's duplicate and refused scans. Aggregates only — no names, no ticket ids — so the same
 * figures can be shown to a full-service planner later.
 */
export async function liveCheckIns(scope: TenantScope, healthDayId: string, now = new Date()): Promise<LiveCheckIns> {
  const { day, modules, slots } = await dayWithSlots(scope, healthDayId);
  const outcomes = await countByOutcome(scope, healthDayId);
  const stations = modules.map((m) => {
    const own = slots
      .filter((s) => s.healthDayModuleId === m.id)
      .map((s) => ({
        id: s.id,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        status: s.status,
        checkedIn: s.counts.attended,
        registered: s.counts.registered,
      }));
    return {
      id: m.id,
      title: m.title,
      checkedIn: own.reduce((n, s) => n + s.checkedIn, 0),
      registered: own.reduce((n, s) => n + s.registered, 0),
      slots: own,
    };
  });
  let scans = 0;
  for (const n of outcomes.values()) scans += n;
  const refused = scans - (outcomes.get("checked_in") ?? 0) - (outcomes.get("duplicate") ?? 0);
  return {
    healthDayId: day.id,
    at: now.toISOString(),
    totals: {
      checkedIn: stations.reduce((n, s) => n + s.checkedIn, 0),
      registered: stations.reduce((n, s) => n + s.registered, 0),
      duplicates: outcomes.get("duplicate") ?? 0,
      refused,
      scans,
    },
    stations,
  };
}
