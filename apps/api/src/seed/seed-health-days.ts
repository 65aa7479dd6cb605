import { type Database, offering, withTenantTx } from "@bgm/db";
import { inArray } from "drizzle-orm";
import { makeTenantScope } from "../lib/tenant-scope.js";
import { addHealthDayModule, addHealthDaySlots, createHealthDay, transitionHealthDay } from "../modules/health-days/index.js";
import { fromBerlin, toBerlin } from "../modules/participation/index.js";
import type { ResultSeedWorld } from "./seed-results.js";

/*
 * One planned health day in the demo world, the brief's "Fit for Work": six weeks ahead, in preparation,
 * budget 5.000 €, 120 people expected, three stations booked from the demo providers' health-day modules
 * (each a quote request the provider has not answered yet: ⏳) with their time slots. Goes through the
 * health-days module's own use cases, like a manager would. Deterministic.
 */

const SEED_META = { ip: null, userAgent: "seed", requestId: null };
const APP_URL = "http://localhost";
const DAY = 24 * 60 * 60 * 1000;

const STATIONS = [
  { title: "Rückenscreening", location: "Foyer", hours: [9, 10, 11], capacity: 12 },
  { title: "Stress-Messung", location: "Raum Elbe", hours: [10, 11, 13], capacity: 8 },
  { title: "Ergonomie-Station für den Gesundheitstag", location: "Kantine", hours: [14, 15], capacity: 15 },
] as const;

/** `days` from today, at hh:00 on German clocks. */
function at(days: number, hour: number): Date {
  const d = toBerlin(new Date(Date.now() + days * DAY));
  return fromBerlin({ ...d, hour, minute: 0, second: 0 });
}

export async function seedHealthDays(db: Database, w: ResultSeedWorld): Promise<void> {
  const offers = await db
    .select({ id: offering.id, title: offering.title })
    .from(offering)
    .where(
      inArray(
        offering.title,
        STATIONS.map((s) => s.title),
      ),
    );
  const byTitle = new Map(offers.map((o) => [o.title, o.id]));
  await withTenantTx(db, w.companyId, async (tx) => {
    const scope = makeTenantScope(tx, { orgId: w.companyId, orgKind: "company", role: "bgm_manager", userId: w.managerUserId }, SEED_META);
    const a = { scope, appUrl: APP_URL, calendar: { appUrl: APP_URL, organizerEmail: "noreply@localhost" } };
    const first = at(42, 9);
    const date = toBerlin(first);
    const startsOn = `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
    let day = await createHealthDay(scope, {
      title: "Fit for Work",
      startsOn,
      locations: ["Foyer", "Raum Elbe", "Kantine"],
      expectedHeadcount: 120,
      budgetCents: 500_000,
      mode: "diy",
      responsibleUserId: w.managerUserId,
    });
    for (const s of STATIONS) {
      const offeringId = byTitle.get(s.title);
      if (!offeringId) continue;
      day = (await addHealthDayModule(a, day.id, { offeringId, location: s.location, costCents: null, notes: "", message: "" })).result;
      // One transaction, one created_at for all stations: found by offering, not by position.
      const station = day.modules.find((m) => m.offeringId === offeringId);
      if (!station) continue;
      await addHealthDaySlots(scope, day.id, station.id, {
        slots: s.hours.map((h) => ({
          startsAt: at(42, h).toISOString(),
          endsAt: new Date(at(42, h).getTime() + 45 * 60 * 1000).toISOString(),
          capacity: s.capacity,
          waitlistEnabled: true,
          registrationDeadline: null,
        })),
      });
    }
    await transitionHealthDay(a, day.id, "start_preparation");
  });
}
