import { apiRequest } from "../../../lib/api-client";
import type { EngagementDetail } from "./types";
import { useEngagementMutation } from "./use-engagement-mutation";

export interface SendQuoteInput {
  priceCents: number;
  scopeOfWork: string;
  validUntil: string;
  message: string;
}

export function sendQuote(id: string, input: SendQuoteInput): Promise<EngagementDetail> {
  return apiRequest<EngagementDetail>(`/api/engagements/${encodeURIComponent(id)}/quotes`, { method: "POST", json: input });
}

export function useSendQuote(id: string) {
  return useEngagementMutation((input: SendQuoteInput) => sendQuote(id, input));
}
