import { organization } from "@bgm/db";
import type { HealthDayConsolidatedReport, HealthDayReport } from "@bgm/domain";
import { eq } from "drizzle-orm";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { countPeopleWithPlaces, minGroupSizeOf } from "../participation/index.js";
import { consolidate } from "./consolidated-report.js";
import { stationFeedback } from "./feedback.service.js";
import { loadHealthDay } from "./health-days.service.js";
import { noShowRate, recommendations, type SlotFigures, sumSlots, utilization } from "./report-recommendations.js";

/**
 * The post-event report of a health day, for the company's manager: attendance per station and slot
 * (places held, attended, no-show, waiting, the no-show rate), totals against the expected headcount,
 * costs against the budget, and the recommendations of report-recommendations.ts. Counts only — no name
 * is in it, so small counts may show (the report stays inside the company). Feedback is the exception: it
 * shows per station only once the company's minimum group size answered (ADR 0016). Cancelled slots are listed
 * but not summed. Readable at any status; before the day it is a forecast of the registrations.
 */
export async function healthDayReport(scope: TenantScope, id: string, now = new Date()): Promise<HealthDayReport> {
  const day = await loadHealthDay(scope, id);
  const figures = <T extends { capacity: number; registered: number; attended: number; noShow: number; waitlisted: number }>(f: T) => ({
    capacity: f.capacity,
    registered: f.registered,
    attended: f.attended,
    noShow: f.noShow,
    waitlisted: f.waitlisted,
    noShowRate: noShowRate(f),
    utilization: utilization(f),
  });
  const stations = day.modules.map((m) => {
    const slots: SlotFigures[] = m.slots.map((s) => ({
      slotId: s.id,
      startsAt: new Date(s.startsAt),
      status: s.status,
      capacity: s.capacity,
      registered: s.counts.registered,
      waitlisted: s.counts.waitlisted,
      attended: s.counts.attended,
      noShow: s.counts.noShow,
    }));
    return { m, slots };
  });
  const allSlots = stations.flatMap((s) => s.slots);
  const people = await countPeopleWithPlaces(
    scope,
    allSlots.filter((s) => s.status === "scheduled").map((s) => s.slotId),
  );
  const totals = sumSlots(allSlots);
  const minGroupSize = await minGroupSizeOf(scope.tx, scope.orgId);
  const feedback = await stationFeedback(
    scope,
    day.modules.map((m) => m.id),
    minGroupSize,
  );
  return {
    healthDayId: day.id,
    title: day.title,
    startsOn: day.startsOn,
    endsOn: day.endsOn,
    status: day.status,
    generatedAt: now.toISOString(),
    stations: stations.map(({ m, slots }) => ({
      moduleId: m.id,
      title: m.title,
      providerName: m.providerName,
      bookingStatus: m.bookingStatus,
      ...figures(sumSlots(slots)),
      slots: m.slots.map((s) => ({
        slotId: s.id,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        location: s.location,
        status: s.status,
        ...figures({ ...s.counts, capacity: s.capacity }),
      })),
      feedback: feedback.get(m.id) ?? { suppressed: true, answers: null, average: null, distribution: null, comments: [] },
    })),
    totals: {
      ...figures(totals),
      people,
      expectedHeadcount: day.expectedHeadcount,
      reachedShare: day.expectedHeadcount ? people / day.expectedHeadcount : null,
    },
    budget: day.budget,
    recommendations: recommendations({
      stations: stations.map(({ m, slots }) => ({ moduleId: m.id, title: m.title, slots })),
      people,
      expectedHeadcount: day.expectedHeadcount,
      budgetCents: day.budget.budgetCents,
      bookedCents: day.budget.bookedCents,
      plannedCents: day.budget.plannedCents,
    }),
    minGroupSize,
  };
}

/** The company's name, for the PDF's heading. */
export async function companyName(scope: TenantScope): Promise<string> {
  const [row] = await scope.tx.select({ name: organization.name }).from(organization).where(eq(organization.id, scope.orgId));
  return row?.name ?? "";
}

/**
 * The company's copy of the consolidated report of a full-service day: exactly what its planner reads
 * (consolidated-report.ts). 409 `no_planner` for a day not handed to a planner.
 */
export async function companyConsolidatedReport(scope: TenantScope, id: string, now = new Date()): Promise<HealthDayConsolidatedReport> {
  const day = await loadHealthDay(scope, id);
  if (!day.planner) {
    throw new AppError("no_planner", "Only a full-service day handed to a planner has a consolidated report", {}, 409);
  }
  const report = await healthDayReport(scope, id, now);
  return consolidate(report, {
    engagementId: day.planner.engagementId,
    companyName: await companyName(scope),
    plannerName: day.planner.name,
  });
}
