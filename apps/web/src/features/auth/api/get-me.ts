import type { Me, MeOrSignedOut } from "@bgm/domain";
import { apiRequest } from "../../../lib/api-client";

/**
 * Signed-out is a normal state, not an error: it resolves to null. `GET /api/session` says so with a 200
 * (`{ user: null }`) where `GET /api/me` answers 401, which the browser logs as a failed request on every
 * visit to the sign-in page. Without TanStack Query (main.tsx calls it before the first render, with no
 * query client yet); the query around it is ./me-query.ts.
 */
export async function getMe(): Promise<Me | null> {
  // index.html preloads this request; a preload is only taken by a request with the same headers, and the
  // browser's preload sends Accept: */*.
  const answer = await apiRequest<MeOrSignedOut>("/api/session", { headers: { Accept: "*/*" } });
  return answer.user === null ? null : answer;
}
