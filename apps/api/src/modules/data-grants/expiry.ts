import type { DataScopeDefinition } from "@bgm/domain";

/** No grant may run longer than this; the manager renews it consciously if needed. */
export const MAX_GRANT_MONTHS = 12;
const DAY = 24 * 60 * 60 * 1000;

export function maxExpiresAt(now: Date): Date {
  const max = new Date(now);
  max.setUTCMonth(max.getUTCMonth() + MAX_GRANT_MONTHS);
  return max;
}

/**
 * The dialog's default expiry. The brief asks for "engagement end + 30 days", but engagements have
 * no planned end date (only a free-text "when"), so the default is the shortest default retention
 * among the requested scopes from today (90 days for e-mail lists, 365 for goals), capped at the
 * maximum: the most sensitive scope decides, and the manager may extend it up to 12 months.
 */
export function defaultExpiresAt(now: Date, scopes: readonly Pick<DataScopeDefinition, "defaultRetentionDays">[]): Date {
  const days = scopes.length ? Math.min(...scopes.map((s) => s.defaultRetentionDays)) : 30;
  const at = new Date(now.getTime() + days * DAY);
  const max = maxExpiresAt(now);
  return at > max ? max : at;
}
