import { type DataScopeDefinition, dataScope, type GrantDecision, type GrantRequest } from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import type { Mail } from "../../lib/mailer.js";
import type { TenantScope } from "../../lib/request-context.js";
import { lastRecordedPerDetail } from "../audit/index.js";
import { type EngagementWithParties, findEngagementWithParties } from "../engagements/index.js";
import { notifyOrg } from "../notifications/index.js";
import { emitWebhookEvent } from "../webhooks/index.js";
import { companyDataSource } from "./company-data-source.js";
import { defaultExpiresAt, maxExpiresAt } from "./expiry.js";
import { scheduleExpiryEvent } from "./expiry-event.js";
import { toGrant } from "./grants.mappers.js";
import * as repo from "./grants.repository.js";
import { grantNotice } from "./messages.js";

/** Grants are given while the partner works for the company, not before the quote is accepted nor after the end. */
export const GRANTABLE_STATES = ["accepted", "in_progress", "delivered"] as const;

export interface Acting {
  scope: TenantScope;
  appUrl: string;
  now?: Date;
}

/**
 * The company's engagement with the scopes its offering requests. `lock` takes a share lock on the
 * engagement row so a concurrent transition that ends it waits for (and then ends) the new grants.
 */
async function requireEngagement(scope: TenantScope, id: string, lock = false): Promise<EngagementWithParties> {
  const e = await findEngagementWithParties(scope.tx, { orgId: scope.orgId, side: "company" }, id, lock ? { lock: "share" } : {});
  if (!e) throw AppError.notFound("Engagement");
  return e;
}

const DECLINED = "data_grant.declined";

/**
 * When each scope of an engagement was last declined. A decline writes no grant row (there is no
 * consent to record); the audit entry of the decision is its record.
 */
const lastDeclines = (scope: TenantScope, engagementId: string) =>
  lastRecordedPerDetail(scope.tx, {
    orgId: scope.orgId,
    action: DECLINED,
    entityType: "engagement",
    entityId: engagementId,
    detailKey: "scopeKey",
  });

/** The offering's requested scopes that the registry knows (offerings are validated against it on save). */
function requestedScopes(e: EngagementWithParties): DataScopeDefinition[] {
  return e.requiredDataScopes.map((k) => dataScope(k)).filter((d): d is DataScopeDefinition => d !== undefined);
}

export async function getDataRequest(scope: TenantScope, engagementId: string, now = new Date()) {
  const e = await requireEngagement(scope, engagementId);
  const defs = requestedScopes(e);
  const source = companyDataSource(scope.tx, scope.orgId, e.providerOrgId);
  const grants = await repo.listGrants(scope.tx, scope.orgId, { engagementId });
  const declines = await lastDeclines(scope, engagementId);
  const scopes = [];
  for (const def of defs) {
    const preview = await def.preview(source, {});
    const current = grants.find((g) => g.grant.scopeKey === def.key && !g.grant.revokedAt);
    const declined = declines.get(def.key);
    const lastGranted = Math.max(0, ...grants.filter((g) => g.grant.scopeKey === def.key).map((g) => g.grant.grantedAt.getTime()));
    const declinedAt = !current && declined && declined.getTime() >= lastGranted ? declined.toISOString() : null;
    // The latest grant was revoked and nothing was granted or declined since: decided, and said so.
    const latest = grants
      .filter((g) => g.grant.scopeKey === def.key)
      .reduce<(typeof grants)[number] | undefined>((a, g) => (a && a.grant.grantedAt >= g.grant.grantedAt ? a : g), undefined);
    const revoked = latest?.grant.revokedAt;
    const revokedAt = !current && revoked && (!declined || revoked.getTime() > declined.getTime()) ? revoked.toISOString() : null;
    scopes.push({
      key: def.key,
      version: def.version,
      label: { ...def.label },
      description: { ...def.description },
      purpose: { ...def.purpose },
      sensitivity: def.sensitivity,
      personalData: def.personalData,
      fields: [...def.fields],
      narrowable: def.narrowable,
      preview,
      currentGrant: current ? toGrant(current, now) : null,
      declinedAt,
      revokedAt,
    });
  }
  return {
    engagementId: e.id,
    engagementStatus: e.status as (typeof GRANTABLE_STATES)[number],
    providerName: e.providerName,
    offeringTitle: e.offeringTitle,
    canGrant: (GRANTABLE_STATES as readonly string[]).includes(e.status),
    scopes,
    defaultExpiresAt: defaultExpiresAt(now, defs).toISOString(),
    maxExpiresAt: maxExpiresAt(now).toISOString(),
  };
}

type Decision = z.infer<typeof GrantDecision>;

/** Every rule of the dialog, checked for all decisions before anything is written. */
function validateDecisions(e: EngagementWithParties, decisions: Decision[], expiresAt: Date, now: Date) {
  if (expiresAt.getTime() <= now.getTime()) throw AppError.unprocessable("The expiry date must lie in the future", { field: "expiresAt" });
  if (expiresAt > maxExpiresAt(now)) {
    throw AppError.unprocessable("A grant may run for at most 12 months", { field: "expiresAt", max: maxExpiresAt(now).toISOString() });
  }
  const seen = new Set<string>();
  return decisions.map((d) => {
    if (seen.has(d.scopeKey)) throw AppError.unprocessable(`Scope ${d.scopeKey} is decided twice`, { scopeKey: d.scopeKey });
    seen.add(d.scopeKey);
    const def = dataScope(d.scopeKey);
    if (!def || !e.requiredDataScopes.includes(d.scopeKey)) {
      throw AppError.unprocessable(`The offering did not request the data scope ${d.scopeKey}`, { scopeKey: d.scopeKey });
    }
    if (d.grant && def.sensitivity === "high" && d.confirmHighSensitivity !== true) {
      throw AppError.unprocessable(`Scope ${d.scopeKey} is highly sensitive and needs an explicit confirmation`, {
        scopeKey: d.scopeKey,
        field: "confirmHighSensitivity",
      });
    }
    const narrowing = d.narrowing ?? {};
    if (!def.narrowable && (narrowing.departments || narrowing.employeeIds)) {
      throw AppError.unprocessable(`Scope ${d.scopeKey} cannot be narrowed`, { scopeKey: d.scopeKey, field: "narrowing" });
    }
    return { def, grant: d.grant, narrowing };
  });
}

/**
 * The dialog's answer: each scope granted or declined on its own, in one transaction. A grant is a
 * consent receipt that records the fields, purpose and preview exactly as shown (registry version).
 * Granting a scope with a live grant replaces it; declining a scope with a live grant revokes it.
 */
export async function grantScopes(a: Acting, engagementId: string, input: z.infer<typeof GrantRequest>) {
  const { scope } = a;
  const now = a.now ?? new Date();
  const e = await requireEngagement(scope, engagementId, true);
  if (!(GRANTABLE_STATES as readonly string[]).includes(e.status)) {
    throw new AppError(
      "invalid_state",
      `Data can be shared only while the engagement is accepted, in progress or delivered`,
      { status: e.status },
      409,
    );
  }
  const expiresAt = new Date(input.expiresAt);
  // Employee lists first: a list changes how this partner's head counts are grouped (ADR 0007), and each
  // receipt must record the preview of what will actually be served.
  const plan = validateDecisions(e, input.decisions, expiresAt, now).sort(
    (a, b) => Number(b.def.key === "employee_list") - Number(a.def.key === "employee_list"),
  );
  const source = companyDataSource(scope.tx, scope.orgId, e.providerOrgId);
  const granted = [];
  const declined: string[] = [];
  const revokedLabels: string[] = [];
  for (const { def, grant, narrowing } of plan) {
    const ended = await repo.endScopeGrants(scope.tx, scope.orgId, e.id, def.key, scope.userId, grant ? "replaced" : "revoked");
    for (const g of ended.filter(() => !grant)) {
      await emitWebhookEvent(scope.tx, e.providerOrgId, "data_grant.revoked", { engagementId: e.id, grantId: g.id, scopeKey: def.key });
    }
    if (!grant) {
      declined.push(def.key);
      if (ended.length) revokedLabels.push(def.label.de);
      await scope.audit({
        action: DECLINED,
        entityType: "engagement",
        entityId: e.id,
        details: { scopeKey: def.key, revoked: ended.map((g) => g.id) },
      });
      continue;
    }
    const preview = await def.preview(source, narrowing);
    const row = await repo.insertGrant(scope.tx, {
      orgId: scope.orgId,
      providerOrgId: e.providerOrgId,
      engagementId: e.id,
      scopeKey: def.key,
      scopeVersion: def.version,
      fields: [...def.fields],
      purposeDe: def.purpose.de,
      purposeEn: def.purpose.en,
      previewDe: preview.de,
      previewEn: preview.en,
      narrowing,
      grantedBy: scope.userId,
      expiresAt,
    });
    granted.push(row);
    await scheduleExpiryEvent(scope.tx, row);
    await emitWebhookEvent(scope.tx, e.providerOrgId, "data_grant.given", {
      engagementId: e.id,
      grantId: row.id,
      scopeKey: def.key,
      expiresAt: expiresAt.toISOString(),
    });
    await scope.audit({
      action: "data_grant.granted",
      entityType: "data_grant",
      entityId: row.id,
      details: {
        engagementId: e.id,
        scopeKey: def.key,
        scopeVersion: def.version,
        expiresAt: expiresAt.toISOString(),
        replaced: ended.map((g) => g.id),
        narrowed: Boolean(narrowing.departments || narrowing.employeeIds),
      },
    });
  }
  const mails: Mail[] = [];
  const ctx = { companyName: e.companyName, offeringTitle: e.offeringTitle ?? "" };
  const grantedLabels = plan.filter((p) => p.grant).map((p) => p.def.label.de);
  if (grantedLabels.length) mails.push(...(await notifyProvider(a, e, "granted", { ...ctx, scopes: grantedLabels })));
  if (revokedLabels.length) mails.push(...(await notifyProvider(a, e, "revoked", { ...ctx, scopes: revokedLabels })));

  const views = await repo.listGrants(scope.tx, scope.orgId, { engagementId: e.id });
  const ids = new Set(granted.map((g) => g.id));
  return {
    result: { engagementId: e.id, granted: views.filter((v) => ids.has(v.grant.id)).map((v) => toGrant(v, now)), declined },
    mails,
  };
}

async function notifyProvider(a: Acting, e: EngagementWithParties, kind: "granted" | "revoked", c: Parameters<typeof grantNotice>[1]) {
  const path = `/engagements/${e.id}`;
  const text = grantNotice(kind, c, `${a.appUrl.replace(/\/+$/, "")}${path}`);
  return notifyOrg(a.scope.tx, {
    orgId: e.providerOrgId,
    orgKind: "provider",
    kind: `data_grant.${kind}`,
    title: text.title,
    body: text.body,
    link: path,
    mail: text.mail,
  });
}

/** One click; the UPDATE waits for partner requests holding the grant and every later request sees it revoked. */
export async function revokeGrant(a: Acting, grantId: string) {
  const { scope } = a;
  const now = a.now ?? new Date();
  const [ended] = await repo.endGrant(scope.tx, scope.orgId, grantId, scope.userId, "revoked");
  const row = ended ?? (await repo.findGrant(scope.tx, scope.orgId, grantId));
  if (!row) throw AppError.notFound("Data grant");
  const mails: Mail[] = [];
  if (ended) {
    await scope.audit({
      action: "data_grant.revoked",
      entityType: "data_grant",
      entityId: row.id,
      details: { engagementId: row.engagementId, scopeKey: row.scopeKey },
    });
    const e = await requireEngagement(scope, row.engagementId);
    await emitWebhookEvent(scope.tx, e.providerOrgId, "data_grant.revoked", {
      engagementId: e.id,
      grantId: row.id,
      scopeKey: row.scopeKey,
    });
    const label = dataScope(row.scopeKey)?.label.de ?? row.scopeKey;
    mails.push(
      ...(await notifyProvider(a, e, "revoked", { companyName: e.companyName, offeringTitle: e.offeringTitle ?? "", scopes: [label] })),
    );
  }
  const [view] = (await repo.listGrants(scope.tx, scope.orgId, { engagementId: row.engagementId })).filter((v) => v.grant.id === row.id);
  if (!view) throw AppError.notFound("Data grant");
  return { result: toGrant(view, now), mails };
}

/**
 * Subscriber of "engagement.ended" (wired in src/events.ts): runs in the transition's transaction
 * when an engagement reaches a final state. Only the company can end its grants (RLS: grants are written by the company);
 * the one final transition the provider takes (decline) happens before any grant can exist, and
 * the partner data API refuses ended engagements regardless.
 */
export async function endGrantsForEngagement(scope: TenantScope, engagementId: string): Promise<number> {
  if (scope.orgKind !== "company") return 0;
  const ended = await repo.endEngagementGrants(scope.tx, scope.orgId, engagementId, scope.userId, "engagement_ended");
  if (ended.length) {
    // The partner's systems hear of it like of a revoke: the access ended by a decision, not by time.
    for (const g of ended) {
      await emitWebhookEvent(scope.tx, g.providerOrgId, "data_grant.revoked", { engagementId, grantId: g.id, scopeKey: g.scopeKey });
    }
    await scope.audit({
      action: "data_grant.ended",
      entityType: "engagement",
      entityId: engagementId,
      details: { grants: ended.map((g) => g.id), reason: "engagement_ended" },
    });
  }
  return ended.length;
}
