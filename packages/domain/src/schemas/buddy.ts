import { z } from "zod";
import { AssistantAnswer, Suggestion } from "./marketplace.js";

/**
 * The partner buddy's streamed answers and kept conversations (issue 15, 5.2; ADR 0023).
 */

/** A question to the streaming buddy: optionally continuing one of the caller's conversations. */
export const BuddyStreamQuestion = z.strictObject({
  question: z.string().trim().min(2).max(500),
  conversationId: z.uuid().optional().describe("Continue this conversation of the caller; absent = a new one"),
  lang: z.enum(["de", "en"]).default("de").describe("The language a model answers in (the rules answer in both)"),
});

/** The streamed answer's last line: the whole answer, where it was kept, and why the rules answered, if they did. */
export const BuddyStreamDone = AssistantAnswer.extend({
  conversationId: z.uuid(),
  turnId: z.uuid(),
  /** Why the rules answered although a model is configured: it was down, erred, or was slower than the timeout. */
  fallback: z.enum(["none", "not_configured", "down", "error", "timeout"]),
});

/**
 * One line of the NDJSON stream. `delta` lines carry the answer's text as it comes; `reset` discards the
 * text so far (the model failed mid-answer and the rules answer instead); `done` ends the stream.
 */
export const BuddyStreamEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("start"), conversationId: z.uuid(), model: z.string() }),
  z.object({ type: z.literal("delta"), text: z.string() }),
  z.object({ type: z.literal("reset"), model: z.string() }),
  z.object({ type: z.literal("done"), answer: BuddyStreamDone }),
  z.object({ type: z.literal("error"), error: z.object({ code: z.string(), message: z.string() }) }),
]);

export const BuddyConversationSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  turns: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
/** The caller's latest conversations, newest first (at most BUDDY_CONVERSATIONS_LISTED). */
export const BuddyConversationList = z.object({
  items: z.array(BuddyConversationSummary),
  nextCursor: z.null().describe("Always null: the latest 100 conversations, answered whole"),
});
export const BUDDY_CONVERSATIONS_LISTED = 100;
/**
 * Storage limitation (DSGVO Art. 5 (1) e; ADR 0023): a conversation without a new question for this many days
 * is deleted, with its turns, by the matching module's daily job. The buddy panel's history note names it.
 */
export const BUDDY_CONVERSATION_RETENTION_DAYS = 180;

export const BuddyTurn = z.object({
  id: z.uuid(),
  question: z.string(),
  answer: z.object({ de: z.string(), en: z.string() }),
  model: z.string(),
  offeringIds: z.array(z.uuid()),
  /** The offerings still published, with the reasons they were shown with (withdrawn ones are left out). */
  items: z.array(Suggestion),
  createdAt: z.iso.datetime({ offset: true }),
});
/** One conversation: its questions and answers, oldest first (all of them: a conversation is short). */
export const BuddyConversation = BuddyConversationSummary.extend({ exchanges: z.array(BuddyTurn) });
export const BuddyConversationsDeleted = z.object({ deleted: z.number().int() });
