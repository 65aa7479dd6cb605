import type { Project } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { queryKeys } from "../../../lib/query-keys";

export function getProject(): Promise<Project> {
  return apiRequest<Project>("/api/project");
}

export function useProject() {
  return useQuery({ queryKey: queryKeys.project, queryFn: getProject });
}
