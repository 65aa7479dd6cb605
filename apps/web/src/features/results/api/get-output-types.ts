import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";
import { resultKeys } from "./query-keys";
import type { OutputTypeListResponse } from "./types";

export async function getOutputTypes(): Promise<OutputTypeListResponse> {
  // openapi-fetch drops a property typed exactly `null` from answers (its Readable<> helper); this whole list
  // always answers `nextCursor: null` (see the API reference), so the type says so again.
  return { ...(await unwrap(api.GET("/api/output-types"))), nextCursor: null };
}

/** The registry changes only with a release: fetch it once per session. */
export function useOutputTypes() {
  return useQuery({ queryKey: resultKeys.outputTypes(), queryFn: getOutputTypes, staleTime: Number.POSITIVE_INFINITY });
}
