import type { Me } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest, isApiError } from "../../../lib/api-client";
import { authKeys } from "./query-keys";

/** Signed-out is a normal state, not an error: it resolves to null. */
export async function getMe(): Promise<Me | null> {
  try {
    return await apiRequest<Me>("/api/me");
  } catch (err) {
    if (isApiError(err, 401)) return null;
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: authKeys.me(), queryFn: getMe, staleTime: 60_000 });
}
