import type { engagementEvent } from "@bgm/db";
import {
  allowedActions,
  type Brief,
  type Engagement,
  type EngagementSide,
  type EngagementStatus,
  type EngagementSummary,
  nextActor,
  type Quote,
} from "@bgm/domain";
import type { z } from "zod";
import type { QuoteRow, SummaryRow } from "./engagements.repository.js";
import { isQuoteExpired } from "./transitions.js";

/** Shown when the offering was archived after the request and is no longer readable. */
export const UNAVAILABLE_OFFERING = "Angebot nicht mehr verfügbar";

export function toSummary(row: SummaryRow): z.infer<typeof EngagementSummary> {
  const e = row.engagement;
  const status = e.status as EngagementStatus;
  return {
    id: e.id,
    status,
    version: e.version,
    companyOrgId: e.orgId,
    companyName: row.companyName,
    providerOrgId: e.providerOrgId,
    providerName: row.providerName,
    offeringId: e.offeringId,
    offeringTitle: row.offeringTitle ?? UNAVAILABLE_OFFERING,
    taskKey: e.taskKey,
    phase: e.phase,
    progressPercent: e.progressPercent,
    createdAt: e.createdAt.toISOString(),
    lastActivityAt: e.lastActivityAt.toISOString(),
    pendingResults: e.pendingResults,
    // A delivery waiting for review is the company's move, whatever the engagement's state.
    nextActionBy: e.pendingResults > 0 ? "company" : nextActor(status),
  };
}

export function toQuote(q: QuoteRow, today: string): z.infer<typeof Quote> {
  return {
    id: q.id,
    priceCents: q.priceCents,
    scopeOfWork: q.scopeOfWork,
    validUntil: q.validUntil,
    status: q.status as z.infer<typeof Quote>["status"],
    expired: isQuoteExpired(q, today),
    createdAt: q.createdAt.toISOString(),
  };
}

export function toEvent(r: { event: typeof engagementEvent.$inferSelect; actorName: string | null }) {
  const e = r.event;
  return {
    id: e.id,
    kind: e.kind,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorSide: e.actorSide as "company" | "provider" | "system",
    actorName: r.actorName,
    message: e.message,
    data: e.data,
    at: e.at.toISOString(),
  };
}

export function toEngagement(
  row: SummaryRow,
  parts: { quotes: QuoteRow[]; events: Parameters<typeof toEvent>[0][]; side: EngagementSide; today: string },
): Engagement {
  const summary = toSummary(row);
  return {
    ...summary,
    endedAt: row.engagement.endedAt?.toISOString() ?? null,
    brief: row.engagement.brief as z.infer<typeof Brief>,
    quotes: parts.quotes.map((q) => toQuote(q, parts.today)),
    timeline: parts.events.map(toEvent),
    allowedActions: allowedActions(summary.status, parts.side),
    requestedDataScopes: row.requestedDataScopes,
  };
}
