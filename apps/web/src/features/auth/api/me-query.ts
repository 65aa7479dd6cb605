import { queryOptions, useQuery } from "@tanstack/react-query";
import { getMe } from "./get-me";
import { authKeys } from "./query-keys";

/** The session query; app/app.tsx seeds it with the answer main.tsx asked for, useMe reads it. */
export const meQuery = queryOptions({ queryKey: authKeys.me(), queryFn: getMe, staleTime: 60_000 });

export function useMe() {
  return useQuery(meQuery);
}
