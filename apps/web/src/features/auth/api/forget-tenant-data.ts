import type { QueryClient } from "@tanstack/react-query";
import { authKeys } from "./query-keys";

/**
 * After the active organization changed (switch, new organization, accepted invitation): data of the
 * previous tenant must never show up under the new one, not even for a moment. Drops every cached
 * query but the session, then refreshes the session.
 */
export async function forgetTenantData(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.all[0] });
  await queryClient.invalidateQueries({ queryKey: authKeys.me() });
}
