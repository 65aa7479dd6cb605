import type { GbuStepKey, OutputPayload, OutputTypeKey, ResultSource } from "@bgm/domain";
import type { TenantScope } from "../../lib/request-context.js";
import {
  completeTaskWithResult,
  proposeInterventions,
  recordKpiPoint,
  type TaskUndo,
  withdrawInterventions,
  withdrawKpiPoint,
  withdrawTaskResult,
} from "../bgm-process/index.js";
import { type ContributionUndo, contributeResult, withdrawResult } from "../legal/index.js";

/**
 * Where an accepted result lands, one handler per output type (the registry in the shared package
 * says which place; this says how). `land` changes the place and returns what it needs to undo
 * exactly that; `withdraw` takes it out again when the result is sent back or superseded.
 * The mapped type makes a registry entry without a handler a compile error.
 */
export interface LandingContext {
  scope: TenantScope;
  resultId: string;
  engagementId: string;
  source: ResultSource;
  /** e.g. "COPSOQ-Auswertung v2" */
  label: string;
}

export interface LandingHandler<K extends OutputTypeKey> {
  land(ctx: LandingContext, payload: OutputPayload<K>): Promise<Record<string, unknown>>;
  withdraw(ctx: LandingContext, undo: Record<string, unknown>): Promise<void>;
}

interface TaskAndLegalUndo {
  task?: TaskUndo;
  legal?: ContributionUndo;
}

const asUndo = (u: TaskAndLegalUndo) => u as unknown as Record<string, unknown>;
const fromUndo = (u: Record<string, unknown>) => u as unknown as TaskAndLegalUndo;

async function withdrawTaskAndLegal(ctx: LandingContext, undo: Record<string, unknown>) {
  const u = fromUndo(undo);
  if (u.legal) await withdrawResult(ctx.scope, ctx.resultId, u.legal);
  if (u.task) await withdrawTaskResult(ctx.scope, ctx.resultId, u.task);
}

/** Every step of the Gefährdungsbeurteilung an ergonomic assessment documents, given what it contains. */
function ergonomicSteps(p: OutputPayload<"ergonomic_assessment">): GbuStepKey[] {
  const steps: GbuStepKey[] = ["define_work_areas", "identify_hazards", "assess_hazards", "define_measures"];
  if (p.measures.every((m) => m.carriedOutAt && m.proof.trim())) steps.push("implement_measures");
  if (p.effectivenessCheck.trim()) steps.push("check_effectiveness", "update_and_document");
  return steps;
}

/**
 * The assessment's effectiveness check re-checks the measures it lists (see the schema), so it is
 * dated no earlier than the assessment and the last of those measures carried out.
 */
function ergonomicCheckDate(p: OutputPayload<"ergonomic_assessment">): string | undefined {
  if (!p.effectivenessCheck.trim()) return undefined;
  return p.measures.reduce((latest, m) => (m.carriedOutAt && m.carriedOutAt > latest ? m.carriedOutAt : latest), p.date);
}

export const LANDINGS: { [K in OutputTypeKey]: LandingHandler<K> } = {
  copsoq_analysis: {
    // The charts of the Analysis tab read accepted analyses directly; the task and the psychological
    // risk assessment get the result as evidence. Measures, execution and effectiveness stay open.
    async land(ctx) {
      const evidence = { resultId: ctx.resultId, label: ctx.label, source: ctx.source };
      const task = await completeTaskWithResult(ctx.scope, "employee_survey", evidence);
      const legal = await contributeResult(ctx.scope, "gbu_psychological", { ...evidence, steps: ["identify_hazards", "assess_hazards"] });
      return asUndo({ task, legal });
    },
    withdraw: withdrawTaskAndLegal,
  },
  intervention_plan: {
    async land(ctx, plan) {
      const count = await proposeInterventions(ctx.scope, { resultId: ctx.resultId, source: ctx.source, plan });
      return { interventions: count };
    },
    async withdraw(ctx) {
      await withdrawInterventions(ctx.scope, ctx.resultId);
    },
  },
  participation_stats: {
    async land(ctx, stats) {
      const cardKey = `participation:${ctx.engagementId}`;
      await recordKpiPoint(
        ctx.scope,
        { cardKey, title: { de: `Teilnahmequote: ${stats.label}`, en: `Attendance rate: ${stats.label}` }, unit: "%" },
        {
          resultId: ctx.resultId,
          sortKey: `${stats.period.from}:${stats.period.to}`,
          label: `${stats.period.from} – ${stats.period.to}`,
          value: stats.attendanceRate,
          detail: { registeredCount: stats.registeredCount, attendedCount: stats.attendedCount },
          source: ctx.source,
        },
      );
      return { cardKey };
    },
    async withdraw(ctx, undo) {
      await withdrawKpiPoint(ctx.scope, String(undo.cardKey), ctx.resultId);
    },
  },
  ergonomic_assessment: {
    async land(ctx, a) {
      const evidence = { resultId: ctx.resultId, label: ctx.label, source: ctx.source };
      const legal = await contributeResult(ctx.scope, "gbu_physical", {
        ...evidence,
        steps: ergonomicSteps(a),
        assessmentDate: a.date,
        effectivenessCheck: a.effectivenessCheck,
        effectivenessCheckedOn: ergonomicCheckDate(a),
        measures: a.measures.map((m) => ({
          title: m.title,
          ownerName: m.owner,
          dueDate: m.dueDate,
          carriedOutAt: m.carriedOutAt,
          proof: m.proof,
        })),
      });
      const task = await completeTaskWithResult(ctx.scope, "ergonomic_workplace_check", evidence);
      return asUndo({ task, legal });
    },
    withdraw: withdrawTaskAndLegal,
  },
  report_pdf: {
    // The report is shown with the engagement's results; there is nothing else to change.
    async land() {
      return {};
    },
    async withdraw() {},
  },
};

export function landingFor<K extends OutputTypeKey>(key: K): LandingHandler<K> {
  return LANDINGS[key];
}
