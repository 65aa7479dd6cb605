import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError } from "../lib/app-error.js";

function send(reply: import("fastify").FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.status(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

/** Maps every failure to `{ error: { code, message, details } }`; nothing leaks a stack trace. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return send(reply, err.status, err.code, err.message, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      // A route may answer schema problems with 422 and JSON paths as arrays (partner result uploads).
      const status = req.routeOptions.config?.validationStatus ?? 400;
      return send(reply, status, "validation_failed", "The request does not match the expected schema", {
        issues: err.validation.map((v) => ({
          in: err.validationContext,
          path:
            status === 422
              ? v.instancePath
                  .split("/")
                  .filter(Boolean)
                  .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg))
              : v.instancePath,
          message: v.message,
        })),
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, "response did not match its schema");
      return send(reply, 500, "internal", "Internal error");
    }
    // Safety net: a value PostgreSQL refuses as data (class 22: out-of-range dates, bad encodings,
    // numeric overflow) is bad input, not a server failure.
    const pgCode = (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
    if (typeof pgCode === "string" && /^22[0-9A-Z]{3}$/.test(pgCode)) {
      return send(reply, 400, "bad_request", "A value is out of the range the database accepts");
    }
    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return send(reply, 413, "payload_too_large", "The request body is too large");
    }
    if (err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return send(reply, 415, "unsupported_media_type", err.message);
    }
    if (err.code === "FST_ERR_RATE_LIMIT_EXCEEDED" || status === 429) {
      return send(reply, 429, "rate_limited", "Too many requests, try again later");
    }
    if (status >= 400 && status < 500) {
      return send(reply, status, status === 404 ? "not_found" : "bad_request", err.message);
    }
    req.log.error({ err }, "unhandled error");
    return send(reply, 500, "internal", "Internal error");
  });
  app.setNotFoundHandler((req, reply) => send(reply, 404, "not_found", `Route ${req.method} ${req.url.split("?")[0]} not found`));
}
