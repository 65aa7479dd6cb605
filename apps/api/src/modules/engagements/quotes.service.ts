import type { Engagement, EngagementAction, EngagementStatus } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import { type Acting, loadEngagement, noticeContext, type Outcome, partyOf, requireEngagement, staleVersion } from "./access.js";
import * as repo from "./engagements.repository.js";
import { recordHappening } from "./timeline.js";
import { berlinToday, isQuoteExpired, requireTransition } from "./transitions.js";

/** How the company's decision on the open quote changes that quote. */
const DECISION: Partial<Record<EngagementAction, "accepted" | "rejected" | "revision_requested">> = {
  accept_quote: "accepted",
  reject_quote: "rejected",
  request_revision: "revision_requested",
};

/** Before a decision moves the engagement: the open quote it is about; an expired one cannot be accepted. */
export async function prepareQuoteDecision(p: repo.Party, engagementId: string, action: EngagementAction, today: string) {
  if (!DECISION[action]) return null;
  const open = await repo.findOpenQuote(p, engagementId);
  if (!open) throw AppError.conflict("There is no open quote to decide on");
  if (action === "accept_quote" && isQuoteExpired(open, today)) {
    throw new AppError(
      "quote_expired",
      `The quote was valid until ${open.validUntil}; ask for a revised quote`,
      {
        quoteId: open.id,
        validUntil: open.validUntil,
      },
      409,
    );
  }
  return open;
}

export async function settleQuoteDecision(p: repo.Party, action: EngagementAction, quote: repo.QuoteRow | null) {
  const status = DECISION[action];
  if (quote && status) await repo.decideQuote(p, quote.id, status);
}

/** The provider sends a quote, or a revised one: the state machine's send_quote; the new quote supersedes the open one. */
export async function sendQuote(
  a: Acting,
  id: string,
  input: { priceCents: number; scopeOfWork: string; validUntil: string; message: string },
): Promise<Outcome<Engagement>> {
  const { scope } = a;
  const p = partyOf(scope);
  const row = await requireEngagement(p, id);
  const current = row.engagement;
  const plan = requireTransition({
    status: current.status as EngagementStatus,
    action: "send_quote",
    side: p.side,
    message: input.message,
    channel: "quote",
  });
  const today = a.today ?? berlinToday();
  if (input.validUntil < today) throw AppError.unprocessable("The validity date lies in the past", { field: "validUntil" });

  const previous = await repo.findOpenQuote(p, id);
  const moved = await repo.moveEngagement(p, { id, from: plan.from, to: plan.to, version: current.version, ends: plan.ends });
  if (!moved) throw staleVersion(current, p.side);
  if (previous) await repo.decideQuote(p, previous.id, "superseded");
  const created = await repo.insertQuote(p, {
    engagementId: id,
    orgId: current.orgId,
    providerOrgId: current.providerOrgId,
    priceCents: input.priceCents,
    scopeOfWork: input.scopeOfWork,
    validUntil: input.validUntil,
    createdBy: scope.userId,
  });
  const revised = current.status !== "requested";
  const mails = await recordHappening(
    scope,
    p,
    moved,
    {
      kind: "send_quote",
      from: plan.from,
      to: plan.to,
      message: input.message.trim(),
      data: { quoteId: created.id, priceCents: created.priceCents, validUntil: created.validUntil, supersedes: previous?.id ?? null },
      audit: { action: "send_quote", quoteId: created.id, supersedes: previous?.id ?? null },
      notice: { ...noticeContext(row), revised },
    },
    a.appUrl,
  );
  return { result: await loadEngagement(p, id, today), mails };
}
