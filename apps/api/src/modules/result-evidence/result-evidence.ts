import { resultEvidence } from "@bgm/db";
import type { ResultSource } from "@bgm/domain";
import { and, eq, ne, sql } from "drizzle-orm";
import { prebuiltQuery } from "../../lib/prebuilt-query.js";
import type { TenantScope } from "../../lib/request-context.js";

/**
 * Links from accepted partner results to what they document (a checklist task, a legal requirement
 * step). The legal and process modules read them for their views; the results module writes and
 * removes them when a result lands or is taken out. A small module of its own so that neither side
 * depends on the other.
 */
export type EvidenceTarget = "task" | "legal_step";

export interface EvidenceLink {
  targetId: string;
  label: string;
  source: ResultSource;
}

export async function addResultEvidence(
  scope: TenantScope,
  input: { resultId: string; targetType: EvidenceTarget; targetId: string; label: string; source: ResultSource },
): Promise<void> {
  await scope.tx
    .insert(resultEvidence)
    .values({ orgId: scope.orgId, ...input, source: input.source as unknown as Record<string, unknown> })
    .onConflictDoNothing();
}

/** Removes a result's links and says which targets they pointed at. */
export async function removeResultEvidence(scope: TenantScope, resultId: string): Promise<{ targetType: string; targetId: string }[]> {
  return scope.tx
    .delete(resultEvidence)
    .where(and(eq(resultEvidence.orgId, scope.orgId), eq(resultEvidence.resultId, resultId)))
    .returning({ targetType: resultEvidence.targetType, targetId: resultEvidence.targetId });
}

/**
 * Built once (lib/prebuilt-query.ts): the project page reads it on every load. The targets are one array
 * parameter (`= any($3)`), so the statement's text does not depend on how many there are.
 */
export const listResultEvidenceQuery = prebuiltQuery("result_evidence_of_targets", (q) =>
  q
    .select({ targetId: resultEvidence.targetId, label: resultEvidence.label, source: resultEvidence.source })
    .from(resultEvidence)
    .where(
      and(
        eq(resultEvidence.orgId, sql.placeholder("orgId")),
        eq(resultEvidence.targetType, sql.placeholder("targetType")),
        sql`${resultEvidence.targetId} = any(${sql.placeholder("targetIds")}::uuid[])`,
      ),
    )
    .orderBy(resultEvidence.createdAt),
);

export async function listResultEvidence(scope: TenantScope, targetType: EvidenceTarget, targetIds: string[]): Promise<EvidenceLink[]> {
  if (targetIds.length === 0) return [];
  const rows = await listResultEvidenceQuery(scope.tx, { orgId: scope.orgId, targetType, targetIds });
  return rows.map((r) => ({ targetId: r.targetId, label: r.label, source: r.source as unknown as ResultSource }));
}

/** Whether another result than `exceptResultId` still documents the target. */
export async function hasOtherResultEvidence(
  scope: TenantScope,
  targetType: EvidenceTarget,
  targetId: string,
  exceptResultId: string,
): Promise<boolean> {
  const [row] = await scope.tx
    .select({ id: resultEvidence.id })
    .from(resultEvidence)
    .where(
      and(
        eq(resultEvidence.orgId, scope.orgId),
        eq(resultEvidence.targetType, targetType),
        eq(resultEvidence.targetId, targetId),
        ne(resultEvidence.resultId, exceptResultId),
      ),
    )
    .limit(1);
  return row !== undefined;
}
