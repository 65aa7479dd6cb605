import {
  allowedActions,
  type Brief,
  type CursorQuery,
  type Engagement,
  type EngagementAction,
  type EngagementStatus,
  taskTemplate,
} from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { publish } from "../../lib/domain-events.js";
import { decodeCursor, toPage } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";
import { findPublishedOffering } from "../marketplace/index.js";
import { recordRequested } from "../suggestion-stats/index.js";
import { type Acting, loadEngagement, noticeContext, type Outcome, partyOf, requireEngagement, staleVersion } from "./access.js";
import { toSummary } from "./engagements.mappers.js";
import * as repo from "./engagements.repository.js";
import { prepareQuoteDecision, settleQuoteDecision } from "./quotes.service.js";
import { recordHappening } from "./timeline.js";
import { berlinToday, requireTransition } from "./transitions.js";

export async function getEngagement(scope: TenantScope, id: string) {
  return loadEngagement(partyOf(scope), id);
}

export async function listEngagements(scope: TenantScope, query: { status?: EngagementStatus; phase?: number } & CursorQuery) {
  const { cursor, limit, ...filter } = query;
  const rows = await repo.listEngagements(partyOf(scope), filter, { after: decodeCursor(cursor, repo.EngagementCursor), limit });
  return toPage(rows, limit, repo.engagementCursorKey, toSummary);
}

export async function createEngagement(
  a: Acting,
  input: { offeringId: string; taskKey: string | null; brief: z.infer<typeof Brief> },
): Promise<Outcome<Engagement>> {
  const { scope } = a;
  const p = partyOf(scope);
  const task = input.taskKey === null ? null : taskTemplate(input.taskKey);
  if (input.taskKey !== null && !task) {
    throw AppError.unprocessable(`Unknown checklist task: ${input.taskKey}`, { field: "taskKey", key: input.taskKey });
  }
  const offer = await findPublishedOffering(scope.tx, input.offeringId);
  if (!offer) throw AppError.unprocessable("This offering does not exist or is not published", { field: "offeringId" });

  const created = await repo.insertEngagement(scope.tx, {
    orgId: scope.orgId,
    providerOrgId: offer.orgId,
    offeringId: offer.id,
    taskKey: task?.key ?? null,
    phase: task?.phase ?? null,
    status: "requested",
    brief: input.brief,
    createdBy: scope.userId,
  });
  await recordRequested(scope, offer.id);
  const row = await requireEngagement(p, created.id);
  const mails = await recordHappening(
    scope,
    p,
    created,
    {
      kind: "created",
      from: null,
      to: "requested",
      message: input.brief.message,
      data: { offeringId: offer.id, taskKey: created.taskKey },
      audit: { offeringId: offer.id, taskKey: created.taskKey },
      notice: noticeContext(row),
    },
    a.appUrl,
  );
  return { result: await loadEngagement(p, created.id, a.today), mails };
}

export async function transition(
  a: Acting,
  id: string,
  input: { action: EngagementAction; message: string; expectedVersion?: number },
): Promise<Outcome<Engagement>> {
  const { scope } = a;
  const p = partyOf(scope);
  const row = await requireEngagement(p, id);
  const current = row.engagement;
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) throw staleVersion(current, p.side);
  const plan = requireTransition({
    status: current.status as EngagementStatus,
    action: input.action,
    side: p.side,
    message: input.message,
    channel: "transition",
  });
  const today = a.today ?? berlinToday();
  const quote = await prepareQuoteDecision(p, id, plan.action, today);

  const moved = await repo.moveEngagement(p, { id, from: plan.from, to: plan.to, version: current.version, ends: plan.ends });
  if (!moved) throw staleVersion(current, p.side);
  // A final state ends the engagement's data grants in this same transaction (data-grants subscribes).
  if (plan.ends) await publish(scope, { type: "engagement.ended", engagementId: id, status: plan.to });
  await settleQuoteDecision(p, plan.action, quote);

  const mails = await recordHappening(
    scope,
    p,
    moved,
    {
      kind: plan.action,
      from: plan.from,
      to: plan.to,
      message: input.message.trim(),
      data: quote ? { quoteId: quote.id } : {},
      audit: { action: plan.action, ...(quote ? { quoteId: quote.id } : {}) },
      notice: noticeContext(row),
    },
    a.appUrl,
  );
  return { result: await loadEngagement(p, id, today), mails };
}

export async function reportProgress(a: Acting, id: string, input: { percent: number; message: string }): Promise<Outcome<Engagement>> {
  const { scope } = a;
  const p = partyOf(scope);
  const row = await requireEngagement(p, id);
  const status = row.engagement.status as EngagementStatus;
  const notInProgress = () =>
    new AppError(
      "invalid_state",
      "Progress can only be reported while the engagement is in progress",
      {
        status,
        allowedActions: allowedActions(status, p.side),
      },
      409,
    );
  if (status !== "in_progress") throw notInProgress();
  const updated = await repo.setProgress(p, id, input.percent);
  if (!updated) throw notInProgress();
  const mails = await recordHappening(
    scope,
    p,
    updated,
    {
      kind: "progress",
      from: null,
      to: null,
      message: input.message,
      data: { percent: input.percent },
      audit: { percent: input.percent },
      notice: { ...noticeContext(row), percent: input.percent },
    },
    a.appUrl,
  );
  return { result: await loadEngagement(p, id, a.today), mails };
}
