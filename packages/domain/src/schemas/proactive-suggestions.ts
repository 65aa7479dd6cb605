import { z } from "zod";
import { PROACTIVE_TOPICS } from "../matching/proactive.js";
import { Timestamp } from "./common.js";
import { wholeList } from "./lists.js";
import { Offering, SuggestionReason } from "./marketplace.js";

/** A partner suggested without being asked (issue 15, 5.5; ADR 0022), with the reasons of the moment it was made. */
export const ProactiveSuggestion = z.object({
  id: z.uuid(),
  topic: z.enum(PROACTIVE_TOPICS).describe("What made the matching run: survey, ergonomics, participation, phase or goal"),
  offering: Offering,
  reasons: z.array(SuggestionReason),
  score: z.number(),
  createdAt: Timestamp,
});
export type ProactiveSuggestion = z.infer<typeof ProactiveSuggestion>;

/** The company's open proactive suggestions, newest first (bounded: a few per run, one run per trigger). */
export const ProactiveSuggestionList = wholeList(ProactiveSuggestion);

/** The signed-in manager's weekly e-mail digest of new suggestions (opt-in). */
export const ProactiveDigestSetting = z.object({
  enabled: z.boolean(),
  lastRunAt: Timestamp.nullable().describe("When the digest last ran for this manager (sent or nothing new), else null"),
});
export const ProactiveDigestInput = z.strictObject({ enabled: z.boolean() });
