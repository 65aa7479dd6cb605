import type { Me, MeOrSignedOut } from "@bgm/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { authKeys } from "./query-keys";

/**
 * Signed-out is a normal state, not an error: it resolves to null. `GET /api/session` says so with a 200
 * (`{ user: null }`) where `GET /api/me` answers 401, which the browser logs as a failed request on every
 * visit to the sign-in page.
 */
export async function getMe(): Promise<Me | null> {
  const answer = await apiRequest<MeOrSignedOut>("/api/session");
  return answer.user === null ? null : answer;
}

/** The session query; main.tsx starts it before the first render, useMe reads it. */
export const meQuery = queryOptions({ queryKey: authKeys.me(), queryFn: getMe, staleTime: 60_000 });

export function useMe() {
  return useQuery(meQuery);
}
