import type { ConsolidatedStation, HealthDayConsolidatedReport, HealthDayReport } from "@bgm/domain";

/**
 * The consolidated report of a full-service day (issue 13, 4.5): one report for the whole day that the
 * planner hands back to the company and the company reads as the planner does. It is the post-event report
 * with what a partner may not see taken out: no figures per slot, and attendance only for groups of at
 * least the company's minimum group size (promise 2).
 *
 * Attendance per station is withheld below the minimum group size. As in ADR 0007, withheld stations must
 * not be computable as the total minus the shown ones: while the withheld stations together are still a
 * group below the minimum, the next smallest station joins them. A station where nobody was marked yet
 * discloses nothing and stays shown (0). Below the minimum as a whole, no attendance is shown at all.
 */

/** Which stations' attendance to withhold, given how many people were marked (attended or no-show) at each. */
export function withheldStations(marked: readonly number[], minGroupSize: number): boolean[] {
  const withheld = marked.map((n) => n > 0 && n < minGroupSize);
  let group = marked.reduce((sum, n, i) => sum + (withheld[i] ? n : 0), 0);
  const rest = marked
    .map((n, i) => ({ n, i }))
    .filter(({ n, i }) => n > 0 && !withheld[i])
    .sort((a, b) => a.n - b.n);
  while (group > 0 && group < minGroupSize && rest.length > 0) {
    const next = rest.shift() as { n: number; i: number };
    withheld[next.i] = true;
    group += next.n;
  }
  return withheld;
}

export function consolidate(
  r: HealthDayReport,
  who: { engagementId: string; companyName: string; plannerName: string },
): HealthDayConsolidatedReport {
  const k = r.minGroupSize;
  const withheld = withheldStations(
    r.stations.map((s) => s.attended + s.noShow),
    k,
  );
  const stations: ConsolidatedStation[] = r.stations.map((s, i) => ({
    moduleId: s.moduleId,
    title: s.title,
    providerName: s.providerName,
    bookingStatus: s.bookingStatus,
    capacity: s.capacity,
    registered: s.registered,
    waitlisted: s.waitlisted,
    utilization: s.utilization,
    attendanceSuppressed: withheld[i] === true,
    attended: withheld[i] ? null : s.attended,
    noShow: withheld[i] ? null : s.noShow,
    noShowRate: withheld[i] ? null : s.noShowRate,
    feedback: s.feedback,
  }));
  const t = r.totals;
  const totalMarked = t.attended + t.noShow;
  const totalWithheld = totalMarked > 0 && totalMarked < k;
  const peopleWithheld = t.people > 0 && t.people < k;
  const suppressedIds = new Set(stations.filter((s) => s.attendanceSuppressed).map((s) => s.moduleId));
  return {
    healthDayId: r.healthDayId,
    engagementId: who.engagementId,
    title: r.title,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    status: r.status,
    companyName: who.companyName,
    plannerName: who.plannerName,
    generatedAt: r.generatedAt,
    minGroupSize: k,
    stations,
    totals: {
      capacity: t.capacity,
      registered: t.registered,
      waitlisted: t.waitlisted,
      utilization: t.utilization,
      attendanceSuppressed: totalWithheld,
      attended: totalWithheld ? null : t.attended,
      noShow: totalWithheld ? null : t.noShow,
      noShowRate: totalWithheld ? null : t.noShowRate,
      people: peopleWithheld ? null : t.people,
      expectedHeadcount: t.expectedHeadcount,
      reachedShare: peopleWithheld ? null : t.reachedShare,
    },
    budget: r.budget,
    // A reminder advice rests on a station's no-show rate, the headcount advice on the number of people.
    recommendations: r.recommendations.filter(
      (x) =>
        !(x.kind === "send_reminder" && x.moduleId !== null && suppressedIds.has(x.moduleId)) &&
        !(x.kind === "below_headcount" && peopleWithheld),
    ),
  };
}
