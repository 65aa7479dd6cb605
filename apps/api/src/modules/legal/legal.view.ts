import { GBU_STEP_KEYS, type GbuStepKey, LEGAL_REQUIREMENT_KEYS, type LegalRequirement, type ResultSource } from "@bgm/domain";
import type { TenantScope } from "../../lib/request-context.js";
import { listFiles } from "../files/index.js";
import { listResultEvidence } from "../result-evidence/index.js";
import { type CompletenessInput, missingDocumentation } from "./completeness.js";
import * as repo from "./legal.repository.js";

/** stored_file.attached_to for evidence; the attached id is the step row's id. */
export const EVIDENCE_TARGET = "legal_step";

const isStepKey = (k: string): k is GbuStepKey => (GBU_STEP_KEYS as readonly string[]).includes(k);
const registryIndex = (key: string) => {
  const i = (LEGAL_REQUIREMENT_KEYS as readonly string[]).indexOf(key);
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
};

export function completenessInput(row: repo.RequirementRow, steps: repo.StepRow[], measures: repo.MeasureRow[]): CompletenessInput {
  return {
    assessmentDate: row.assessmentDate,
    effectivenessCheck: row.effectivenessCheck,
    effectivenessCheckedOn: row.effectivenessCheckedOn,
    steps: steps.map((s) => ({ key: s.stepKey, done: s.done })),
    measures,
  };
}

/** Builds the API shape of several requirements with a fixed number of queries, not one per row. */
export async function loadViews(scope: TenantScope, rows: repo.RequirementRow[]): Promise<LegalRequirement[]> {
  const ids = rows.map((r) => r.id);
  // One after the other: queries of one transaction share a connection anyway.
  const steps = await repo.listStepRows(scope, ids);
  const measures = await repo.listMeasureRows(scope, ids);
  const events = await repo.listEventRows(scope, ids);
  const files = await listFiles(
    scope,
    EVIDENCE_TARGET,
    steps.map((s) => s.id),
  );
  const results = await listResultEvidence(
    scope,
    "legal_step",
    steps.map((s) => s.id),
  );

  return [...rows]
    .sort((a, b) => registryIndex(a.requirementKey) - registryIndex(b.requirementKey))
    .map((row) => {
      const ownSteps = steps.filter((s) => s.requirementId === row.id);
      const ownMeasures = measures.filter((m) => m.requirementId === row.id);
      return {
        id: row.id,
        key: row.requirementKey,
        status: row.status,
        assessmentDate: row.assessmentDate,
        effectivenessCheck: row.effectivenessCheck,
        effectivenessCheckedOn: row.effectivenessCheckedOn,
        completedAt: row.completedAt?.toISOString() ?? null,
        // A step dropped from the registry is no longer part of the process; don't show it.
        steps: ownSteps.flatMap((s) =>
          isStepKey(s.stepKey)
            ? [
                {
                  key: s.stepKey,
                  done: s.done,
                  notes: s.notes,
                  completedAt: s.completedAt?.toISOString() ?? null,
                  evidence: files
                    .filter((f) => f.attachedId === s.id)
                    .map((f) => ({
                      id: f.id,
                      fileName: f.fileName,
                      mimeType: f.mimeType,
                      sizeBytes: f.sizeBytes,
                      note: f.note,
                      uploadedAt: f.createdAt.toISOString(),
                    })),
                  results: results.filter((r) => r.targetId === s.id).map((r) => ({ label: r.label, source: r.source })),
                },
              ]
            : [],
        ),
        measures: ownMeasures.map((m) => ({
          id: m.id,
          title: m.title,
          ownerName: m.ownerName,
          dueDate: m.dueDate,
          carriedOutAt: m.carriedOutAt,
          proof: m.proof,
          source: (m.source as ResultSource | null) ?? null,
        })),
        events: events
          .filter((e) => e.requirementId === row.id)
          .map((e) => ({ id: e.id, kind: e.kind, note: e.note, at: e.at.toISOString() })),
        missing: missingDocumentation(completenessInput(row, ownSteps, ownMeasures)),
      };
    });
}
