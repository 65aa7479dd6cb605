import { createHash } from "node:crypto";
import { type CursorQuery, DOCUMENT_FILE_TYPES, type EngagementMessage, type EngagementSide, MAX_MESSAGE_ATTACHMENTS } from "@bgm/domain";
import { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { detectFileType } from "../../lib/file-type.js";
import { decodeCursor, toPage } from "../../lib/keyset.js";
import type { Mail } from "../../lib/mailer.js";
import type { MultipartFile } from "../../lib/multipart.js";
import type { TenantScope } from "../../lib/request-context.js";
import { listActiveEmployees } from "../employees/index.js";
import { type EngagementWithParties, findEngagementWithParties, recordMessageEvent } from "../engagements/index.js";
import { MAX_FILE_BYTES } from "../files/index.js";
import { notifyOrg } from "../notifications/index.js";
import { emitWebhookEvent } from "../webhooks/index.js";
import * as repo from "./messaging.repository.js";
import { findPersonalData } from "./personal-data.js";

export const sideOf = (scope: TenantScope): EngagementSide => (scope.orgKind === "company" ? "company" : "provider");
const sideScope = (scope: TenantScope): repo.Side => ({ tx: scope.tx, orgId: scope.orgId, side: sideOf(scope) });

/** Only the engagement's two parties reach its thread; anyone else gets the engagement's 404. */
async function requireEngagement(scope: TenantScope, id: string): Promise<EngagementWithParties> {
  const found = await findEngagementWithParties(scope.tx, { orgId: scope.orgId, side: sideOf(scope) }, id);
  if (!found) throw AppError.notFound("Engagement");
  return found;
}

/** Path separators and control characters never reach a download header; the stored name is the server's. */
function safeFileName(name: string): string {
  return (
    Array.from(name, (ch) => (ch === "/" || ch === "\\" || ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? "_" : ch))
      .join("")
      .trim()
      .slice(0, 200) || "datei"
  );
}

interface CheckedFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

/** The document upload rules (ADR 0011): at most 10 MB each, a type read from the bytes, one of the document types. */
async function checkFiles(files: readonly MultipartFile[]): Promise<CheckedFile[]> {
  if (files.length > MAX_MESSAGE_ATTACHMENTS) {
    throw new AppError("payload_too_large", `At most ${MAX_MESSAGE_ATTACHMENTS} files per message`, { max: MAX_MESSAGE_ATTACHMENTS }, 413);
  }
  const checked: CheckedFile[] = [];
  for (const f of files) {
    if (f.content.length > MAX_FILE_BYTES) {
      throw new AppError("payload_too_large", "Files may be at most 10 MB", { maxFileBytes: MAX_FILE_BYTES }, 413);
    }
    if (f.content.length === 0) throw AppError.unprocessable("The file is empty", { fileName: f.fileName });
    const detected = await detectFileType(f.content);
    if (!detected || !(DOCUMENT_FILE_TYPES as readonly string[]).includes(detected)) {
      throw new AppError(
        "file_type_mismatch",
        "This file type is not accepted (PDF, PNG, JPEG or Word only)",
        { fileName: f.fileName, detectedType: detected ?? "unknown", allowed: DOCUMENT_FILE_TYPES },
        422,
      );
    }
    checked.push({ fileName: safeFileName(f.fileName), mimeType: detected, content: f.content });
  }
  return checked;
}

export interface PostInput {
  text: string;
  topic: string | null;
  acknowledgePersonalData: boolean;
}

export async function postMessage(
  scope: TenantScope,
  appUrl: string,
  engagementId: string,
  input: PostInput,
  files: readonly MultipartFile[],
): Promise<{ result: EngagementMessage; mails: Mail[] }> {
  const s = sideScope(scope);
  const e = await requireEngagement(scope, engagementId);
  const checked = await checkFiles(files);

  // Names stay inside: the company side is warned before its message leaves for the partner.
  const matches =
    s.side === "company"
      ? findPersonalData(`${input.topic ?? ""}\n${input.text}`, await listActiveEmployees(scope.tx, scope.orgId, {}))
      : [];
  if (matches.length > 0 && !input.acknowledgePersonalData) {
    throw new AppError(
      "personal_data_warning",
      "The message looks like it contains personal employee data; send it with acknowledgePersonalData: true to confirm",
      { matches },
      422,
    );
  }

  const row = await repo.insertMessage(s, {
    engagementId: e.id,
    orgId: e.orgId,
    providerOrgId: e.providerOrgId,
    senderSide: s.side,
    senderUserId: scope.userId,
    topic: input.topic || null,
    body: input.text,
  });
  const attachments = await repo.insertAttachments(
    s,
    checked.map((f) => ({
      messageId: row.id,
      engagementId: e.id,
      orgId: e.orgId,
      providerOrgId: e.providerOrgId,
      fileName: f.fileName,
      mimeType: f.mimeType,
      sizeBytes: f.content.length,
      sha256: createHash("sha256").update(f.content).digest("hex"),
      content: f.content,
    })),
  );
  // The writer has read everything up to their own message.
  await repo.markThreadRead(s, e);
  await recordMessageEvent(scope, {
    engagement: e,
    side: s.side,
    messageId: row.id,
    text: input.text,
    topic: row.topic,
    attachments: attachments.length,
  });
  // Ids, counts and types only: the text and the file names stay out of the audit log.
  await scope.audit({
    action: "message.sent",
    entityType: "engagement",
    entityId: e.id,
    details: { messageId: row.id, attachments: attachments.length, sizeBytes: attachments.reduce((n, a) => n + a.sizeBytes, 0) },
  });
  if (matches.length > 0) {
    await scope.audit({
      action: "message.personal_data_acknowledged",
      entityType: "engagement",
      entityId: e.id,
      details: {
        messageId: row.id,
        emails: matches.filter((m) => m.kind === "email").length,
        employeeNames: matches.filter((m) => m.kind === "employee_name").length,
      },
    });
  }
  // The partner's systems hear of a company message through its webhooks (ids only; one thread per engagement).
  if (s.side === "company") {
    await emitWebhookEvent(scope.tx, e.providerOrgId, "message.received", { engagementId: e.id, threadId: e.id, messageId: row.id });
  }
  const mails = await notifyOtherSide(scope, e, s.side, appUrl);
  const senderName = await repo.userName(s, scope.userId);
  return {
    result: {
      id: row.id,
      engagementId: e.id,
      senderSide: s.side,
      senderName,
      topic: row.topic,
      text: row.body,
      attachments: attachments.map(({ messageId: _m, ...a }) => a),
      unread: false,
      createdAt: row.createdAt.toISOString(),
    },
    mails,
  };
}

/** The other side hears of the message in the app and by mail, with a link back; never its text or files. */
async function notifyOtherSide(scope: TenantScope, e: EngagementWithParties, from: EngagementSide, appUrl: string): Promise<Mail[]> {
  const other: EngagementSide = from === "company" ? "provider" : "company";
  const writer = from === "company" ? e.companyName : e.providerName;
  const title = e.offeringTitle ?? "Auftrag";
  const path = `/engagements/${e.id}`;
  const link = `${appUrl.replace(/\/+$/, "")}${path}`;
  const body = `${writer} hat Ihnen eine Nachricht zu „${title}“ geschrieben.`;
  return notifyOrg(scope.tx, {
    orgId: other === "company" ? e.orgId : e.providerOrgId,
    orgKind: other,
    kind: "engagement.message",
    title: "Neue Nachricht",
    body,
    link: path,
    mail: {
      subject: `BGM Hub: Neue Nachricht – ${title}`,
      text: `Guten Tag,\n\n${body}\nDie Nachricht lesen Sie im BGM Hub (aus Datenschutzgründen steht sie nicht in dieser E-Mail):\n\n${link}\n\nIhr BGM Hub\n(Diese E-Mail wurde automatisch versendet.)\n`,
    },
  });
}

const MessageCursor = z.tuple([z.number().int().min(1)]);

export async function listMessages(scope: TenantScope, engagementId: string, query: CursorQuery) {
  const s = sideScope(scope);
  await requireEngagement(scope, engagementId);
  const before = decodeCursor(query.cursor, MessageCursor);
  const rows = await repo.listMessages(s, engagementId, { beforeSeq: before?.[0], limit: query.limit });
  const page = rows.slice(0, query.limit);
  const files = await repo.listAttachments(
    s,
    page.map((r) => r.message.id),
  );
  const read = await repo.lastReadSeq(s, engagementId);
  return toPage(
    rows,
    query.limit,
    (r) => [r.message.seq],
    (r): EngagementMessage => ({
      id: r.message.id,
      engagementId: r.message.engagementId,
      senderSide: r.message.senderSide as EngagementSide,
      senderName: r.senderName,
      topic: r.message.topic,
      text: r.message.body,
      attachments: files.filter((f) => f.messageId === r.message.id).map(({ messageId: _m, ...a }) => a),
      unread: r.message.senderSide !== s.side && r.message.seq > read,
      createdAt: r.message.createdAt.toISOString(),
    }),
  );
}

export async function markRead(scope: TenantScope, engagementId: string) {
  const e = await requireEngagement(scope, engagementId);
  await repo.markThreadRead(sideScope(scope), e);
  return unread(scope);
}

export async function unread(scope: TenantScope) {
  const items = await repo.unreadCounts(sideScope(scope));
  return { total: items.reduce((n, i) => n + i.unread, 0), items, nextCursor: null };
}

export async function readAttachment(scope: TenantScope, ids: { engagementId: string; messageId: string; attachmentId: string }) {
  await requireEngagement(scope, ids.engagementId);
  const row = await repo.findAttachment(sideScope(scope), ids);
  if (!row) throw AppError.notFound("Attachment");
  return row;
}
