import { describe, expect, it } from "vitest";
import { noShowRate, type ReportFacts, recommendations, type SlotFigures, sumSlots, utilization } from "./report-recommendations.js";

/** The report's recommendations as pure rules: which figures lead to which advice, in German. */

const slot = (over: Partial<SlotFigures> = {}): SlotFigures => ({
  slotId: "00000000-0000-4000-8000-000000000001",
  // 09:00 UTC on a winter day is 10:00 in Germany.
  startsAt: new Date("2027-03-15T09:00:00Z"),
  status: "scheduled",
  capacity: 10,
  registered: 8,
  waitlisted: 0,
  attended: 7,
  noShow: 1,
  ...over,
});

const facts = (over: Partial<ReportFacts> = {}): ReportFacts => ({
  stations: [{ moduleId: "00000000-0000-4000-8000-00000000000a", title: "Rückenscreening", slots: [slot()] }],
  people: 80,
  expectedHeadcount: 120,
  budgetCents: 500_000,
  bookedCents: 400_000,
  plannedCents: 450_000,
  ...over,
});

describe("report recommendations", () => {
  it("says nothing when the day went well", () => {
    expect(recommendations(facts())).toEqual([]);
  });

  it("advises another slot for a slot fully booked with a waitlist, at its time in Germany", () => {
    const out = recommendations(
      facts({
        stations: [{ moduleId: "m", title: "Rückenscreening", slots: [slot({ registered: 10, waitlisted: 3, attended: 10, noShow: 0 })] }],
      }),
    );
    expect(out).toEqual([
      {
        kind: "add_slot",
        moduleId: "m",
        slotId: "00000000-0000-4000-8000-000000000001",
        text: "Rückenscreening war um 10:00 ausgebucht — einen weiteren Slot einplanen",
      },
    ]);
    // Full without anyone waiting: the slot fitted the demand.
    expect(recommendations(facts({ stations: [{ moduleId: "m", title: "X", slots: [slot({ registered: 10, waitlisted: 0 })] }] }))).toEqual(
      [],
    );
    // A cancelled slot recommends nothing.
    expect(
      recommendations(
        facts({ stations: [{ moduleId: "m", title: "X", slots: [slot({ status: "cancelled", registered: 10, waitlisted: 3 })] }] }),
      ),
    ).toEqual([]);
  });

  it("advises reminders above 20 % no-shows, not at exactly 20 %", () => {
    const at20 = recommendations(
      facts({ stations: [{ moduleId: "m", title: "Stressmessung", slots: [slot({ attended: 8, noShow: 2 })] }] }),
    );
    expect(at20).toEqual([]);
    const above = recommendations(
      facts({ stations: [{ moduleId: "m", title: "Stressmessung", slots: [slot({ attended: 6, noShow: 2 })] }] }),
    );
    expect(above).toEqual([
      expect.objectContaining({
        kind: "send_reminder",
        moduleId: "m",
        slotId: null,
        text: expect.stringMatching(/^Stressmessung: 25 % sind nicht erschienen — am Vortag erinnern/),
      }),
    ]);
  });

  it("advises reconsidering a station under 30 % of its places, and counts only slots that took place", () => {
    const low = recommendations(
      facts({
        stations: [
          {
            moduleId: "m",
            title: "Yoga",
            slots: [
              slot({ capacity: 20, registered: 5, attended: 5, noShow: 0 }),
              slot({ status: "cancelled", capacity: 20, registered: 0, attended: 0, noShow: 0 }),
            ],
          },
        ],
      }),
    );
    expect(low).toEqual([
      expect.objectContaining({
        kind: "reconsider_station",
        text: "Yoga war nur zu 25 % ausgelastet — Angebot, Uhrzeit oder Ort überdenken",
      }),
    ]);
    // 6 of 20 is exactly 30 %: no advice.
    expect(
      recommendations(
        facts({ stations: [{ moduleId: "m", title: "Yoga", slots: [slot({ capacity: 20, registered: 6, attended: 6, noShow: 0 })] }] }),
      ),
    ).toEqual([]);
  });

  it("advises inviting earlier under half the expected headcount, and notes a budget overrun", () => {
    const out = recommendations(facts({ people: 40, bookedCents: 520_000 }));
    expect(out.map((r) => r.kind)).toEqual(["below_headcount", "over_budget"]);
    expect(out[0]?.text).toBe(
      "Nur 40 von 120 erwarteten Beschäftigten hatten einen Platz — früher und an alle Abteilungen und Standorte einladen",
    );
    expect(out[1]?.text).toMatch(/^Gebucht wurden 5\.200 € bei einem Budget von 5\.000 €/);
    // Without a headcount or a budget there is nothing to compare.
    expect(recommendations(facts({ people: 1, expectedHeadcount: null, budgetCents: null, bookedCents: 9_999_999 }))).toEqual([]);
  });

  it("computes the rates: no-show of everyone marked, utilization of the capacity", () => {
    expect(noShowRate({ attended: 0, noShow: 0 })).toBeNull();
    expect(noShowRate({ attended: 3, noShow: 1 })).toBe(0.25);
    expect(utilization({ registered: 5, capacity: 0 })).toBeNull();
    expect(utilization({ registered: 5, capacity: 20 })).toBe(0.25);
    expect(sumSlots([slot(), slot({ status: "cancelled" }), slot({ capacity: 5, registered: 5, waitlisted: 2 })])).toEqual({
      capacity: 15,
      registered: 13,
      waitlisted: 2,
      attended: 14,
      noShow: 2,
    });
  });
});
