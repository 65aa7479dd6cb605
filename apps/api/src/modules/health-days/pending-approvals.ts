import { healthDay, healthDayModule, type Tx } from "@bgm/db";
import { and, count, eq, notInArray } from "drizzle-orm";

/** The company's health days with stations its planner added that wait for the company's approval. */
export async function healthDaysAwaitingApproval(
  tx: Tx,
  orgId: string,
): Promise<{ healthDayId: string; title: string; startsOn: string; count: number }[]> {
  return tx
    .select({ healthDayId: healthDay.id, title: healthDay.title, startsOn: healthDay.startsOn, count: count() })
    .from(healthDayModule)
    .innerJoin(healthDay, eq(healthDay.id, healthDayModule.healthDayId))
    .where(
      and(eq(healthDayModule.orgId, orgId), eq(healthDayModule.approval, "pending"), notInArray(healthDay.status, ["done", "cancelled"])),
    )
    .groupBy(healthDay.id, healthDay.title, healthDay.startsOn);
}
