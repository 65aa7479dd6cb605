import type { Tx } from "@bgm/db";
import {
  type AttendanceFigure,
  type AttendanceReport,
  type AttendanceReportQuery,
  type DisclosureSettings,
  GKV_FIELDS_OF_ACTION,
  INTERVENTION_APPROACHES,
  type InsurerParticipation,
  interventionFamilyDisclosure,
  MAX_MIN_GROUP_SIZE,
  MIN_GROUP_SIZE,
  OFFERING_CATEGORIES,
  type PartnerParticipation,
  type PeopleReport,
  type PeopleReportQuery,
  type PlacesCell,
  type ProtectedCount,
  peopleDisclosure,
  periodDisclosure,
  quarterOf,
  sessionsDisclosure,
  WITHHELD,
} from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import type { ComputedKpiCard } from "../bgm-process/index.js";
import { employeeGroups } from "../employees/index.js";
import {
  addMonths,
  berlinMonth,
  firstDay,
  lastDay,
  monthLabel,
  monthsBetween,
  monthsOfQuarter,
  quarterEndMonth,
  quarterLabel,
  quarterStartMonth,
} from "./aggregates.period.js";
import * as repo from "./aggregates.repository.js";

/**
 * The one producer of participation figures that leave the company (ADR 0013): the partner's view and API,
 * the company's reports, the insurer report's figures and the KPI card. Every figure goes through the
 * disclosure rules of @bgm/domain (participation-disclosure / participation-figures) with the company's
 * minimum group size; nothing here returns a name, an e-mail address, an employee id or a per-person row.
 */

type Label = { de: string; en: string };

// ---------------------------------------------------------------- settings

/** The company's minimum group size: its raised value, never below MIN_GROUP_SIZE. */
export async function minGroupSizeOf(tx: Tx, orgId: string): Promise<number> {
  const row = await repo.findSettings(tx, orgId);
  return Math.max(MIN_GROUP_SIZE, row?.minGroupSize ?? MIN_GROUP_SIZE);
}

export async function disclosureSettings(scope: TenantScope): Promise<DisclosureSettings> {
  const row = await repo.findSettings(scope.tx, scope.orgId);
  return {
    minGroupSize: Math.max(MIN_GROUP_SIZE, row?.minGroupSize ?? MIN_GROUP_SIZE),
    defaultMinGroupSize: MIN_GROUP_SIZE,
    maxMinGroupSize: MAX_MIN_GROUP_SIZE,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}

/** Raises the minimum group size; asking for a lower one is refused (figures once withheld stay withheld). */
export async function raiseMinGroupSize(scope: TenantScope, minGroupSize: number): Promise<DisclosureSettings> {
  const current = await minGroupSizeOf(scope.tx, scope.orgId);
  if (minGroupSize < current) {
    throw AppError.conflict(`The minimum group size can only be raised (it is ${current})`, {
      reason: "min_group_size_lower",
      current,
    });
  }
  if (minGroupSize !== current) {
    await repo.upsertMinGroupSize(scope.tx, scope.orgId, minGroupSize, scope.userId);
    await scope.audit({
      action: "participation.min_group_size_raised",
      entityType: "participation_settings",
      entityId: scope.orgId,
      details: { from: current, to: minGroupSize },
    });
  }
  return disclosureSettings(scope);
}

// ---------------------------------------------------------------- partner view

const toPartnerFigure = (f: AttendanceFigure) => ({
  attendedCount: f.attendedCount,
  registeredCount: f.registeredCount,
  attendanceRate: f.attendanceRate,
  suppressed: f.suppressed,
});

/** A session with a column of 1 … min−1 places: the disclosure rule needs to know who they are. */
const isSmall = (r: { attended: number; notAttended: number }, min: number) =>
  (r.attended > 0 && r.attended < min) || (r.notAttended > 0 && r.notAttended < min);

/**
 * What the provider of `engagementId` may see about the company's interventions run under it: per session
 * and per intervention attended / registered / rate, coarsened per intervention. Runs in the company's
 * tenant transaction; the caller has checked that the engagement is the provider's, and logs the read in the
 * company's access log before it answers (servedRecordCount). `keyChecked`: the transaction began with the
 * partner key's check (withTenantTx's preamble), and the statement reads only if that found an active key of
 * `keyChecked.providerOrgId`; otherwise the answer is empty and the caller refuses.
 */
export async function partnerParticipation(
  tx: Tx,
  orgId: string,
  engagementId: string,
  opts: { keyChecked?: { providerOrgId: string } } = {},
): Promise<PartnerParticipation> {
  const rows = await repo.engagementSessionPlaces(tx, orgId, engagementId, MIN_GROUP_SIZE, opts);
  // The statement answers at least one row, with the minimum group size (an engagement without interventions
  // is that one row): the read is one statement, whatever is there.
  const min = rows[0]?.minGroupSize ?? MIN_GROUP_SIZE;
  const byIntervention = new Map<string, typeof rows>();
  for (const r of rows) {
    if (r.interventionId === null) continue;
    // Appended in place: copying the list for every row allocated a new array per session on each partner read.
    const list = byIntervention.get(r.interventionId);
    if (list) list.push(r);
    else byIntervention.set(r.interventionId, [r]);
  }
  const interventions: PartnerParticipation["interventions"] = [];
  for (const [interventionId, list] of byIntervention) {
    const first = list[0] as (typeof rows)[number];
    const sessions = list.filter((r) => r.sessionId !== null);
    const cells: PlacesCell[] = sessions.map((r) => {
      if (!isSmall(r, min)) return { key: r.sessionId as string, attended: r.attended, notAttended: r.notAttended };
      // The statement names the people of exactly these sessions; coarsening without them would count a
      // person twice, so a missing list is a bug, never a reason to publish.
      if (!r.attendedPeople || !r.notAttendedPeople) throw new Error("participation: people of a small session missing");
      return {
        key: r.sessionId as string,
        attended: r.attended,
        notAttended: r.notAttended,
        attendedPeople: r.attendedPeople,
        notAttendedPeople: r.notAttendedPeople,
      };
    });
    const d = sessionsDisclosure(cells, min);
    interventions.push({
      interventionId,
      title: first.title,
      category: first.category as PartnerParticipation["interventions"][number]["category"],
      ...toPartnerFigure(d.total),
      sessions: sessions.map((r) => {
        const f = d.cells.get(r.sessionId as string) as AttendanceFigure & { combinedGroup: string | null };
        return {
          sessionId: r.sessionId as string,
          startsAt: (r.startsAt as Date).toISOString(),
          endsAt: (r.endsAt as Date).toISOString(),
          ...toPartnerFigure(f),
          combinedGroup: f.combinedGroup,
        };
      }),
      combinedGroups: d.combinedGroups.map((g) => ({ label: g.label, sessionIds: g.keys, ...toPartnerFigure(g) })),
    });
  }
  return { engagementId, minGroupSize: min, interventions };
}

/** The records a partner read serves, for its access-log entry: one per intervention and one per session. */
export const servedRecordCount = (answer: PartnerParticipation) => answer.interventions.reduce((n, i) => n + 1 + i.sessions.length, 0);

// ---------------------------------------------------------------- people (company reports, insurer)

const categoryLabel = (key: string): Label => {
  const c = OFFERING_CATEGORIES.find((x) => x.key === key);
  return c ? { ...c.label } : { de: key, en: key };
};
const fieldLabel = (key: string): Label => {
  const f = GKV_FIELDS_OF_ACTION.find((x) => x.key === key);
  return f ? { ...f.label } : { de: key, en: key };
};
const approachLabel = (key: string): Label => {
  const a = INTERVENTION_APPROACHES.find((x) => x.key === key);
  return a ? { ...a.label } : { de: key, en: key };
};
const groupLabel = (name: string, kind: "department" | "location"): Label =>
  name.trim()
    ? { de: name, en: name }
    : kind === "department"
      ? { de: "Ohne Abteilung", en: "No department" }
      : { de: "Ohne Standort", en: "No location" };

/** The element of a person's hits that stands for attending any health-day station. */
const HEALTH_DAY_ATTENDANCE = "health_day";

type PeriodIntervention = Awaited<ReturnType<typeof repo.interventionsInPeriod>>[number];

/** Everything the people figures of one period are computed from, and the one family they come from. */
async function peopleOfPeriod(tx: Tx, orgId: string, from: string, to: string) {
  const min = await minGroupSizeOf(tx, orgId);
  const interventions = await repo.interventionsInPeriod(tx, orgId, from, to);
  const pairs = await repo.attendancePairs(tx, orgId, from, to);
  const hitsByPerson = new Map<string, string[]>();
  // A health day's slot is a session without an intervention (ADR 0014): its attendees are people reached,
  // counted once with everything else they attended, but belong to no intervention, category or field.
  for (const p of pairs) {
    hitsByPerson.set(p.employeeId, [...(hitsByPerson.get(p.employeeId) ?? []), p.interventionId ?? HEALTH_DAY_ATTENDANCE]);
  }
  const family = interventionFamilyDisclosure(interventions, [...hitsByPerson.values()], min, [HEALTH_DAY_ATTENDANCE]);
  return { min, interventions, attendees: new Set(hitsByPerson.keys()), family };
}

const idsWhere = (list: readonly PeriodIntervention[], pred: (i: PeriodIntervention) => boolean) =>
  list
    .filter(pred)
    .map((i) => i.id)
    .sort();
const sessionsWhere = (list: readonly PeriodIntervention[], pred: (i: PeriodIntervention) => boolean) =>
  list.filter(pred).reduce((s, i) => s + i.sessions, 0);
const distinctKeys = (list: readonly PeriodIntervention[], pick: (i: PeriodIntervention) => string) => [...new Set(list.map(pick))].sort();
const figureOr = (m: Map<string, ProtectedCount>, key: string): ProtectedCount => m.get(key) ?? WITHHELD;

/** The company's report of people who took part, grouped by one dimension (manager only). */
export async function peopleReport(scope: TenantScope, q: PeopleReportQuery): Promise<PeopleReport> {
  const { min, interventions, attendees, family } = await peopleOfPeriod(scope.tx, scope.orgId, q.from, q.to);
  const allIds = idsWhere(interventions, () => true);
  const allSessions = sessionsWhere(interventions, () => true);
  const base = {
    period: { from: q.from, to: q.to },
    groupBy: q.groupBy,
    minGroupSize: min,
    peopleReached: family.peopleReached,
    interventionIds: allIds,
  };
  const plain = (key: string, label: Label, ids: string[], sessions: number, participants: ProtectedCount) => ({
    key,
    label,
    interventionIds: ids,
    sessions,
    participants,
    nonParticipants: null,
    participationRate: null,
    combinedGroup: null,
  });

  if (q.groupBy === "department" || q.groupBy === "location") {
    const kind = q.groupBy;
    const employees = await employeeGroups(scope);
    const cells = new Map<string, { key: string; participants: number; nonParticipants: number }>();
    for (const e of employees) {
      const key = kind === "department" ? e.department : e.location;
      const cell = cells.get(key) ?? { key, participants: 0, nonParticipants: 0 };
      if (attendees.has(e.id)) cell.participants += 1;
      else if (e.active) cell.nonParticipants += 1;
      cells.set(key, cell);
    }
    const list = [...cells.values()].filter((c) => c.participants + c.nonParticipants > 0).sort((a, b) => a.key.localeCompare(b.key));
    const d = peopleDisclosure(list, min);
    const rows = list.map((c) => {
      const f = d.cells.get(c.key) as NonNullable<ReturnType<typeof d.cells.get>>;
      return {
        key: c.key,
        label: groupLabel(c.key, kind),
        // A department's rate is about all interventions of the period: which ones its people chose is not shown.
        interventionIds: allIds,
        sessions: allSessions,
        participants: f.participants,
        nonParticipants: f.nonParticipants,
        participationRate: f.participationRate,
        combinedGroup: f.combinedGroup,
      };
    });
    const ranked = rows
      .filter((r) => r.participationRate !== null)
      .sort((a, b) => (a.participationRate as number) - (b.participationRate as number));
    const lowest = ranked[0];
    return {
      ...base,
      rows,
      combinedGroups: d.combinedGroups.map((g) => ({
        label: g.label,
        keys: g.keys,
        participants: g.participants,
        nonParticipants: g.nonParticipants,
        participationRate: g.participationRate,
      })),
      lowestParticipation: lowest ? { key: lowest.key, label: lowest.label, participationRate: lowest.participationRate as number } : null,
    };
  }

  let rows: PeopleReport["rows"];
  if (q.groupBy === "intervention") {
    rows = interventions.map((i) => plain(i.id, { de: i.title, en: i.title }, [i.id], i.sessions, figureOr(family.byIntervention, i.id)));
  } else {
    const pick =
      q.groupBy === "category"
        ? (i: PeriodIntervention) => i.category
        : q.groupBy === "fieldOfAction"
          ? (i: PeriodIntervention) => i.fieldOfAction
          : (i: PeriodIntervention) => i.approach;
    const figures =
      q.groupBy === "category" ? family.byCategory : q.groupBy === "fieldOfAction" ? family.byFieldOfAction : family.byApproach;
    const label = q.groupBy === "category" ? categoryLabel : q.groupBy === "fieldOfAction" ? fieldLabel : approachLabel;
    rows = distinctKeys(interventions, pick).map((k) =>
      plain(
        k,
        label(k),
        idsWhere(interventions, (i) => pick(i) === k),
        sessionsWhere(interventions, (i) => pick(i) === k),
        figureOr(figures, k),
      ),
    );
  }
  return { ...base, rows, combinedGroups: [], lowestParticipation: null };
}

/**
 * The participation figures an insurer report needs (§20b SGB V, the dimensions of the GKV
 * Präventionsbericht), suppression applied: people reached, per intervention (with its category, field of
 * action, approach, provider and sessions), per category, per field of action, behavioural vs structural.
 * Aggregates only. The same figures as the company's people report for the same period.
 */
export async function participationReport(scope: TenantScope, period: { from: string; to: string }): Promise<InsurerParticipation> {
  const { min, interventions, family } = await peopleOfPeriod(scope.tx, scope.orgId, period.from, period.to);
  type Category = InsurerParticipation["byCategory"][number]["category"];
  type Field = InsurerParticipation["byFieldOfAction"][number]["fieldOfAction"];
  type Approach = InsurerParticipation["byApproach"][number]["approach"];
  return {
    period: { from: period.from, to: period.to },
    minGroupSize: min,
    peopleReached: family.peopleReached,
    interventions: interventions.length,
    sessions: sessionsWhere(interventions, () => true),
    byIntervention: interventions.map((i) => ({
      interventionId: i.id,
      title: i.title,
      category: i.category as Category,
      fieldOfAction: i.fieldOfAction as Field,
      approach: i.approach,
      targetGroup: i.targetGroup,
      certificationId: i.certificationId,
      provider: i.providerOrgId && i.providerName ? { orgId: i.providerOrgId, name: i.providerName } : null,
      sessions: i.sessions,
      firstSession: i.firstSession.toISOString(),
      lastSession: i.lastSession.toISOString(),
      participants: figureOr(family.byIntervention, i.id),
    })),
    byCategory: distinctKeys(interventions, (i) => i.category).map((k) => ({
      category: k as Category,
      interventionIds: idsWhere(interventions, (i) => i.category === k),
      participants: figureOr(family.byCategory, k),
    })),
    byFieldOfAction: distinctKeys(interventions, (i) => i.fieldOfAction).map((k) => ({
      fieldOfAction: k as Field,
      interventionIds: idsWhere(interventions, (i) => i.fieldOfAction === k),
      participants: figureOr(family.byFieldOfAction, k),
    })),
    byApproach: distinctKeys(interventions, (i) => i.approach).map((k) => ({
      approach: k as Approach,
      interventionIds: idsWhere(interventions, (i) => i.approach === k),
      participants: figureOr(family.byApproach, k),
    })),
  };
}

// ---------------------------------------------------------------- attendance over time (reports, KPI card)

/**
 * Attendance per month of the months `first` … `last`, computed over whole quarters so that a month answers
 * the same in every report and on the KPI card, whatever period is asked for.
 */
async function monthsOf(tx: Tx, orgId: string, first: string, last: string) {
  const min = await minGroupSizeOf(tx, orgId);
  const from = quarterStartMonth(first);
  const to = quarterEndMonth(last);
  const rows = await repo.monthPlaces(tx, orgId, firstDay(from), lastDay(to), min);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const cells: PlacesCell[] = monthsBetween(from, to).map((m) => {
    const r = byMonth.get(m);
    if (!r) return { key: m, attended: 0, notAttended: 0 };
    return {
      key: m,
      attended: r.attended,
      notAttended: r.notAttended,
      attendedDistinct: r.attendedDistinct,
      notAttendedDistinct: r.notAttendedDistinct,
      attendedPeople: r.attendedPeople ?? undefined,
      notAttendedPeople: r.notAttendedPeople ?? undefined,
    };
  });
  return { min, byMonth, disclosure: periodDisclosure(cells, min) };
}

export async function attendanceReport(scope: TenantScope, q: AttendanceReportQuery): Promise<AttendanceReport> {
  const first = q.from.slice(0, 7);
  const last = q.to.slice(0, 7);
  const { min, byMonth, disclosure } = await monthsOf(scope.tx, scope.orgId, first, last);
  const months = monthsBetween(first, last);
  const figure = (f: AttendanceFigure | undefined) =>
    toPartnerFigure(f ?? { attendedCount: 0, registeredCount: 0, attendanceRate: null, suppressed: false });
  const summary = (keys: string[]) => {
    const rs = keys.map((m) => byMonth.get(m)).filter((r) => r !== undefined);
    return {
      interventionIds: [...new Set(rs.flatMap((r) => r.interventionIds ?? []))].filter((x): x is string => x !== null).sort(),
      sessions: rs.reduce((sum, r) => sum + r.sessions, 0),
    };
  };
  const rows =
    q.groupBy === "month"
      ? months.map((m) => ({ key: m, label: monthLabel(m), ...summary([m]), ...figure(disclosure.months.get(m)) }))
      : [...new Set(months.map(quarterOf))].map((qk) => ({
          key: qk,
          label: quarterLabel(qk),
          ...summary(monthsOfQuarter(qk)),
          ...figure(disclosure.quarters.get(qk)),
        }));
  return { period: { from: q.from, to: q.to }, groupBy: q.groupBy, minGroupSize: min, rows };
}

export const PARTICIPATION_KPI_KEY = "participation_rate";

/**
 * The company's own attendance rate per month over the last twelve months (in %, exact), beside the
 * participation statistics partners upload; months whose figures are withheld are named, not shown.
 */
export async function participationKpiCard(scope: TenantScope, now = new Date()): Promise<ComputedKpiCard | null> {
  const last = berlinMonth(now);
  const first = addMonths(last, -11);
  const { byMonth, disclosure } = await monthsOf(scope.tx, scope.orgId, first, last);
  const months = monthsBetween(first, last).filter((m) => (byMonth.get(m)?.sessions ?? 0) > 0);
  if (months.length === 0) return null;
  const trend: ComputedKpiCard["trend"] = [];
  const withheld: string[] = [];
  for (const m of months) {
    const f = disclosure.months.get(m);
    if (!f || f.registeredCount === 0) continue;
    if (f.attendanceRate === null || f.attendedCount === null || f.registeredCount === null) {
      withheld.push(m);
      continue;
    }
    trend.push({ label: m, value: f.attendanceRate * 100, counts: { registered: f.registeredCount, attended: f.attendedCount } });
  }
  const latest = trend[trend.length - 1];
  return {
    key: PARTICIPATION_KPI_KEY,
    title: { de: "Teilnahmequote (eigene Erfassung)", en: "Attendance rate (own records)" },
    value: latest ? latest.value : null,
    unit: "%",
    trend,
    counts: latest ? latest.counts : null,
    withheld,
  };
}
