import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import type { MemberItem } from "../../../lib/api-types";
import { queryKeys } from "../../../lib/query-keys";

export function getMembers(): Promise<MemberItem[]> {
  return apiRequest<MemberItem[]>("/api/organization/members");
}

export function useMembers() {
  return useQuery({ queryKey: queryKeys.members, queryFn: getMembers });
}
