import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { devKeys } from "./query-keys";
import type { OutboxMail } from "./types";

export function getOutbox(): Promise<OutboxMail[]> {
  return apiRequest<OutboxMail[]>("/api/dev/outbox");
}

export function useOutbox() {
  return useQuery({ queryKey: devKeys.outbox(), queryFn: getOutbox, refetchInterval: 5000 });
}
