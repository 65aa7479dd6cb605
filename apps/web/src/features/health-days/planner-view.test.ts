import { describe, expect, it } from "vitest";
import type { EngagementSummaryItem, OfferingItem } from "./api/planner";
import { approvalMarks, fullServiceBookings, plannerCatalogEntries } from "./planner-view";

const engagement = (id: string, offeringId: string, status: string) => ({ id, offeringId, status }) as EngagementSummaryItem;
const offering = (
  id: string,
  providerOrgId: string,
  category: string,
  deliveryMode: string,
  priceFromCents: number,
  status = "published",
) => ({ id, title: id, providerOrgId, category, deliveryMode, priceFromCents, status }) as OfferingItem;

describe("fullServiceBookings", () => {
  it("keeps running bookings of full-service offerings, once each", () => {
    const list = [
      engagement("a", "fs", "accepted"),
      engagement("b", "fs", "in_progress"),
      engagement("c", "fs", "quoted"),
      engagement("d", "kurs", "accepted"),
      engagement("a", "fs", "accepted"),
    ];
    expect(fullServiceBookings(list, ["fs"]).map((e) => e.id)).toEqual(["a", "b"]);
    expect(fullServiceBookings(list, [])).toEqual([]);
  });
});

describe("approvalMarks", () => {
  it("marks the planner's stations and their approval, nothing for the company's own", () => {
    expect(approvalMarks({ approval: "not_required", addedByPlanner: false })).toEqual([]);
    expect(approvalMarks({ approval: "not_required", addedByPlanner: true })).toEqual(["byPlanner"]);
    expect(approvalMarks({ approval: "pending", addedByPlanner: true })).toEqual(["pending", "byPlanner"]);
    expect(approvalMarks({ approval: "approved", addedByPlanner: true })).toEqual(["approved", "byPlanner"]);
    expect(approvalMarks({ approval: "rejected", addedByPlanner: true })).toEqual(["rejected", "byPlanner"]);
  });
});

describe("plannerCatalogEntries", () => {
  const offerings = [
    offering("yoga", "org-b", "movement", "on_site", 30_000),
    offering("ruecken", "org-c", "health_day_module", "on_site", 95_000),
    offering("eigenes", "org-planner", "health_day_module", "on_site", 10_000),
    offering("full", "org-d", "full_service_health_day", "on_site", 0),
    offering("umfrage", "org-e", "survey", "remote", 5_000),
    offering("entwurf", "org-f", "health_day_module", "on_site", 5_000, "draft"),
  ];

  it("offers other providers' published health-day and on-site offerings, modules first, with the approval the limit asks", () => {
    const day = { modules: [{ offeringId: "yoga" }], planner: { organizationId: "org-planner", approvalLimitCents: 50_000 } };
    const entries = plannerCatalogEntries(offerings, day);
    expect(entries.map((e) => e.offering.id)).toEqual(["ruecken", "yoga"]);
    expect(entries.map((e) => [e.added, e.needsApproval])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it("without a limit every station needs approval", () => {
    const day = { modules: [], planner: { organizationId: "org-planner", approvalLimitCents: null } };
    expect(plannerCatalogEntries(offerings, day).every((e) => e.needsApproval)).toBe(true);
  });
});
