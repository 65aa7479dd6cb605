import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import type { OutboxMail } from "../../../lib/api-types";
import { queryKeys } from "../../../lib/query-keys";

export function getOutbox(): Promise<OutboxMail[]> {
  return apiRequest<OutboxMail[]>("/api/dev/outbox");
}

export function useOutbox() {
  return useQuery({ queryKey: queryKeys.outbox, queryFn: getOutbox, refetchInterval: 5000 });
}
