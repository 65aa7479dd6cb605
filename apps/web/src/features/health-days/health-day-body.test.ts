import { describe, expect, it, vi } from "vitest";
import type { HealthDayDetail } from "./api/types";
import { createHealthDayBody, EMPTY_HEALTH_DAY, healthDayValues, parseLocations, updateHealthDayBody } from "./health-day-body";

vi.mock("../../lib/i18n", async () => ({ default: (await import("../../test/fake-i18n")).fakeI18n }));

const fit = { ...EMPTY_HEALTH_DAY, title: " Fit for Work ", startsOn: "2027-03-15", locations: "Foyer, Raum Elbe\nKantine\n\nFoyer" };

describe("parseLocations", () => {
  it("splits lines and commas, trims and drops blanks and repeats", () => {
    expect(parseLocations(" Foyer ,Raum Elbe\n\nKantine;Foyer")).toEqual(["Foyer", "Raum Elbe", "Kantine"]);
    expect(parseLocations("")).toEqual([]);
  });
});

describe("createHealthDayBody", () => {
  it("sends the brief's day: rooms as a list, the budget in cents, a one-day event without endsOn", () => {
    expect(createHealthDayBody({ ...fit, expectedHeadcount: 120, budgetEuros: 5000 })).toEqual({
      title: "Fit for Work",
      startsOn: "2027-03-15",
      locations: ["Foyer", "Raum Elbe", "Kantine"],
      expectedHeadcount: 120,
      budgetCents: 500_000,
      mode: "diy",
    });
  });

  it("names the responsible person and the last day when given", () => {
    expect(createHealthDayBody({ ...fit, endsOn: "2027-03-16", responsibleUserId: "u1", mode: "full_service" })).toMatchObject({
      endsOn: "2027-03-16",
      responsibleUserId: "u1",
      mode: "full_service",
      expectedHeadcount: null,
      budgetCents: null,
    });
  });

  it("refuses a form without title or date, and a last day before the first", () => {
    expect(createHealthDayBody({ ...fit, title: "  " })).toBe("incomplete");
    expect(createHealthDayBody({ ...fit, startsOn: "" })).toBe("incomplete");
    expect(createHealthDayBody({ ...fit, endsOn: "2027-03-14" })).toBe("endBeforeStart");
  });

  it("takes euros with cents exactly (no float drift)", () => {
    expect(createHealthDayBody({ ...fit, budgetEuros: 1450.1 })).toMatchObject({ budgetCents: 145_010 });
  });
});

const day = {
  title: "Fit for Work",
  startsOn: "2027-03-15",
  endsOn: "2027-03-15",
  locations: ["Foyer", "Kantine"],
  expectedHeadcount: 120,
  budgetCents: 500_000,
  mode: "diy",
  responsibleUserId: "u1",
} as HealthDayDetail;

describe("updateHealthDayBody", () => {
  it("sends nothing when nothing changed", () => {
    expect(updateHealthDayBody(healthDayValues(day), day)).toBeNull();
  });

  it("sends only the changed fields", () => {
    const v = { ...healthDayValues(day), budgetEuros: 6000, locations: "Foyer\nKantine\nRaum Elbe", expectedHeadcount: "" as const };
    expect(updateHealthDayBody(v, day)).toEqual({
      locations: ["Foyer", "Kantine", "Raum Elbe"],
      expectedHeadcount: null,
      budgetCents: 600_000,
    });
  });

  it("moves the last day with an extended event and clears the responsible person", () => {
    const v = { ...healthDayValues(day), endsOn: "2027-03-16", responsibleUserId: "" };
    expect(updateHealthDayBody(v, day)).toEqual({ endsOn: "2027-03-16", responsibleUserId: null });
  });
});
