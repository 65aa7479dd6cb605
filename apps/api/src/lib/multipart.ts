import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "./app-error.js";

/** What one multipart request may carry. Files are held in memory, so these bound what a request costs. */
export interface MultipartLimits {
  /** Each file; a larger one is a 413. */
  maxFileBytes: number;
  maxFiles: number;
  /** All files of the request together. */
  maxTotalBytes: number;
  maxFields: number;
  maxFieldBytes: number;
  /** How the 413s name the limits for this route's callers, e.g. "At most 10 files per result". */
  messages: { tooManyParts: string; tooLargeTogether: string };
}

export interface MultipartFile {
  fileName: string;
  content: Buffer;
}

export interface MultipartBody {
  /** Text fields by name (the last one wins). */
  fields: Record<string, unknown>;
  /** Files in the order they came. */
  files: MultipartFile[];
}

/**
 * Lets the routes of the calling plugin, and only those, take multipart bodies within `limits`
 * (@fastify/multipart decorates the plugin it is registered in).
 */
export async function acceptMultipart(app: Pick<FastifyInstance, "register">, limits: MultipartLimits): Promise<void> {
  await app.register(multipart, {
    limits: {
      fileSize: limits.maxFileBytes,
      files: limits.maxFiles,
      fields: limits.maxFields,
      fieldSize: limits.maxFieldBytes,
      parts: limits.maxFiles + limits.maxFields,
    },
    throwFileSizeLimit: true,
  });
}

/**
 * Reads a multipart body into memory: null when the request is not multipart. Meant for a
 * `preValidation` hook, so that the fields can become the body the route's schema validates. A
 * malformed body is a 400, too many bytes or parts a 413 — never a 500.
 */
export async function readMultipart(req: FastifyRequest, limits: MultipartLimits): Promise<MultipartBody | null> {
  if (!req.isMultipart()) return null;
  const { maxFileBytes } = limits;
  const fields: Record<string, unknown> = {};
  const files: MultipartFile[] = [];
  let total = 0;
  try {
    for await (const part of req.parts()) {
      if (part.type === "file") {
        const content = await part.toBuffer();
        total += content.length;
        if (total > limits.maxTotalBytes) {
          throw new AppError("payload_too_large", limits.messages.tooLargeTogether, { maxFileBytes }, 413);
        }
        files.push({ fileName: part.filename || "datei", content });
      } else {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { code?: string; statusCode?: number };
    if (e.statusCode === 413 || e.code === "FST_REQ_FILE_TOO_LARGE") {
      throw new AppError("payload_too_large", `Files may be at most ${Math.round(maxFileBytes / 1024 / 1024)} MB`, { maxFileBytes }, 413);
    }
    if (e.code === "FST_FILES_LIMIT" || e.code === "FST_PARTS_LIMIT" || e.code === "FST_FIELDS_LIMIT") {
      throw new AppError("payload_too_large", limits.messages.tooManyParts, { code: e.code }, 413);
    }
    throw new AppError("bad_request", "The multipart body could not be read");
  }
  return { fields, files };
}
