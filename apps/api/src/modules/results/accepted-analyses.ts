import type { Tx } from "@bgm/db";
import type { CopsoqAnalysis, ErgonomicAssessment } from "@bgm/domain";
import type { TenantScope } from "../../lib/request-context.js";
import { resultLabel } from "./results.mappers.js";
import * as repo from "./results.repository.js";

/**
 * The company's accepted analyses, summarised for reports that say how needs were analysed and how
 * success was checked (the insurer report of §20b SGB V). Only what such a report names: who delivered
 * it, when, and the headline figures; never the payload's detail.
 */
export interface AcceptedAnalysis {
  outputType: "copsoq_analysis" | "ergonomic_assessment";
  label: string;
  providerName: string | null;
  acceptedAt: string | null;
  /** The analysis' own date: the survey's last day, or the assessment date. */
  date: string;
  copsoq?: { invitedCount: number; respondingCount: number; surveyFrom: string; surveyTo: string; questionnaireVersion: string };
  ergonomic?: { workplaces: number; findings: number; measures: number; effectivenessCheck: boolean };
}

const text = (v: unknown) => (typeof v === "string" ? v : null);

/** What every kind of analysis tells the same way: its label, who delivered it, and when it was accepted. */
function delivery(row: { result: repo.ResultRow; source: Record<string, unknown> }) {
  return {
    label: resultLabel(row.result),
    providerName: text(row.source.providerName),
    acceptedAt: text(row.source.acceptedAt) ?? row.result.decidedAt?.toISOString() ?? null,
  };
}

export async function acceptedAnalyses(scope: TenantScope): Promise<AcceptedAnalysis[]> {
  const out: AcceptedAnalysis[] = [];
  // Sequential on purpose: a transaction's queries share one connection.
  for (const row of await repo.listAcceptedOfType(scope, "copsoq_analysis")) {
    const p = row.result.payload as unknown as CopsoqAnalysis;
    out.push({
      outputType: "copsoq_analysis",
      ...delivery(row),
      date: p.surveyPeriod.to,
      copsoq: {
        invitedCount: p.invitedCount,
        respondingCount: p.respondingCount,
        surveyFrom: p.surveyPeriod.from,
        surveyTo: p.surveyPeriod.to,
        questionnaireVersion: p.questionnaireVersion,
      },
    });
  }
  for (const row of await repo.listAcceptedOfType(scope, "ergonomic_assessment")) {
    const p = row.result.payload as unknown as ErgonomicAssessment;
    out.push({
      outputType: "ergonomic_assessment",
      ...delivery(row),
      date: p.date,
      ergonomic: {
        workplaces: p.workplaces.length,
        findings: p.findings.length,
        measures: p.measures.length,
        effectivenessCheck: (p.effectivenessCheck ?? "").trim() !== "",
      },
    });
  }
  return out;
}

/**
 * The payload of what the company accepted last of one output type (as validated at upload), or null,
 * read in the company's transaction: data-grants serves the current COPSOQ analysis to partners from it.
 * An accepted result always has its landing (both are written in one transaction by `decide`).
 */
export async function latestAcceptedPayload(tx: Tx, orgId: string, outputType: string): Promise<unknown | null> {
  const [latest] = await repo.listAcceptedOfType({ tx, orgId }, outputType, 1);
  return latest ? latest.result.payload : null;
}
