import { apiRequest } from "../../../lib/api-client";
import type { EngagementDetail, SendQuoteInput } from "./types";
import { useEngagementMutation } from "./use-engagement-mutation";

export function sendQuote(id: string, input: SendQuoteInput): Promise<EngagementDetail> {
  return apiRequest<EngagementDetail>(`/api/engagements/${encodeURIComponent(id)}/quotes`, { method: "POST", json: input });
}

export function useSendQuote(id: string) {
  return useEngagementMutation((input: SendQuoteInput) => sendQuote(id, input));
}
