import { useMutation, useQueryClient } from "@tanstack/react-query";
import { uploadFile } from "../../../lib/api-client";
import { projectKeys } from "./query-keys";
import type { Task } from "./types";

export function uploadTaskDocument(key: string, file: File): Promise<Task> {
  return uploadFile<Task>(`/api/project/tasks/${encodeURIComponent(key)}/document`, file);
}

export function useUploadTaskDocument(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadTaskDocument(key, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.all }),
  });
}
