import type { AssistantAnswer, AssistantQuestion } from "@bgm/domain";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";

export type BuddyAnswer = z.infer<typeof AssistantAnswer>;

/** Asks the partner buddy (issue 15, 5.2); it changes nothing, so nothing is invalidated. */
export function askBuddy(input: z.input<typeof AssistantQuestion>): Promise<BuddyAnswer> {
  return apiRequest<BuddyAnswer>("/api/matching/assistant", { method: "POST", json: input });
}

export function useAskBuddy() {
  return useMutation({ mutationFn: askBuddy });
}
