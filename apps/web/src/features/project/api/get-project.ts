import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { projectKeys } from "./query-keys";
import type { Project } from "./types";

export function getProject(): Promise<Project> {
  return apiRequest<Project>("/api/project");
}

export function useProject() {
  return useQuery({ queryKey: projectKeys.project(), queryFn: getProject });
}
