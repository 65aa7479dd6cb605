import type { TenantScope } from "../../lib/request-context.js";
import { type EngagementWithParties, findEngagementWithParties, type ReadOptions } from "../engagements/index.js";

/**
 * The engagement as the results module shows it: the engagements module's one read, with the title
 * that result texts and sources show when the caller can no longer read the offering (archived later).
 */
export type ResultEngagement = Omit<EngagementWithParties, "offeringTitle"> & { offeringTitle: string };

const UNAVAILABLE_OFFERING = "(Angebot nicht mehr verfügbar)";

/** The engagement as one of its parties sees it (the caller's org on the side its kind says); null for anyone else. */
export async function findResultEngagement(scope: TenantScope, id: string, opts: ReadOptions = {}): Promise<ResultEngagement | null> {
  const side = scope.orgKind === "company" ? "company" : "provider";
  const e = await findEngagementWithParties(scope.tx, { orgId: scope.orgId, side }, id, opts);
  return e && { ...e, offeringTitle: e.offeringTitle ?? UNAVAILABLE_OFFERING };
}
