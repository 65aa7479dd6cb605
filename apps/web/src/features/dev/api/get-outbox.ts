import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { devKeys } from "./query-keys";
import type { OutboxResponse } from "./types";

export function getOutbox(): Promise<OutboxResponse> {
  return apiRequest<OutboxResponse>("/api/dev/outbox");
}

export function useOutbox() {
  return useQuery({ queryKey: devKeys.outbox(), queryFn: getOutbox, refetchInterval: 5000 });
}
