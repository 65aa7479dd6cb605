import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { projectKeys } from "./query-keys";
import type { TodoListResponse } from "./types";

export function getTodos(): Promise<TodoListResponse> {
  return apiRequest<TodoListResponse>("/api/todos");
}

/** "What needs me now" on the manager's start page; refreshed when the page is visited again. */
export function useTodos() {
  return useQuery({ queryKey: projectKeys.todos(), queryFn: getTodos });
}
