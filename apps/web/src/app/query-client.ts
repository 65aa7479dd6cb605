import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { authKeys } from "../features/auth";
import { isApiError } from "../lib/api-client";

/**
 * A 401 from any call means the session is gone: forgetting `me` makes the auth guard send the
 * user to /login. Mutations on the auth pages themselves (wrong password) opt out via `meta.authForm`.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error, 401) && query.queryKey[0] !== authKeys.all[0]) {
          client.setQueryData(authKeys.me(), null);
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (isApiError(error, 401) && !mutation.meta?.authForm) client.setQueryData(authKeys.me(), null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !isApiError(error) && count < 2,
      },
    },
  });
  return client;
}
