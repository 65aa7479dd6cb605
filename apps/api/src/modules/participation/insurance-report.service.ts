import {
  companySizeClass,
  GKV_FIELDS_OF_ACTION,
  INTERVENTION_APPROACHES,
  type InsuranceReport,
  OFFERING_CATEGORIES,
  PARTICIPATION_TIME_ZONE,
  type Task,
  wzSection,
} from "@bgm/domain";
import { germanDate } from "../../lib/pdf.js";
import type { TenantScope } from "../../lib/request-context.js";
import { getProject } from "../bgm-process/index.js";
import { countEmployees } from "../employees/index.js";
import { getCompanyProfile } from "../organizations/index.js";
import { type AcceptedAnalysis, acceptedAnalyses } from "../results/index.js";
import { participationReport } from "./aggregates.service.js";

/**
 * The insurer report for §20b SGB V in the dimensions of the GKV-Präventionsbericht. It leaves the company,
 * so it holds aggregates only: people counts come from the aggregation (suppressed below the minimum group
 * size), everything else is about the company and its process, never about a person.
 */

const NEEDS = [
  {
    method: "employee_survey",
    task: "employee_survey",
    result: "copsoq_analysis",
    label: { de: "Mitarbeiterbefragung", en: "Employee survey" },
  },
  {
    method: "psychological_risk_assessment",
    task: "risk_assessment_psychological",
    result: null,
    label: { de: "Gefährdungsbeurteilung psychischer Belastung", en: "Risk assessment of psychological strain" },
  },
  {
    method: "sick_leave_analysis",
    task: "sick_leave_analysis",
    result: null,
    label: { de: "Analyse der AU-Daten", en: "Sick-leave analysis" },
  },
  {
    method: "ergonomic_assessment",
    task: "ergonomic_workplace_check",
    result: "ergonomic_assessment",
    label: { de: "Ergonomische Arbeitsplatzbeurteilung", en: "Ergonomic workplace assessment" },
  },
] as const;

const SUCCESS_LABELS = {
  effectiveness_measured: {
    de: "Wirksamkeit gemessen (Kennzahlen mit den Zielen verglichen)",
    en: "Effectiveness measured against the goals",
  },
  goals_reviewed: { de: "Ziele überprüft", en: "Goals reviewed" },
  attendance_documented: { de: "Teilnahme dokumentiert", en: "Participation documented" },
  ergonomic_recheck: { de: "Wirksamkeitskontrolle der ergonomischen Maßnahmen", en: "Effectiveness check of ergonomic measures" },
} as const;

const ALL_EMPLOYEES = "Alle Beschäftigten";
/** A timestamp's calendar day in Europe/Berlin, as YYYY-MM-DD. */
const berlinDay = (iso: string) => new Intl.DateTimeFormat("en-CA", { timeZone: PARTICIPATION_TIME_ZONE }).format(new Date(iso));

function evidenceOf(a: AcceptedAnalysis) {
  const detail = a.copsoq
    ? `${a.copsoq.respondingCount} von ${a.copsoq.invitedCount} Beschäftigten haben geantwortet (${a.copsoq.questionnaireVersion}, ${germanDate(a.copsoq.surveyFrom)}–${germanDate(a.copsoq.surveyTo)})`
    : a.ergonomic
      ? `${a.ergonomic.workplaces} Arbeitsplatzbereiche beurteilt, ${a.ergonomic.findings} Befunde, ${a.ergonomic.measures} Maßnahmen`
      : "";
  return { label: a.label, provider: a.providerName, date: a.date, detail };
}

function taskDone(tasks: readonly Task[], key: string) {
  const t = tasks.find((x) => x.key === key);
  return { done: t?.status === "done", completedAt: t?.completedAt ? berlinDay(t.completedAt) : null, results: t?.results ?? [] };
}

export async function buildInsuranceReport(
  scope: TenantScope,
  period: { from: string; to: string },
  now = new Date(),
): Promise<InsuranceReport> {
  // Sequential on purpose: a transaction's queries share one connection.
  const profile = await getCompanyProfile(scope);
  const { active: headCount } = await countEmployees(scope);
  // Every people count comes from the aggregation service, suppression applied (ADR 0013).
  const figures = await participationReport(scope, period);
  const interventions = figures.byIntervention;
  const project = await getProject(scope);
  const analyses = await acceptedAnalyses(scope);

  const industry = wzSection(profile.industry);
  const size = companySizeClass(headCount);
  const reached = figures.peopleReached;

  const targetGroups = new Map<string, number>();
  for (const i of interventions) {
    const label = i.targetGroup.trim() || ALL_EMPLOYEES;
    targetGroups.set(label, (targetGroups.get(label) ?? 0) + 1);
  }

  const steering = taskDone(project.tasks, "form_steering_group");
  const effectiveness = taskDone(project.tasks, "measure_effectiveness");
  const goals = project.goals;
  const achieved = goals.filter((g) => g.status === "achieved").length;
  const dropped = goals.filter((g) => g.status === "dropped").length;
  const rechecks = analyses.filter((a) => a.ergonomic?.effectivenessCheck);
  const sessionsHeld = figures.sessions;

  return {
    generatedAt: now.toISOString(),
    period,
    company: {
      name: profile.name,
      industry: industry ? { key: industry.key, label: industry.label } : null,
      headCount,
      sizeClass: size ? { key: size.key, label: size.label } : null,
    },
    minGroupSize: figures.minGroupSize,
    reach: {
      peopleReached: reached,
      interventions: figures.interventions,
      sessions: sessionsHeld,
      reachRate: !reached.suppressed && reached.value && headCount > 0 ? reached.value / headCount : null,
    },
    targetGroups: [...targetGroups]
      .map(([label, count]) => ({ label, interventions: count }))
      .sort((a, b) => b.interventions - a.interventions || a.label.localeCompare(b.label, "de")),
    fieldsOfAction: GKV_FIELDS_OF_ACTION.filter((f) => interventions.some((i) => i.fieldOfAction === f.key)).map((f) => ({
      key: f.key,
      field: f.field,
      label: f.label,
      interventions: interventions.filter((i) => i.fieldOfAction === f.key).length,
      participants: figures.byFieldOfAction.find((x) => x.fieldOfAction === f.key)?.participants ?? { value: 0, suppressed: false },
    })),
    approaches: INTERVENTION_APPROACHES.filter((a) => interventions.some((i) => i.approach === a.key)).map((a) => ({
      key: a.key,
      label: a.label,
      interventions: interventions.filter((i) => i.approach === a.key).length,
      participants: figures.byApproach.find((x) => x.approach === a.key)?.participants ?? { value: 0, suppressed: false },
    })),
    steeringCommittee: { exists: steering.done, since: steering.done ? steering.completedAt : null },
    needsAnalysis: NEEDS.map((n) => {
      const evidence = analyses.filter((a) => a.outputType === n.result).map(evidenceOf);
      return { method: n.method, label: n.label, done: taskDone(project.tasks, n.task).done || evidence.length > 0, evidence };
    }),
    successCheck: [
      {
        method: "effectiveness_measured",
        label: SUCCESS_LABELS.effectiveness_measured,
        done: effectiveness.done,
        detail: effectiveness.done
          ? [
              `erledigt am ${effectiveness.completedAt ? germanDate(effectiveness.completedAt) : "–"}`,
              ...effectiveness.results.map((r) => r.label),
            ].join("; ")
          : "offen",
      },
      {
        method: "goals_reviewed",
        label: SUCCESS_LABELS.goals_reviewed,
        done: goals.length > 0 && achieved + dropped > 0,
        detail:
          goals.length === 0
            ? "keine Ziele festgelegt"
            : `${goals.length} Ziele: ${achieved} erreicht, ${goals.length - achieved - dropped} in Arbeit, ${dropped} verworfen`,
      },
      {
        method: "attendance_documented",
        label: SUCCESS_LABELS.attendance_documented,
        done: sessionsHeld > 0,
        detail: `Anwesenheit bei ${sessionsHeld} Terminen von ${interventions.length} Maßnahmen erfasst`,
      },
      {
        method: "ergonomic_recheck",
        label: SUCCESS_LABELS.ergonomic_recheck,
        done: rechecks.length > 0,
        detail:
          rechecks.length > 0 ? rechecks.map((a) => `${a.label} (${a.providerName ?? "–"}, ${germanDate(a.date)})`).join("; ") : "keine",
      },
    ],
    interventions: interventions.map((i) => ({
      interventionId: i.interventionId,
      title: i.title,
      category: i.category,
      categoryLabel: OFFERING_CATEGORIES.find((c) => c.key === i.category)?.label ?? { de: i.category, en: i.category },
      fieldOfAction: i.fieldOfAction,
      approach: i.approach,
      targetGroup: i.targetGroup.trim() || ALL_EMPLOYEES,
      provider: i.provider?.name ?? null,
      certificationId: i.certificationId,
      sessions: i.sessions,
      firstSession: berlinDay(i.firstSession),
      lastSession: berlinDay(i.lastSession),
      participants: i.participants,
    })),
  };
}

/** The audit entry of an export: what left the company, in which format, for which period. */
export async function auditExport(scope: TenantScope, format: string, period: { from: string; to: string }, report: InsuranceReport) {
  await scope.audit({
    action: "participation.insurance_report_exported",
    entityType: "insurance_report",
    details: { format, from: period.from, to: period.to, interventions: report.interventions.length },
  });
}
