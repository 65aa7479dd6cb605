/** `/join/{token}` and `/api/join/{token}/…` (not `/api/join/sign-in`): the company join link's token. */
const JOIN_TOKEN_IN_PATH = /^(\/(?:api\/)?join\/)(?!sign-in$)[^/]+/;

/**
 * The URL as the request log writes it: without the query string (search terms may be names, mailed
 * links carry tokens) and without the token of a company join link (ADR 0012).
 */
export function logUrl(url: string | undefined): string | undefined {
  return url?.split("?")[0]?.replace(JOIN_TOKEN_IN_PATH, "$1…");
}
