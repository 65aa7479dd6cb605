import { type Api, api, type OrgUser, signUpCompany, type TestApp } from "../../../test/helpers.js";

/**
 * A company with a health day in DIY mode, one station from a published offering, and its slots (tests only;
 * the tests publish the offering themselves, since only test files may write other modules' tables).
 */

export function expectOk(res: { statusCode: number; body: string }, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

export interface DayWorld {
  manager: OrgUser;
  asManager: Api;
  dayId: string;
  stationId: string;
  slotIds: string[];
}

/** The day (startsOn..endsOn, Fit for Work, 120 expected, budget 5.000 €) with one station and the given slots. */
export async function dayWithSlots(
  t: TestApp,
  opts: {
    startsOn: string;
    endsOn?: string;
    slots: { startsAt: string; endsAt: string; capacity: number; waitlistEnabled?: boolean }[];
    company?: { manager: OrgUser; asManager: Api };
    offeringId: string;
  },
): Promise<DayWorld> {
  const manager = opts.company?.manager ?? (await signUpCompany(t.app, { name: "Muster GmbH" }));
  const asManager = opts.company?.asManager ?? api(t.app, manager.cookie);
  const { offeringId } = opts;
  const created = await asManager.post("/api/health-days", {
    title: "Fit for Work",
    startsOn: opts.startsOn,
    endsOn: opts.endsOn ?? opts.startsOn,
    locations: ["Kantine"],
    expectedHeadcount: 120,
    budgetCents: 500_000,
  });
  expectOk(created, 201, "create day");
  const dayId = created.json().id as string;
  const station = await asManager.post(`/api/health-days/${dayId}/modules`, { offeringId, location: "Kantine" });
  expectOk(station, 201, "add station");
  const stationId = station.json().modules[0].id as string;
  const slots = await asManager.post(`/api/health-days/${dayId}/modules/${stationId}/slots`, { slots: opts.slots });
  expectOk(slots, 201, "add slots");
  const slotIds = (slots.json().modules[0].slots as { id: string }[]).map((s) => s.id);
  return { manager, asManager, dayId, stationId, slotIds };
}

export async function openRegistration(w: DayWorld): Promise<void> {
  expectOk(await w.asManager.post(`/api/health-days/${w.dayId}/transitions`, { action: "open_registration" }), 200, "open registration");
}
