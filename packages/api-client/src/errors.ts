// The API's one error shape, without the client: importable alone (`@bgm/api-client/errors`) where no call is typed.

/** What the API says when it refuses: `{ error: { code, message, details } }` (also better-auth's `{ code, message }`). */
export interface ApiErrorParts {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

/**
 * The refusal of a response in the API's one error shape, whatever the body was: the API's envelope, better-auth's
 * flat `{ code, message }`, or not JSON at all (a proxy's error page) — then code "error" and the status text.
 */
export function apiErrorParts(response: Pick<Response, "status" | "statusText">, body: unknown): ApiErrorParts {
  const payload = (body && typeof body === "object" ? body : {}) as {
    error?: { code?: unknown; message?: unknown; details?: unknown };
    code?: unknown;
    message?: unknown;
  };
  const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  const err = payload.error;
  if (err && typeof err === "object") {
    return {
      status: response.status,
      code: str(err.code) ?? "error",
      message: str(err.message) ?? response.statusText,
      details: err.details,
    };
  }
  return { status: response.status, code: str(payload.code) ?? "error", message: str(payload.message) ?? response.statusText };
}

/** A refused call: the API's error code, message and details (`details.issues` for validation errors). */
export class BgmApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;
  constructor(parts: ApiErrorParts) {
    super(parts.message);
    this.name = "BgmApiError";
    this.status = parts.status;
    this.code = parts.code;
    this.details = parts.details;
  }
}
