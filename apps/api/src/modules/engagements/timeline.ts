import type { EngagementSide, EngagementStatus } from "@bgm/domain";
import type { Mail } from "../../lib/mailer.js";
import type { TenantScope } from "../../lib/request-context.js";
import { notifyOrg } from "../notifications/index.js";
import { emitWebhookEvent } from "../webhooks/index.js";
import { type EngagementRow, insertEvent, type Party } from "./engagements.repository.js";
import { type NoticeContext, type NoticeKind, noticeText } from "./messages.js";

export interface Happening {
  kind: NoticeKind;
  from: EngagementStatus | null;
  to: EngagementStatus | null;
  message: string;
  /** Timeline data, visible to both sides. */
  data: Record<string, unknown>;
  /** Audit details: ids, states and numbers only, no free text. */
  audit: Record<string, unknown>;
  notice: NoticeContext;
}

const OTHER: Record<EngagementSide, EngagementSide> = { company: "provider", provider: "company" };

/**
 * Everything that follows a change, in the change's transaction: the timeline event both sides
 * read, the audit entry of the acting organization, and the other side's notifications. Returns
 * the mails to send after commit.
 */
export async function recordHappening(scope: TenantScope, p: Party, e: EngagementRow, h: Happening, appUrl: string): Promise<Mail[]> {
  await insertEvent(p, {
    engagementId: e.id,
    orgId: e.orgId,
    providerOrgId: e.providerOrgId,
    kind: h.kind,
    fromStatus: h.from,
    toStatus: h.to,
    actorUserId: scope.userId,
    actorSide: p.side,
    message: h.message,
    data: h.data,
  });
  await scope.audit({
    action: `engagement.${h.kind}`,
    entityType: "engagement",
    entityId: e.id,
    details: { from: h.from, to: h.to, ...h.audit },
  });
  await emitToPartner(scope, e, h);
  const other = OTHER[p.side];
  const path = `/engagements/${e.id}`;
  const text = noticeText(h.kind, h.notice, `${appUrl.replace(/\/+$/, "")}${path}`);
  return notifyOrg(scope.tx, {
    orgId: other === "company" ? e.orgId : e.providerOrgId,
    orgKind: other,
    kind: `engagement.${h.kind}`,
    title: text.title,
    body: text.body,
    link: path,
    mail: text.mail,
  });
}

/** The partner's webhooks (ids and states only): a new inquiry, the company's answer to a quote, every change of status. */
async function emitToPartner(scope: TenantScope, e: EngagementRow, h: Happening): Promise<void> {
  const quoteId = typeof h.data.quoteId === "string" ? h.data.quoteId : null;
  if (h.kind === "created")
    await emitWebhookEvent(scope.tx, e.providerOrgId, "inquiry.received", { engagementId: e.id, offeringId: e.offeringId });
  if (h.kind === "accept_quote") await emitWebhookEvent(scope.tx, e.providerOrgId, "quote.accepted", { engagementId: e.id, quoteId });
  if (h.kind === "reject_quote") await emitWebhookEvent(scope.tx, e.providerOrgId, "quote.rejected", { engagementId: e.id, quoteId });
  if (h.to && h.from !== h.to) {
    await emitWebhookEvent(scope.tx, e.providerOrgId, "engagement.status_changed", { engagementId: e.id, from: h.from, to: h.to });
  }
}
