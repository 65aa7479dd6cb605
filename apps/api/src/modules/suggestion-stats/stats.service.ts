import { MIN_GROUP_SIZE, type OfferingStatsList } from "@bgm/domain";
import type { TenantScope } from "../../lib/request-context.js";
import { discloseStats } from "./disclosure.js";
import { foldInbox, weeklyAtoms } from "./stats.repository.js";

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Monday of the week `weeks - 1` weeks before `today`'s (UTC), the first day of the window. */
export function windowStart(today: Date, weeks: number): string {
  const sinceMonday = (today.getUTCDay() + 6) % 7;
  const monday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - sinceMonday * DAY_MS;
  return isoDay(new Date(monday - (weeks - 1) * 7 * DAY_MS));
}

/**
 * The provider's own offerings' figures over the last `weeks` calendar weeks. Companies' own minimum group
 * sizes do not apply here (the figures mix many companies); the platform's floor does.
 */
export async function offeringStats(scope: TenantScope, query: { weeks: number }, now = new Date()): Promise<OfferingStatsList> {
  const from = windowStart(now, query.weeks);
  await foldInbox(scope);
  const items = discloseStats(await weeklyAtoms(scope, from), MIN_GROUP_SIZE);
  return { items, nextCursor: null, from, to: isoDay(now), minGroupSize: MIN_GROUP_SIZE };
}
