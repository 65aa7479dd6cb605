import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../lib/app-error.js";
import { issue, pointerToPath } from "../lib/validation-issues.js";

/**
 * The JSON pointer of the first string holding a NUL, or null. The pointer is only built on a hit: this runs
 * on every request, and building a path string per field walked cost more than the walk itself.
 */
function findNul(value: unknown): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? "" : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i]);
      if (hit !== null) return `/${i}${hit}`;
    }
  } else if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      const hit = findNul((value as Record<string, unknown>)[k]);
      if (hit !== null) return `/${k}${hit}`;
    }
  }
  return null;
}

/**
 * PostgreSQL cannot store NUL characters in text. Rather than teach every schema about them, one
 * hook refuses them anywhere in params, query or JSON body before validation runs.
 */
export function registerInputHygiene(app: FastifyInstance) {
  // Synchronous: it runs on every request, and an async hook costs a promise and a microtask turn each time.
  app.addHook("preValidation", (req, _reply, done) => {
    try {
      check(req);
      done();
    } catch (err) {
      done(err as Error);
    }
  });
}

function check(req: FastifyRequest) {
  // Upload routes name the file types they take; anything else (JSON, say) is 415, not a 400 from the schema.
  // GETs first: `req.routeOptions` builds a new object on every access, and most requests are GETs.
  const consumes = req.method === "GET" ? undefined : (req.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes;
  if (consumes) {
    const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (!consumes.includes(type)) {
      throw new AppError("unsupported_media_type", `Send the body as one of: ${consumes.join(", ")}`, { accepted: consumes });
    }
  }
  nulFree("params", req.params);
  nulFree("querystring", req.query);
  nulFree("body", req.body);
}

function nulFree(part: "params" | "querystring" | "body", value: unknown) {
  const at = findNul(value);
  if (at !== null)
    throw new AppError("validation_failed", "Text must not contain NUL characters", {
      issues: [issue(part, pointerToPath(at || "/"), "nul_character", "NUL character")],
    });
}
