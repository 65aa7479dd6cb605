import type { Database } from "@bgm/db";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../lib/app-error.js";
import { addIdempotencyParts } from "../../lib/idempotency.js";
import { type MultipartLimits, readMultipart } from "../../lib/multipart.js";
import { issue } from "../../lib/validation-issues.js";
import { inActorTenant, partnerActor } from "../partner-access/index.js";
import { findResultEngagement } from "./engagement-view.js";
import { type IncomingFile, MAX_FILES_PER_RESULT } from "./submission.js";
import type { Uploader } from "./upload.js";

/**
 * The upload route's two `preValidation` steps: who delivers, then the body. They run before the
 * route's schema, so that a multipart body is validated by the same schema as a JSON one.
 */

declare module "fastify" {
  interface FastifyRequest {
    /** Files of a multipart result upload, read before validation. */
    resultFiles?: IncomingFile[];
    /** Who delivers, checked before the body is read. */
    uploader?: Uploader;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What one result upload may carry: its files together at most twice the single-file limit. */
export const uploadLimits = (maxFileBytes: number): MultipartLimits => ({
  maxFileBytes,
  maxFiles: MAX_FILES_PER_RESULT,
  maxTotalBytes: 2 * maxFileBytes,
  maxFields: 10,
  maxFieldBytes: 5 * 1024 * 1024,
  messages: {
    tooManyParts: `At most ${MAX_FILES_PER_RESULT} files per result`,
    tooLargeTogether: "The files of one result may be at most twice the single-file limit together",
  },
});

/**
 * Who delivers: an API key (machines; the key acts for its creator in the audit log, and a refused
 * key is recorded as on every partner endpoint) or a partner session, and the engagement must be
 * theirs. Checked before a byte of the body is read, so nobody without the right to deliver here can
 * make the server buffer uploads. Params are not validated yet: an id that is no UUID is a 404 here.
 */
export const authenticateUploader = (db: Database) => async (req: FastifyRequest<{ Params: { id: string } }>) => {
  const id = typeof req.params.id === "string" && UUID.test(req.params.id) ? req.params.id : null;
  const actor = await partnerActor(db, req, { engagementId: id });
  const engagement = id ? await inActorTenant(db, req, actor, (s) => findResultEngagement(s, id)) : null;
  if (!engagement) throw AppError.notFound("Engagement");
  req.uploader = { ...actor, engagement };
};

/**
 * A multipart upload carries `outputType`, `payload` (JSON text, or a part of type application/json)
 * and `note` as fields and the files as parts; it is turned into the JSON body shape here. A JSON
 * body is left as it is.
 */
export const readUploadBody = (limits: MultipartLimits) => async (req: FastifyRequest) => {
  const body = await readMultipart(req, limits);
  if (!body) return;
  const { outputType, payload, note } = body.fields;
  req.body = { outputType, payload: parseJsonField(payload), ...(note === undefined ? {} : { note }) };
  req.resultFiles = body.files;
  // A multipart body is the same request when its fields and files are: the files count by their hash.
  addIdempotencyParts(
    req,
    body.files.map((f) => ({ name: f.fileName, content: f.content })),
  );
};

function parseJsonField(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new AppError(
      "validation_failed",
      "The payload field must be JSON",
      { issues: [issue("body", ["payload"], "invalid_json", "Invalid JSON")] },
      422,
    );
  }
}
