import { createBgmClient } from "@bgm/api-client";
import { apiErrorOf, queryString } from "./api-client";

// A module of its own: pages that only call `apiRequest` (sign-in) do not load openapi-fetch.

/**
 * The typed client: `api.GET("/api/engagements/{id}", { params: { path: { id } } })` — a path the API does
 * not have, a wrong parameter, body or answer type fails typecheck. Same-origin cookie, the CSRF header on
 * every write, the query serialised like `apiRequest` does; pass the call to `unwrap`.
 */
export const api = createWebApiClient();

/** How `api` is made; `baseUrl` only for tests outside a browser (there a relative URL has nothing to resolve against). */
export function createWebApiClient(baseUrl = "") {
  return createBgmClient({
    baseUrl,
    credentials: "same-origin",
    querySerializer: queryString,
    // Looked up per call, so tests that replace globalThis.fetch reach it.
    fetch: (request) => globalThis.fetch(request),
  });
}

/** The answer of a typed call, or an ApiError (the API's error shape) when the API refused it. */
export async function unwrap<D>(pending: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<Exclude<D, undefined>> {
  const { data, error, response } = await pending;
  if (!response.ok) throw apiErrorOf(response, error);
  return data as Exclude<D, undefined>;
}
