import { plannedIntervention } from "@bgm/db";
import { and, eq } from "drizzle-orm";
import type { TenantScope } from "../../lib/request-context.js";

/** A phase 3 planned intervention as other modules may read it (participation prefills from it). */
export interface PlannedInterventionFacts {
  id: string;
  title: string;
  description: string;
  category: string;
  targetGroup: string;
  costEstimateCents: number;
  status: "proposed" | "adopted" | "dismissed";
}

/** The scope's company's planned intervention, or null (unknown id or another company's). */
export async function findPlannedIntervention(
  scope: Pick<TenantScope, "tx" | "orgId">,
  id: string,
): Promise<PlannedInterventionFacts | null> {
  const [row] = await scope.tx
    .select({
      id: plannedIntervention.id,
      title: plannedIntervention.title,
      description: plannedIntervention.description,
      category: plannedIntervention.category,
      targetGroup: plannedIntervention.targetGroup,
      costEstimateCents: plannedIntervention.costEstimateCents,
      status: plannedIntervention.status,
    })
    .from(plannedIntervention)
    .where(and(eq(plannedIntervention.orgId, scope.orgId), eq(plannedIntervention.id, id)));
  return row ? { ...row, status: row.status as PlannedInterventionFacts["status"] } : null;
}
