import { engagement } from "@bgm/db";
import type { EngagementSide } from "@bgm/domain";
import { eq } from "drizzle-orm";
import type { ResultChange } from "../../lib/domain-events.js";
import type { Mail } from "../../lib/mailer.js";
import type { TenantScope } from "../../lib/request-context.js";
import { notifyOrg } from "../notifications/index.js";
import { type Acting, type Outcome, partyOf } from "./access.js";
import { insertEvent, setPendingResults } from "./engagements.repository.js";
import { transition } from "./engagements.service.js";
import { noticeText, type ResultNoticeKind } from "./messages.js";
import { type EngagementWithParties, findEngagementWithParties } from "./with-parties.js";

/** What a result's notice names: the parties and the offering title the results module shows (its fallback included). */
export type ResultNoticeEngagement = Pick<EngagementWithParties, "id" | "orgId" | "providerOrgId" | "companyName" | "providerName"> & {
  offeringTitle: string;
};

export interface ResultEvent {
  kind: ResultNoticeKind;
  /** Who acted: a party, or the system (automatic acceptance). */
  actorSide: EngagementSide | "system";
  /** Whose users are told. */
  notify: EngagementSide;
  message: string;
  data: Record<string, unknown>;
  result: { label: string; version: number };
}

/**
 * A result's step on the engagement's shared timeline, plus the notification of the side that must
 * know. Returns the mails to send after commit. The audit entry is written by the results module.
 */
export async function recordResultEvent(scope: TenantScope, e: ResultNoticeEngagement, ev: ResultEvent, appUrl: string): Promise<Mail[]> {
  await insertEvent(
    { tx: scope.tx, orgId: scope.orgId, side: scope.orgKind === "company" ? "company" : "provider" },
    {
      engagementId: e.id,
      orgId: e.orgId,
      providerOrgId: e.providerOrgId,
      kind: ev.kind,
      fromStatus: null,
      toStatus: null,
      actorUserId: scope.userId,
      actorSide: ev.actorSide,
      message: ev.message,
      data: ev.data,
    },
  );
  await scope.tx.update(engagement).set({ lastActivityAt: new Date() }).where(eq(engagement.id, e.id));
  const path = `/engagements/${e.id}`;
  const text = noticeText(
    ev.kind,
    { companyName: e.companyName, providerName: e.providerName, offeringTitle: e.offeringTitle, result: ev.result },
    `${appUrl.replace(/\/+$/, "")}${path}`,
  );
  return notifyOrg(scope.tx, {
    orgId: ev.notify === "company" ? e.orgId : e.providerOrgId,
    orgKind: ev.notify,
    kind: `engagement.${ev.kind}`,
    title: text.title,
    body: text.body,
    link: path,
    mail: text.mail,
  });
}

/**
 * Changes requested on a result of an engagement the partner already marked delivered: the
 * engagement goes back to in progress (the state machine's request_changes), so a new version can
 * be uploaded. Nothing happens in any other state.
 */
export async function reopenDeliveredEngagement(a: Acting, id: string, message: string): Promise<Outcome<null>> {
  const e = await findEngagementWithParties(a.scope.tx, partyOf(a.scope), id);
  if (e?.status !== "delivered") return { result: null, mails: [] };
  const { mails } = await transition(a, id, { action: "request_changes", message });
  return { result: null, mails };
}

/**
 * Subscriber of the results module's events (wired in src/events.ts): the engagement keeps the count
 * of deliveries waiting for the company's answer that its lists show, without reading results' table.
 */
export async function recordPendingResults(scope: TenantScope, change: ResultChange): Promise<void> {
  await setPendingResults(partyOf(scope), change.engagementId, change.pendingResults);
}
