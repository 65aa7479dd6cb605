import { apiErrorParts } from "@bgm/api-client/errors";

/**
 * The one place that talks HTTP to the API. Every state-changing request carries the CSRF header the
 * server insists on; errors are normalised into ApiError whether they come from our own error handler
 * (`{ error: { code, message, details } }`) or from better-auth (`{ code, message }`).
 *
 * How features call it (key factories, request and answer types from @bgm/domain, typed fetchers):
 * see features/README.md. Fetchers use the typed client `api` of ./typed-api (paths, parameters, bodies
 * and answers generated from the API's OpenAPI document, package @bgm/api-client) with `unwrap`;
 * `apiRequest` is the untyped fallback for what the document does not describe.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** One problem of a refused request (`details.issues`): where, what, and the registry entry naming it, if any. */
export interface ApiIssue {
  path: (string | number)[];
  /** Machine-readable: what the endpoint documents (Zod's issue codes, or its own such as `duplicate_email`). */
  code?: string;
  message: string;
  issue?: unknown;
  values?: unknown;
}

/** The problems an API error lists in `details.issues`; empty for any other error. */
export function apiIssues(error: unknown): ApiIssue[] {
  if (!(error instanceof ApiError)) return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue) => {
    const raw = (issue ?? {}) as { path?: unknown; code?: unknown; message?: unknown; issue?: unknown; values?: unknown };
    if (typeof raw.message !== "string") return [];
    const path = Array.isArray(raw.path)
      ? raw.path.filter((p): p is string | number => typeof p === "string" || typeof p === "number")
      : [];
    const code = typeof raw.code === "string" ? { code: raw.code } : {};
    return [{ path, ...code, message: raw.message, issue: raw.issue, values: raw.values }];
  });
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as-is (files, CSV text); set the Content-Type in `headers`. */
  body?: BodyInit;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
}

/** A query string without the leading "?": empty values ("" = "any" in a filter, undefined, null) are left out. */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  return params.toString();
}

function buildUrl(path: string, query: RequestOptions["query"]): string {
  const qs = queryString(query);
  return qs ? `${path}?${qs}` : path;
}

/** A refused request's ApiError from its (possibly non-JSON) body. */
export function apiErrorOf(res: Pick<Response, "status" | "statusText">, body: unknown): ApiError {
  const e = apiErrorParts(res, body);
  return new ApiError(e.status, e.code, e.message, e.details);
}

async function toApiError(res: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    // Not JSON (e.g. a proxy error page); fall through to a generic error.
  }
  return apiErrorOf(res, payload);
}

/**
 * GET answers requested before the code that needs them had loaded: main.tsx starts a first page's
 * requests as soon as the session is known, in parallel with the page's chunks (app/first-queries.ts).
 * The first plain GET of the same path takes the answer over instead of asking again; an answer nobody
 * took within EARLY_GET_TTL_MS is dropped, so a later visit never gets it.
 */
const earlyGets = new Map<string, { startedAt: number; answer: Promise<unknown> }>();
export const EARLY_GET_TTL_MS = 10_000;

/** Starts GETs of `paths` now, for the next plain `apiRequest(path)` (no query, signal or headers) to take over. */
export function startEarlyGets(paths: readonly string[]): void {
  for (const path of paths) {
    const answer = apiRequest(path);
    // A refusal or network error goes to whoever takes the answer; nobody taking it is no error.
    answer.catch(() => undefined);
    earlyGets.set(path, { startedAt: Date.now(), answer });
  }
}

function takeEarlyGet(path: string): Promise<unknown> | undefined {
  const early = earlyGets.get(path);
  if (!early) return undefined;
  earlyGets.delete(path);
  return Date.now() - early.startedAt <= EARLY_GET_TTL_MS ? early.answer : undefined;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  if (method === "GET" && options.query === undefined && options.signal === undefined && options.headers === undefined) {
    const early = takeEarlyGet(path);
    if (early) return early as Promise<T>;
  }
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.json);
  }
  if (method !== "GET") headers["X-Requested-With"] = "bgm-hub";

  const res = await fetch(buildUrl(path, options.query), {
    method,
    headers,
    body,
    credentials: "same-origin",
    signal: options.signal,
  });
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get("content-type") ?? "";
  if (!type.includes("json")) return undefined as T;
  return (await res.json()) as T;
}

export function isApiError(err: unknown, status?: number): err is ApiError {
  return err instanceof ApiError && (status === undefined || err.status === status);
}

/** Upload a file as the raw request body, as the API expects for documents and evidence. */
export function uploadFile<T>(path: string, file: File, extraHeaders: Record<string, string> = {}): Promise<T> {
  return apiRequest<T>(path, {
    method: "POST",
    body: file,
    headers: {
      "Content-Type": file.type || "application/octet-stream",
      "X-File-Name": encodeURIComponent(file.name),
      ...extraHeaders,
    },
  });
}

export function fileUrl(id: string): string {
  return `/api/files/${encodeURIComponent(id)}`;
}

/** A file the API answers with, and the name its Content-Disposition gives it (or the fallback). */
export interface ApiFile {
  blob: Blob;
  fileName: string;
}

/**
 * Fetch a file (PDF, CSV, XLSX …) for the browser to save. Unlike a plain link, a refusal arrives as an
 * ApiError the page can show instead of being saved as a file, and the request carries the CSRF header
 * like every other call of the app.
 */
export async function apiFile(
  path: string,
  options: Pick<RequestOptions, "query" | "signal"> & { fallbackName: string },
): Promise<ApiFile> {
  const res = await fetch(buildUrl(path, options.query), {
    headers: { Accept: "*/*", "X-Requested-With": "bgm-hub" },
    credentials: "same-origin",
    signal: options.signal,
  });
  if (!res.ok) throw await toApiError(res);
  return { blob: await res.blob(), fileName: fileNameFromDisposition(res.headers.get("content-disposition"), options.fallbackName) };
}

/**
 * The file name of a Content-Disposition header (RFC 6266): `filename*=UTF-8''…` wins over `filename="…"`;
 * path separators are dropped so a name can never point elsewhere. The fallback when neither is usable.
 */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  let name: string | undefined;
  if (extended) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*"([^"]*)"/.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(header)?.[1];
  const safe = name?.replace(/[/\\]/g, "").trim();
  return safe ? safe : fallback;
}
