import type { ValidationIssue } from "@bgm/domain";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError } from "../lib/app-error.js";
import { IdempotentReplay } from "../lib/idempotency.js";
import { isDatabaseUnavailable, isStorageFull } from "../lib/infra-errors.js";
import { RETRY_AFTER_S } from "../lib/lifecycle.js";
import { issue, pointerToPath } from "../lib/validation-issues.js";
import { drainBody } from "./drain-body.js";
import { API_HEADERS } from "./security.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Status for schema validation failures of this route (default 400). */
    validationStatus?: number;
  }
}

function send(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.status(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

/** One wording for "no such route", whoever says it; it never repeats the URL the client sent. */
export const NO_ROUTE_MESSAGE = "No route matches this method and path";

/**
 * Errors Fastify raises in its own code, keyed by its error code: a fixed status and message each, so no
 * answer repeats what the client sent (a URL, a content type, a fragment of a body).
 */
const FRAMEWORK_ERRORS: Record<string, [status: number, code: string, message: string]> = {
  FST_ERR_BAD_URL: [400, "bad_request", "The URL is not valid"],
  FST_ERR_MAX_PARAM_LENGTH: [414, "uri_too_long", "A path parameter is too long"],
  FST_ERR_ASYNC_CONSTRAINT: [400, "bad_request", "The request could not be routed"],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, "invalid_json", "The body is not valid JSON"],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, "invalid_json", "The body is empty although its content type is JSON"],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, "unsupported_media_type", "This content type is not accepted here"],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, "bad_request", "The Content-Length does not match the body"],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, "payload_too_large", "The request body is too large"],
  FST_ERR_CTP_EMPTY_TYPE: [415, "unsupported_media_type", "The content type is empty"],
  FST_ERR_CTP_INVALID_TYPE: [415, "unsupported_media_type", "The content type is not valid"],
  FST_ERR_PARAMETER_TOO_LARGE: [414, "uri_too_long", "A parameter is too long"],
};

/**
 * Errors raised while routing (bad URL encoding, a path parameter over maxParamLength) skip every hook,
 * so the security headers, the request id and the cache policy are set here by hand.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  for (const [name, value] of API_HEADERS) reply.header(name, value);
  reply.header("x-request-id", req.id);
  const [status, code, message] = FRAMEWORK_ERRORS[err.code] ?? [400, "bad_request", "The request is not valid"];
  return send(reply, status, code, message);
}

/** Maps every failure to `{ error: { code, message, details } }`; nothing leaks a stack trace. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    // Not an error: the stored answer of an Idempotency-Key's first request (lib/idempotency.ts).
    if ((err as unknown) instanceof IdempotentReplay) return (err as unknown as IdempotentReplay).send(reply);
    if (err instanceof AppError) {
      if (err.status === 413) await drainBody(req.raw);
      return send(reply, err.status, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      // A route may answer schema problems with 422 and JSON paths as arrays (partner result uploads).
      const status = req.routeOptions.config?.validationStatus ?? 400;
      const part = (err.validationContext ?? "body") as ValidationIssue["in"];
      return send(reply, status, "validation_failed", "The request does not match the expected schema", {
        issues: err.validation.map((v) => issue(part, pointerToPath(v.instancePath), v.keyword, v.message ?? "Invalid value")),
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, "response did not match its schema");
      return send(reply, 500, "internal", "Internal error");
    }
    // The database is down or restarting: fail fast with 503 + Retry-After instead of a 500, so clients and
    // the load balancer retry later. The pool drops the broken connections and reconnects by itself.
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ code: (err as { code?: string }).code }, "database unavailable");
      reply.header("retry-after", String(RETRY_AFTER_S));
      return send(reply, 503, "unavailable", "The database is not reachable at the moment, try again shortly", { reason: "database" });
    }
    // The disk under the file store is full: nothing was saved (the upload rolls back and removes its files).
    if (isStorageFull(err)) {
      req.log.error("file store full");
      return send(reply, 507, "insufficient_storage", "The file store is full; nothing was saved", { reason: "storage_full" });
    }
    // Safety net: a value PostgreSQL refuses as data (class 22: out-of-range dates, bad encodings,
    // numeric overflow) is bad input, not a server failure.
    const pgCode = (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
    if (typeof pgCode === "string" && /^22[0-9A-Z]{3}$/.test(pgCode)) {
      return send(reply, 400, "bad_request", "A value is out of the range the database accepts");
    }
    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      await drainBody(req.raw);
      return send(reply, 413, "payload_too_large", "The request body is too large");
    }
    const known = FRAMEWORK_ERRORS[err.code];
    if (known) return send(reply, ...known);
    if (err.code === "FST_ERR_RATE_LIMIT_EXCEEDED" || status === 429) {
      return send(reply, 429, "rate_limited", "Too many requests, try again later");
    }
    if (status === 404) return send(reply, 404, "not_found", NO_ROUTE_MESSAGE);
    if (status >= 400 && status < 500) {
      // Other client errors from plugins: the status stands, their text (which may quote input) does not.
      req.log.info({ code: err.code, status }, "client error");
      return send(reply, status, "bad_request", "The request is not valid");
    }
    req.log.error({ err }, "unhandled error");
    return send(reply, 500, "internal", "Internal error");
  });
  app.setNotFoundHandler((_req, reply) => send(reply, 404, "not_found", NO_ROUTE_MESSAGE));
}
