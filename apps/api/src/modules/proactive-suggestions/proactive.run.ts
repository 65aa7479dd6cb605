import { type Database, withTenantTx } from "@bgm/db";
import {
  matchOfferings,
  PROACTIVE_NOTICE_INTERVAL_MS,
  PROACTIVE_RESULT_TOPICS,
  type ProactiveTopic,
  proactiveNoticeBody,
  proactiveNoticeTitle,
  selectProactive,
} from "@bgm/domain";
import { enqueue } from "../../lib/jobs.js";
import type { TenantScope } from "../../lib/request-context.js";
import { SYSTEM_USER_ID } from "../../lib/system-user.js";
import { makeTenantScope } from "../../lib/tenant-scope.js";
import { offeringHistory } from "../engagements/index.js";
import { findFilteredCandidates } from "../marketplace/index.js";
import { companyContext, RECOMMENDED_MAX_CANDIDATES } from "../matching/index.js";
import { notifyOrg } from "../notifications/index.js";
import * as repo from "./proactive.repository.js";

/** The queue of proactive runs: one job per trigger, run after the triggering transaction committed. */
export const PROACTIVE_RUN_QUEUE = "proactive-suggestions.run";
/** In-app path of the panel the notification opens. */
export const PROACTIVE_PANEL_LINK = "/partner-suggestions";
export const PROACTIVE_NOTICE_KIND = "proactive_suggestions";

export interface ProactiveRunPayload extends Record<string, unknown> {
  orgId: string;
  topic: ProactiveTopic;
}

/**
 * Asks for a proactive run, in the trigger's transaction: the job exists exactly when the trigger committed,
 * and the matching runs later on the worker, so the request that accepted a result or added a goal is not
 * slowed by it. No singleton key (a tenant transaction may only insert jobs); twin jobs are harmless (see runProactive).
 */
export async function requestProactiveRun(scope: TenantScope, topic: ProactiveTopic): Promise<void> {
  if (scope.orgKind !== "company") return;
  const payload: ProactiveRunPayload = { orgId: scope.orgId, topic };
  await enqueue(scope.tx, PROACTIVE_RUN_QUEUE, payload, { orgId: scope.orgId, maxAttempts: 5 });
}

/** The topic an accepted result of this output type starts, or null if it starts none. */
export function topicOfResult(outputType: string): ProactiveTopic | null {
  return PROACTIVE_RESULT_TOPICS[outputType] ?? null;
}

export interface RunOutcome {
  /** Offerings newly suggested in this run. */
  added: number;
  /** Whether the managers were notified (false when nothing was new or the topic's week is used up). */
  notified: boolean;
}

/**
 * One proactive run for a company: the matching over every published offering, the topic's new and good
 * matches recorded as suggestions, and — if any were added and the topic had no notification in the last
 * seven days — one in-app notification to the company's managers. Suggestions added inside the week still
 * show in the panel and in the digest; they only do not ring the bell again.
 *
 * Idempotent: under a per-company lock, an offering is suggested at most once (unique per company and
 * offering), so a job that runs twice finds nothing new the second time and notifies nobody.
 */
export async function runProactive(db: Database, payload: ProactiveRunPayload, now: Date): Promise<RunOutcome> {
  return withTenantTx(db, payload.orgId, async (tx) => {
    const scope = makeTenantScope(
      tx,
      { orgId: payload.orgId, orgKind: "company", role: "bgm_manager", userId: SYSTEM_USER_ID },
      { ip: null, userAgent: "proactive-suggestions-job", requestId: null },
    );
    await repo.lockCompany(scope);
    const context = await companyContext(scope, {});
    const candidates = await findFilteredCandidates(scope, { q: null, limit: RECOMMENDED_MAX_CANDIDATES });
    const suggested = await repo.suggestedOfferingIds(scope);
    // Any engagement, whatever its state: the company knows that offering already.
    const engaged = new Set((await offeringHistory(scope)).map((h) => h.offeringId));
    const picked = selectProactive(payload.topic, matchOfferings(context, candidates), { suggested, engaged });
    const added = await repo.insertSuggestions(
      scope,
      picked.map((m) => ({ offeringId: m.offering.id, topic: payload.topic, reasons: m.reasons, score: m.score })),
      now,
    );
    if (added.size === 0) return { added: 0, notified: false };
    if (await repo.noticeSince(scope, payload.topic, new Date(now.getTime() - PROACTIVE_NOTICE_INTERVAL_MS))) {
      return { added: added.size, notified: false };
    }
    const fresh = picked.filter((m) => added.has(m.offering.id));
    // In-app only: the mails notifyOrg composes are dropped on purpose; the opt-in weekly digest is the mail.
    await notifyOrg(tx, {
      orgId: payload.orgId,
      orgKind: "company",
      kind: PROACTIVE_NOTICE_KIND,
      title: proactiveNoticeTitle(fresh.length).de,
      body: proactiveNoticeBody(payload.topic, fresh),
      link: PROACTIVE_PANEL_LINK,
      mail: { subject: "", text: "" },
    });
    await repo.insertNotice(scope, payload.topic, fresh.length, now);
    return { added: added.size, notified: true };
  });
}
