/**
 * @bgm/api-client: the BGM Hub API's types, generated from its OpenAPI document (`npm run api:generate`),
 * and a small fetch client over them (openapi-fetch). The web app calls the API through it; a partner's
 * machine can use it with an API key:
 *
 *   const bgm = createBgmClient({ baseUrl: "https://bgm-hub.example", apiKey: process.env.BGM_API_KEY });
 *   const grants = await unwrap(bgm.GET("/api/partner/engagements/{id}/grants", { params: { path: { id } } }));
 *
 * (src/examples/partner-jobs.ts: Marcus's two jobs, fetch granted data and upload a result.)
 * Paths, parameters, request bodies and answers are checked by the compiler against the routes as they are.
 */
import createClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "../generated/schema";
import { apiErrorParts, BgmApiError } from "./errors";

export { type ApiErrorParts, apiErrorParts, BgmApiError } from "./errors";

export type { components, operations, paths };
export type BgmClient = Client<paths>;

/** Every write with a session cookie carries this header (the API's CSRF guard); with an API key it is harmless. */
export const CSRF_HEADER = { name: "X-Requested-With", value: "bgm-hub" } as const;

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== "GET" && request.method !== "HEAD") request.headers.set(CSRF_HEADER.name, CSRF_HEADER.value);
    return request;
  },
};

export interface BgmClientOptions extends ClientOptions {
  /** A provider's API key (`bgm_…`), sent as `Authorization: Bearer <key>`; leave out in the browser (cookie session). */
  apiKey?: string;
}

export function createBgmClient(options: BgmClientOptions = {}): BgmClient {
  const { apiKey, headers, ...rest } = options;
  const client = createClient<paths>({
    ...rest,
    headers: {
      Accept: "application/json",
      ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
      ...(headers as Record<string, string>),
    },
  });
  client.use(csrf);
  return client;
}

/** The answer of a call, or a BgmApiError when the API refused it: `await unwrap(bgm.GET(...))`. */
export async function unwrap<D>(pending: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<Exclude<D, undefined>> {
  const { data, error, response } = await pending;
  if (!response.ok) throw new BgmApiError(apiErrorParts(response, error));
  return data as Exclude<D, undefined>;
}
