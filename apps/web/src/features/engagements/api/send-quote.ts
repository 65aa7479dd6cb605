import { api, unwrap } from "../../../lib/typed-api";
import type { EngagementDetail, SendQuoteInput } from "./types";
import { useEngagementMutation } from "./use-engagement-mutation";

export function sendQuote(id: string, input: SendQuoteInput): Promise<EngagementDetail> {
  return unwrap(api.POST("/api/engagements/{id}/quotes", { params: { path: { id } }, body: input }));
}

export function useSendQuote(id: string) {
  return useEngagementMutation((input: SendQuoteInput) => sendQuote(id, input));
}
