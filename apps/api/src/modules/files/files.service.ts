import { createHash } from "node:crypto";
import { storedFile } from "@bgm/db";
import { DOCUMENT_FILE_TYPES } from "@bgm/domain";
import { and, eq, inArray } from "drizzle-orm";
import { AppError } from "../../lib/app-error.js";
import { detectFileType } from "../../lib/file-type.js";
import type { TenantScope } from "../../lib/request-context.js";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface UploadInput {
  fileName: string;
  declaredType: string;
  content: Buffer;
  note?: string;
  attachedTo: string;
  attachedId: string;
}

/**
 * Stores an uploaded file after checking that its bytes are what its type claims (a PDF starts
 * with %PDF-, a PNG with its signature, ...): an executable renamed to .pdf is refused.
 */
export async function storeFile(scope: TenantScope, input: UploadInput) {
  if (input.content.length === 0) throw AppError.unprocessable("The file is empty");
  if (input.content.length > MAX_FILE_BYTES) throw new AppError("payload_too_large", "Files may be at most 10 MB");
  const detected = await detectFileType(input.content);
  if (!detected || detected !== input.declaredType || !(DOCUMENT_FILE_TYPES as readonly string[]).includes(detected)) {
    throw AppError.unprocessable("The file content does not match its type", {
      declaredType: input.declaredType,
      detectedType: detected ?? "unknown",
      allowed: DOCUMENT_FILE_TYPES,
    });
  }
  // Path separators and control characters never reach a download header or a disk.
  const fileName =
    Array.from(input.fileName, (ch) => (ch === "/" || ch === "\\" || ch.charCodeAt(0) < 32 ? "_" : ch))
      .join("")
      .slice(0, 200) || "file";
  const [row] = await scope.tx
    .insert(storedFile)
    .values({
      orgId: scope.orgId,
      fileName,
      mimeType: detected,
      sizeBytes: input.content.length,
      sha256: createHash("sha256").update(input.content).digest("hex"),
      content: input.content,
      note: input.note ?? "",
      attachedTo: input.attachedTo,
      attachedId: input.attachedId,
      uploadedBy: scope.userId,
    })
    .returning({
      id: storedFile.id,
      fileName: storedFile.fileName,
      mimeType: storedFile.mimeType,
      sizeBytes: storedFile.sizeBytes,
      note: storedFile.note,
      createdAt: storedFile.createdAt,
    });
  if (!row) throw new Error("file insert returned nothing");
  await scope.audit({
    action: "file.uploaded",
    entityType: input.attachedTo,
    entityId: input.attachedId,
    details: { fileId: row.id, sizeBytes: row.sizeBytes, mimeType: row.mimeType },
  });
  return row;
}

export async function readFile(scope: TenantScope, id: string) {
  const [row] = await scope.tx
    .select()
    .from(storedFile)
    .where(and(eq(storedFile.id, id), eq(storedFile.orgId, scope.orgId)));
  if (!row) throw AppError.notFound("File");
  return row;
}

export async function listFiles(scope: TenantScope, attachedTo: string, attachedIds: string[]) {
  if (attachedIds.length === 0) return [];
  return scope.tx
    .select({
      id: storedFile.id,
      attachedId: storedFile.attachedId,
      fileName: storedFile.fileName,
      mimeType: storedFile.mimeType,
      sizeBytes: storedFile.sizeBytes,
      note: storedFile.note,
      createdAt: storedFile.createdAt,
    })
    .from(storedFile)
    .where(and(eq(storedFile.orgId, scope.orgId), eq(storedFile.attachedTo, attachedTo), inArray(storedFile.attachedId, attachedIds)))
    .orderBy(storedFile.createdAt);
}
