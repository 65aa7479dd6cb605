import { allowedActions, type Engagement, type EngagementSide, type EngagementStatus } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import type { Mail } from "../../lib/mailer.js";
import type { TenantScope } from "../../lib/request-context.js";
import { toEngagement, UNAVAILABLE_OFFERING } from "./engagements.mappers.js";
import * as repo from "./engagements.repository.js";
import { berlinToday } from "./transitions.js";

/** What a use case needs besides the tenant scope; `today` is injectable for tests of quote expiry. */
export interface Acting {
  scope: TenantScope;
  appUrl: string;
  today?: string;
}

/** A change and the mails announcing it; the caller sends the mails after the transaction committed. */
export interface Outcome<T> {
  result: T;
  mails: Mail[];
}

export const sideOf = (scope: TenantScope): EngagementSide => (scope.orgKind === "company" ? "company" : "provider");

export function partyOf(scope: TenantScope): repo.Party {
  return { tx: scope.tx, orgId: scope.orgId, side: sideOf(scope) };
}

/** The access check of every engagement use case: only its two parties see it; anyone else gets 404. */
export async function requireEngagement(p: repo.Party, id: string): Promise<repo.SummaryRow> {
  const row = await repo.findEngagement(p, id);
  if (!row) throw AppError.notFound("Engagement");
  return row;
}

export function noticeContext(row: repo.SummaryRow) {
  return { companyName: row.companyName, providerName: row.providerName, offeringTitle: row.offeringTitle ?? UNAVAILABLE_OFFERING };
}

export async function loadEngagement(p: repo.Party, id: string, today = berlinToday()): Promise<Engagement> {
  const row = await requireEngagement(p, id);
  // One transaction, one connection: one query after the other.
  const quotes = await repo.listQuotes(p, id);
  const events = await repo.listEvents(p, id);
  return toEngagement(row, { quotes, events, side: p.side, today });
}

export function staleVersion(row: repo.EngagementRow, side: EngagementSide): AppError {
  const status = row.status as EngagementStatus;
  return new AppError(
    "stale_version",
    "The engagement was changed in the meantime; reload it and try again",
    { status, version: row.version, allowedActions: allowedActions(status, side) },
    409,
  );
}
