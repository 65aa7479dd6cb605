import { type CursorQuery, type OutputTypeKey, outputType, type PartnerResult, type PendingCopsoqAnalyses } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import { publish, type ResultChange } from "../../lib/domain-events.js";
import type { FileStorage } from "../../lib/file-storage/index.js";
import { decodeCursor, toPage } from "../../lib/keyset.js";
import type { Mail } from "../../lib/mailer.js";
import type { TenantScope } from "../../lib/request-context.js";
import { type Acting, type Outcome, type ReadOptions, recordResultEvent, reopenDeliveredEngagement } from "../engagements/index.js";
import { emitWebhookEvent } from "../webhooks/index.js";
import { findResultEngagement, type ResultEngagement } from "./engagement-view.js";
import { landingFor } from "./landings.js";
import { autoAcceptAtOf, resultLabel, sourceOf, toPartnerResult } from "./results.mappers.js";
import * as repo from "./results.repository.js";
import { checkPayload } from "./submission.js";

/** What the result use cases need besides the tenant scope. */
export interface ResultsContext {
  scope: TenantScope;
  appUrl: string;
  storage: FileStorage;
  autoAcceptDays: number;
}

const ENTITY = "partner_result";
/** Engagements that ended without the work: nothing delivered on them lands any more. */
export const CALLED_OFF: readonly string[] = ["cancelled", "declined", "quote_rejected"];

/**
 * The engagement, for its parties only. Uploads and decisions lock it (`update`): they serialise on
 * it, so versions are numbered without gaps or duplicates, and the state checked is the state the
 * change is recorded against.
 */
async function requireEngagement(scope: TenantScope, id: string, opts: ReadOptions = {}): Promise<ResultEngagement> {
  const e = await findResultEngagement(scope, id, opts);
  if (!e) throw AppError.notFound("Engagement");
  return e;
}

/** What every result event carries, with the pending count after the change (the engagement list shows it). */
async function changeOf(scope: TenantScope, row: repo.ResultRow): Promise<ResultChange> {
  return {
    engagementId: row.engagementId,
    resultId: row.id,
    outputType: row.outputType,
    version: row.version,
    pendingResults: await repo.countPending(scope, row.engagementId),
  };
}

async function view(c: ResultsContext, e: ResultEngagement, id: string): Promise<PartnerResult> {
  const row = await repo.findResult(c.scope, e.id, id);
  if (!row) throw AppError.notFound("Result");
  return toPartnerResult(row, await repo.listFiles(c.scope, [id]), e, c.autoAcceptDays);
}

export async function listResults(
  c: ResultsContext,
  engagementId: string,
  page: CursorQuery,
): Promise<{ items: PartnerResult[]; nextCursor: string | null }> {
  const e = await requireEngagement(c.scope, engagementId);
  const rows = await repo.listResults(c.scope, e.id, { after: decodeCursor(page.cursor, repo.ResultCursor), limit: page.limit });
  const { items, nextCursor } = toPage(rows, page.limit, repo.resultCursorKey);
  const files = await repo.listFiles(
    c.scope,
    items.map((r) => r.result.id),
  );
  return { items: items.map((r) => toPartnerResult(r, files, e, c.autoAcceptDays)), nextCursor };
}

/** A partner delivers only the output types the engagement's offering declares. */
export function requireDeclaredType(e: Pick<ResultEngagement, "outputDataTypes">, type: OutputTypeKey): void {
  if (!e.outputDataTypes.includes(type)) {
    throw new AppError(
      "output_type_not_declared",
      `The offering does not declare ${type} as a result`,
      { outputType: type, declared: e.outputDataTypes },
      422,
    );
  }
}

/** A file already checked and written to storage; the row points at it. */
export interface StoredUpload {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
}

/**
 * A partner delivers a result: only on its own engagement, only while it is in progress, only an
 * output type the offering declares. The files were checked and stored before this transaction (so
 * no lock is held while bytes travel); uploadResult (upload.ts) removes them again if it fails.
 */
export async function submitResult(
  c: ResultsContext & { apiKeyId: string | null },
  engagementId: string,
  raw: { outputType: OutputTypeKey; payload: unknown; note: string; files: readonly StoredUpload[] },
): Promise<Outcome<PartnerResult>> {
  const { scope } = c;
  if (scope.orgKind !== "provider") throw AppError.forbidden("Only the engagement's provider delivers results");
  // Locked as it is read: the state checked is the state the upload is recorded against.
  const e = await requireEngagement(scope, engagementId, { lock: "update" });
  if (e.status !== "in_progress") {
    throw new AppError("invalid_state", "Results can only be delivered while the engagement is in progress", { status: e.status }, 409);
  }
  requireDeclaredType(e, raw.outputType);
  // Only now, for a caller who may deliver here: the payload against the type's schema.
  const input = { ...checkPayload(raw.outputType, raw.payload), note: raw.note };
  const version = await repo.nextVersion(scope, e.id, input.outputType);
  const seriesKey = input.seriesKey;
  const superseded = await repo.supersedePending(scope, e.id, input.outputType, seriesKey);
  const row = await repo.insertResult(scope, {
    orgId: e.orgId,
    providerOrgId: e.providerOrgId,
    engagementId: e.id,
    outputType: input.outputType,
    version,
    seriesKey,
    payload: input.payload,
    note: input.note.trim(),
    submittedBy: scope.userId,
    apiKeyId: c.apiKeyId,
  });
  const stored = raw.files.map((f) => ({ ...f, resultId: row.id, orgId: e.orgId, providerOrgId: e.providerOrgId }));
  await repo.insertFiles(scope, stored);
  await scope.audit({
    action: "result.submitted",
    entityType: ENTITY,
    entityId: row.id,
    details: { engagementId: e.id, outputType: input.outputType, version, files: stored.length, superseded, apiKeyId: c.apiKeyId },
  });
  await publish(scope, { type: "result.submitted", ...(await changeOf(scope, row)) });
  const mails = await recordResultEvent(
    scope,
    e,
    {
      kind: "result_submitted",
      actorSide: "provider",
      notify: "company",
      message: input.note.trim(),
      data: { resultId: row.id, outputType: input.outputType, version },
      result: { label: outputType(input.outputType)?.label.de ?? input.outputType, version },
    },
    c.appUrl,
  );
  return { result: await view(c, e, row.id), mails };
}

/** Lands a result where its type belongs and takes the previously accepted version of the same type out. */
async function accept(c: ResultsContext, e: ResultEngagement, row: repo.ResultRow, auto: boolean): Promise<void> {
  const { scope } = c;
  const previous = await repo.findAccepted(scope, e.id, row.outputType, row.seriesKey, row.id);
  if (previous) await takeOut(c, e, previous, "superseded", "");
  const now = new Date();
  const source = sourceOf(row, e, now);
  const handler = landingFor(row.outputType as OutputTypeKey);
  const def = outputType(row.outputType);
  if (!def) throw new Error(`output type ${row.outputType} is not in the registry`);
  // The payload was validated at upload; parse again so handlers get defaults and exact types.
  const payload = def.schema.parse(row.payload);
  const undo = await handler.land({ scope, resultId: row.id, engagementId: e.id, source, label: resultLabel(row) }, payload as never);
  await repo.updateResult(scope, row.id, { status: "accepted", decidedBy: scope.userId, decidedAt: now, autoAccepted: auto });
  await repo.saveLanding(scope, { resultId: row.id, orgId: e.orgId, source, undo });
  await publish(scope, { type: "result.accepted", ...(await changeOf(scope, row)), automatic: auto });
  await emitWebhookEvent(scope.tx, e.providerOrgId, "result.accepted", {
    engagementId: e.id,
    resultId: row.id,
    outputType: row.outputType,
    version: row.version,
    automatic: auto,
  });
  await scope.audit({
    action: auto ? "result.auto_accepted" : "result.accepted",
    entityType: ENTITY,
    entityId: row.id,
    details: {
      engagementId: e.id,
      outputType: row.outputType,
      version: row.version,
      landsIn: def.landsIn,
      supersededId: previous?.id ?? null,
    },
  });
}

/** Takes an accepted result out of the place it landed, cleanly, and records why. */
async function takeOut(
  c: ResultsContext,
  e: ResultEngagement,
  row: repo.ResultRow,
  status: "superseded" | "changes_requested",
  reason: string,
) {
  const { scope } = c;
  const landing = await repo.takeLanding(scope, row.id);
  if (row.status === "accepted" && landing) {
    const handler = landingFor(row.outputType as OutputTypeKey);
    const source = sourceOf(row, e, row.decidedAt);
    await handler.withdraw({ scope, resultId: row.id, engagementId: e.id, source, label: resultLabel(row) }, landing.undo);
  }
  await repo.updateResult(scope, row.id, {
    status,
    ...(status === "changes_requested" ? { decidedBy: scope.userId, decidedAt: new Date(), decisionReason: reason } : {}),
  });
  if (status === "changes_requested") {
    await publish(scope, { type: "result.changes_requested", ...(await changeOf(scope, row)), wasAccepted: row.status === "accepted" });
    await emitWebhookEvent(scope.tx, e.providerOrgId, "result.changes_requested", {
      engagementId: e.id,
      resultId: row.id,
      outputType: row.outputType,
      version: row.version,
    });
  }
  await scope.audit({
    action: status === "superseded" ? "result.superseded" : "result.changes_requested",
    entityType: ENTITY,
    entityId: row.id,
    details: { engagementId: e.id, outputType: row.outputType, version: row.version, wasAccepted: row.status === "accepted" },
  });
}

/**
 * The company's answer to a delivery. Accepting lands it (and supersedes the earlier accepted
 * version); accepting again changes nothing. Requesting changes sends it back with a reason the
 * partner sees, takes it out of where it landed if it was accepted, and reopens a delivered engagement.
 */
export async function decide(
  c: ResultsContext,
  engagementId: string,
  resultId: string,
  input: { decision: "accept" | "request_changes"; reason: string },
): Promise<Outcome<PartnerResult>> {
  const { scope } = c;
  if (scope.orgKind !== "company") throw AppError.forbidden("Only the company decides on results");
  const e = await requireEngagement(scope, engagementId, { lock: "update" });
  const row = await repo.lockResult(scope, e.id, resultId);
  if (!row) throw AppError.notFound("Result");
  const label = { label: outputType(row.outputType)?.label.de ?? row.outputType, version: row.version };
  const mails: Mail[] = [];

  if (input.decision === "accept") {
    if (row.status === "accepted") return { result: await view(c, e, row.id), mails };
    if (CALLED_OFF.includes(e.status)) {
      throw new AppError(
        "invalid_state",
        "The engagement was called off; its results can no longer be accepted",
        { engagementStatus: e.status },
        409,
      );
    }
    if (row.status !== "submitted") {
      throw new AppError(
        "invalid_state",
        `A ${row.status} result cannot be accepted`,
        { status: row.status, allowed: ["request_changes"] },
        409,
      );
    }
    await accept(c, e, row, false);
    mails.push(
      ...(await recordResultEvent(
        scope,
        e,
        {
          kind: "result_accepted",
          actorSide: "company",
          notify: "provider",
          message: "",
          data: { resultId: row.id, outputType: row.outputType, version: row.version },
          result: label,
        },
        c.appUrl,
      )),
    );
    return { result: await view(c, e, row.id), mails };
  }

  if (row.status !== "submitted" && row.status !== "accepted") {
    throw new AppError("invalid_state", `Changes cannot be requested on a ${row.status} result`, { status: row.status }, 409);
  }
  const reason = input.reason.trim();
  await takeOut(c, e, row, "changes_requested", reason);
  mails.push(
    ...(await recordResultEvent(
      scope,
      e,
      {
        kind: "result_changes_requested",
        actorSide: "company",
        notify: "provider",
        message: reason,
        data: { resultId: row.id, outputType: row.outputType, version: row.version },
        result: label,
      },
      c.appUrl,
    )),
  );
  const reopened = await reopenDeliveredEngagement({ scope, appUrl: c.appUrl } satisfies Acting, e.id, reason);
  mails.push(...reopened.mails);
  return { result: await view(c, e, row.id), mails };
}

/** For the deadline job: accepts a result nobody answered, as the system, in the company's transaction. */
export async function autoAccept(c: ResultsContext, engagementId: string, resultId: string): Promise<Mail[]> {
  const { scope } = c;
  const e = await requireEngagement(scope, engagementId, { lock: "update" });
  const row = await repo.lockResult(scope, e.id, resultId);
  if (row?.status !== "submitted" || CALLED_OFF.includes(e.status)) return [];
  await accept(c, e, row, true);
  return recordResultEvent(
    scope,
    e,
    {
      kind: "result_auto_accepted",
      actorSide: "system",
      notify: "provider",
      message: "",
      data: { resultId: row.id, outputType: row.outputType, version: row.version, automatic: true },
      result: { label: outputType(row.outputType)?.label.de ?? row.outputType, version: row.version },
    },
    c.appUrl,
  );
}

export async function readResultFile(c: ResultsContext, engagementId: string, resultId: string, fileId: string) {
  if (c.scope.orgKind !== "company") throw AppError.forbidden("Result files are served to the company");
  const e = await requireEngagement(c.scope, engagementId);
  const row = await repo.findResult(c.scope, e.id, resultId);
  if (!row) throw AppError.notFound("Result");
  const file = (await repo.listFiles(c.scope, [resultId])).find((f) => f.id === fileId);
  if (!file) throw AppError.notFound("File");
  let content: Buffer;
  try {
    content = await c.storage.get(file.storageKey);
  } catch (err) {
    if ((err as { code?: string }).code === "ENOENT")
      throw new AppError("not_found", "The file's content is no longer in storage", { fileId }, 404);
    throw err;
  }
  await c.scope.audit({ action: "result.file_downloaded", entityType: ENTITY, entityId: resultId, details: { fileId } });
  return { fileName: file.fileName, mimeType: file.mimeType, content };
}

/** Phase 2 Analysis: the company's accepted COPSOQ analyses with their source, newest first. */
export async function copsoqAnalyses(scope: TenantScope) {
  if (scope.orgKind !== "company") throw AppError.forbidden("Only companies have an analysis");
  const rows = await repo.listAcceptedOfType(scope, "copsoq_analysis");
  return {
    items: rows.map((r) => ({ payload: r.result.payload, source: r.source as PartnerResult["source"] })),
    nextCursor: null,
  };
}

/**
 * COPSOQ analyses delivered and waiting for the manager's review, so phase 2 can say so instead of
 * "nothing accepted yet". Few at a time (one per engagement and series), read one after the other.
 */
export async function pendingCopsoqAnalyses(c: ResultsContext): Promise<PendingCopsoqAnalyses> {
  if (c.scope.orgKind !== "company") throw AppError.forbidden("Only companies have an analysis");
  const items: PendingCopsoqAnalyses["items"] = [];
  const engagements = new Map<string, ResultEngagement | null>();
  for (const row of await repo.listSubmittedOfType(c.scope, "copsoq_analysis")) {
    if (!engagements.has(row.engagementId)) engagements.set(row.engagementId, await findResultEngagement(c.scope, row.engagementId));
    const e = engagements.get(row.engagementId);
    if (!e) continue;
    items.push({ source: sourceOf(row, e, null), autoAcceptAt: autoAcceptAtOf(row.submittedAt, c.autoAcceptDays) });
  }
  return { items, nextCursor: null };
}
