import { CopsoqAnalysis, type ErgonomicAssessment, type InterventionPlan, type ParticipationStats, type ReportPdf } from "@bgm/domain";
import type { TFunction } from "i18next";
import { formatDate, formatNumber } from "../../../lib/format";
import type { OutputTypeKey } from "../api/types";

export interface Fact {
  label: string;
  value: string;
  /** Shown as a list below the label instead of one line. */
  items?: string[];
}

/*
 * The server validated every payload against its output type, so the shapes hold; the guards only
 * keep one malformed legacy row from breaking the whole page (a missing field shows as unreadable).
 */
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const period = (t: TFunction, p: { from: string; to: string } | undefined) =>
  p ? t("results.summary.periodValue", { from: formatDate(p.from), to: formatDate(p.to) }) : "";

/** Read with its schema: a payload that no longer fits it gives no facts rather than wrong ones. */
function copsoq(payload: Record<string, unknown>, t: TFunction): Fact[] | null {
  const parsed = CopsoqAnalysis.safeParse(payload);
  if (!parsed.success) return null;
  const p = parsed.data;
  // The schema admits no survey with fewer than the minimum group size responding, so never a division by 0.
  const rate = Math.round((p.respondingCount / p.invitedCount) * 100);
  const groups = p.groups;
  return [
    { label: t("results.summary.questionnaire"), value: p.questionnaireVersion },
    { label: t("results.summary.surveyPeriod"), value: period(t, p.surveyPeriod) },
    {
      label: t("results.summary.responses"),
      value: t("results.summary.responsesValue", {
        responding: formatNumber(p.respondingCount),
        invited: formatNumber(p.invitedCount),
        rate: formatNumber(rate),
      }),
    },
    { label: t("results.summary.scales"), value: formatNumber(p.scales.length) },
    {
      label: t("results.summary.groups"),
      value: groups.length === 0 ? t("results.summary.groupsNone") : groups.map((g) => `${g.name} (n = ${formatNumber(g.n)})`).join(", "),
    },
  ];
}

function plan(p: InterventionPlan, t: TFunction): Fact[] {
  const interventions = list<{ title: string }>(p.interventions);
  return [
    { label: t("results.summary.planTitle"), value: p.title },
    { label: t("results.summary.interventions", { count: interventions.length }), value: "", items: interventions.map((i) => i.title) },
  ];
}

function participation(p: ParticipationStats, t: TFunction): Fact[] {
  return [
    { label: t("results.summary.label"), value: p.label },
    { label: t("results.summary.period"), value: period(t, p.period) },
    {
      label: t("results.summary.attendance"),
      value: t("results.summary.attendanceValue", {
        rate: formatNumber(p.attendanceRate),
        attended: formatNumber(p.attendedCount),
        registered: formatNumber(p.registeredCount),
      }),
    },
  ];
}

function ergonomic(p: ErgonomicAssessment, t: TFunction): Fact[] {
  const findings = list<{ riskLevel: string }>(p.findings);
  const count = (level: string) => formatNumber(findings.filter((f) => f.riskLevel === level).length);
  const measures = list<{ title: string; dueDate: string }>(p.measures);
  const workplaces = list<{ name: string; count: number }>(p.workplaces);
  return [
    { label: t("results.summary.date"), value: formatDate(p.date) },
    { label: t("results.summary.assessor"), value: p.assessor },
    { label: t("results.summary.workplaces"), value: workplaces.map((w) => `${w.name} (${formatNumber(w.count)})`).join(", ") },
    {
      label: t("results.summary.findings"),
      value: t("results.summary.findingsValue", { high: count("high"), medium: count("medium"), low: count("low") }),
    },
    {
      label: t("results.summary.measures", { count: measures.length }),
      value: "",
      items: measures.map((m) => `${m.title} (${formatDate(m.dueDate)})`),
    },
  ];
}

function report(p: ReportPdf, t: TFunction): Fact[] {
  return [
    { label: t("results.summary.reportTitle"), value: p.title },
    { label: t("results.summary.reportSummary"), value: p.summary },
  ];
}

/** The few facts that tell a reader what a version says, per output type; null when unreadable. */
export function payloadFacts(type: OutputTypeKey, payload: Record<string, unknown>, t: TFunction): Fact[] | null {
  try {
    switch (type) {
      case "copsoq_analysis":
        return copsoq(payload, t);
      case "intervention_plan":
        return plan(payload as InterventionPlan, t);
      case "participation_stats":
        return participation(payload as ParticipationStats, t);
      case "ergonomic_assessment":
        return ergonomic(payload as ErgonomicAssessment, t);
      case "report_pdf":
        return report(payload as ReportPdf, t);
      default:
        return null;
    }
  } catch {
    return null;
  }
}
