import { engagement, offering, organization } from "@bgm/db";
import type { EngagementSide } from "@bgm/domain";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Mail } from "../../lib/mailer.js";
import type { TenantScope } from "../../lib/request-context.js";
import { notifyOrg } from "../notifications/index.js";
import type { Acting, Outcome } from "./access.js";
import { insertEvent } from "./engagements.repository.js";
import { transition } from "./engagements.service.js";
import { noticeText, type ResultNoticeKind } from "./messages.js";

/** What the results module needs of an engagement: its parties, state and the output types its offering declares. */
export interface ResultEngagement {
  id: string;
  orgId: string;
  providerOrgId: string;
  status: string;
  companyName: string;
  providerName: string;
  offeringTitle: string;
  outputDataTypes: string[];
}

const company = alias(organization, "company_org");
const provider = alias(organization, "provider_org");

/** The engagement as seen by one of its parties (the caller's org on the side its kind says); null for anyone else. */
export async function findEngagementForResults(scope: TenantScope, id: string): Promise<ResultEngagement | null> {
  const side = scope.orgKind === "company" ? eq(engagement.orgId, scope.orgId) : eq(engagement.providerOrgId, scope.orgId);
  const [row] = await scope.tx
    .select({
      id: engagement.id,
      orgId: engagement.orgId,
      providerOrgId: engagement.providerOrgId,
      status: engagement.status,
      companyName: company.name,
      providerName: provider.name,
      offeringTitle: offering.title,
      outputDataTypes: offering.outputDataTypes,
    })
    .from(engagement)
    .innerJoin(company, eq(company.id, engagement.orgId))
    .innerJoin(provider, eq(provider.id, engagement.providerOrgId))
    .leftJoin(offering, eq(offering.id, engagement.offeringId))
    .where(and(eq(engagement.id, id), side));
  if (!row) return null;
  return { ...row, offeringTitle: row.offeringTitle ?? "(Angebot nicht mehr verfügbar)", outputDataTypes: row.outputDataTypes ?? [] };
}

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
export async function recordResultEvent(scope: TenantScope, e: ResultEngagement, ev: ResultEvent, appUrl: string): Promise<Mail[]> {
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
  const e = await findEngagementForResults(a.scope, id);
  if (e?.status !== "delivered") return { result: null, mails: [] };
  const { mails } = await transition(a, id, { action: "request_changes", message });
  return { result: null, mails };
}
