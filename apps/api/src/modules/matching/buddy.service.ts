import { randomUUID } from "node:crypto";
import {
  type AssistantAnswer,
  answerQuestion,
  answerUnderstood,
  BUDDY_TOOLS,
  type BuddyStreamDone,
  type BuddyStreamEvent,
  type BuddyStreamQuestion,
  buddyMessages,
  type ChatMessage,
  FIND_OFFERINGS,
  type Match,
  type MatchContext,
  redactQuestion,
  toolResultFor,
  understoodFromTool,
} from "@bgm/domain";
import type { z } from "zod";
import type { LlmConfig } from "../../config.js";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { listActiveEmployees } from "../employees/index.js";
import { findFilteredCandidates, type MatchCandidate } from "../marketplace/index.js";
import * as repo from "./conversations.repository.js";
import { LlmError, type LlmFailure, streamChat, type ToolCall } from "./llm.client.js";
import { companyContext, RECOMMENDED_MAX_CANDIDATES } from "./matching.service.js";

/**
 * The streaming partner buddy (issue 15, 5.2; ADR 0023). The company's situation, the catalogue and the
 * rules' answer are read in one short transaction; then, with a model configured, the model phrases the
 * answer and may call `find_offerings` — answered from the same matching over the catalogue already read,
 * so no transaction stays open while a model thinks. A model that is down, errs, or says nothing within
 * the first-token timeout gives way to the rules' answer. The turn is kept in a second short transaction.
 */

type Event = z.infer<typeof BuddyStreamEvent>;
type Input = z.output<typeof BuddyStreamQuestion>;
type Item = z.infer<typeof AssistantAnswer>["items"][number];

/** Earlier turns a model is reminded of when a conversation continues. */
const EARLIER_TURNS = 3;
/** Tool rounds per answer: a model that keeps calling tools is cut off (and the rules answer). */
const MAX_ROUNDS = 3;
/** Offerings a model's tool calls may show as cards. */
const MAX_CARDS = 5;

interface Prepared {
  conversationId: string;
  isNew: boolean;
  ctx: MatchContext;
  candidates: MatchCandidate[];
  rules: z.infer<typeof AssistantAnswer>;
  /** The question as it may leave the company (ADR 0023). */
  redacted: string;
  earlier: { question: string; answer: string }[];
}

const toItems = (ms: readonly Match<MatchCandidate>[]): Item[] =>
  ms.map((m) => ({ offering: m.offering.view, reasons: m.reasons, score: m.score }));

/** Everything the answer needs from the database, read before the stream opens (so 404s stay plain JSON). */
export async function prepareBuddy(scope: TenantScope, input: Input): Promise<Prepared> {
  const owner = { orgId: scope.orgId, userId: scope.userId };
  let earlier: Prepared["earlier"] = [];
  if (input.conversationId) {
    if (!(await repo.findConversation(scope.tx, owner, input.conversationId))) throw AppError.notFound("Conversation");
    earlier = (await repo.latestTurns(scope.tx, owner, input.conversationId, EARLIER_TURNS)).map((t) => ({
      question: t.question,
      answer: t.answer[input.lang],
    }));
  }
  const ctx = await companyContext(scope, {});
  const candidates = await findFilteredCandidates(scope, { q: null, limit: RECOMMENDED_MAX_CANDIDATES });
  const a = answerQuestion(ctx, candidates, input.question);
  const { needs: _needs, stems: _stems, goal, ...understood } = a.understood;
  // Names of the company's people are only used here, to take them out of what leaves (never sent).
  const people = await listActiveEmployees(scope.tx, scope.orgId, {});
  const redact = (text: string) => redactQuestion(text, people);
  return {
    conversationId: input.conversationId ?? randomUUID(),
    isNew: !input.conversationId,
    ctx,
    candidates,
    rules: { answer: a.answer, understood: { ...understood, goal: goal?.title ?? null }, items: toItems(a.items), model: "rules" },
    redacted: redact(input.question),
    earlier: earlier.map((e) => ({ question: redact(e.question), answer: redact(e.answer) })),
  };
}

/** Keeps the turn in the caller's conversation (created with its first question). */
export async function keepTurn(
  scope: TenantScope,
  p: Prepared,
  question: string,
  answer: { answer: { de: string; en: string }; items: Item[]; model: string },
): Promise<string> {
  const row = await repo.insertTurn(
    scope.tx,
    { orgId: scope.orgId, userId: scope.userId },
    {
      conversationId: p.conversationId,
      newTitle: p.isNew ? shorten(question, 80) : null,
      question,
      answer: answer.answer,
      offeringIds: answer.items.map((i) => i.offering.id),
      reasons: Object.fromEntries(answer.items.map((i) => [i.offering.id, i.reasons])),
      model: answer.model,
    },
  );
  return row.id;
}

const shorten = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`);

export interface RunBuddyDeps {
  llm?: LlmConfig;
  /** Aborted when the browser goes away. */
  signal: AbortSignal;
  emit: (e: Event) => void;
  keep: (answer: { answer: { de: string; en: string }; items: Item[]; model: string }) => Promise<string>;
  /** Logs why a model gave way (never the question). */
  onFallback?: (kind: LlmFailure, message: string) => void;
}

/** Streams one answer: the model's when it answers in time, else the rules'; ends with `done`. */
export async function runBuddy(p: Prepared, input: Input, deps: RunBuddyDeps): Promise<void> {
  const { llm, emit } = deps;
  emit({ type: "start", conversationId: p.conversationId, model: llm?.model ?? "rules" });
  let answer: { answer: { de: string; en: string }; items: Item[]; model: string } | null = null;
  let fallback: z.infer<typeof BuddyStreamDone>["fallback"] = llm ? "none" : "not_configured";
  if (llm) {
    let streamed = false;
    try {
      answer = await askModel(llm, p, input, deps.signal, (text) => {
        streamed = true;
        emit({ type: "delta", text });
      });
    } catch (err) {
      const e = err instanceof LlmError ? err : new LlmError("error", String(err));
      fallback = e.kind;
      deps.onFallback?.(e.kind, e.message);
      if (streamed) emit({ type: "reset", model: "rules" });
    }
  }
  if (deps.signal.aborted) return;
  if (!answer) {
    answer = { answer: p.rules.answer, items: p.rules.items, model: "rules" };
    emit({ type: "delta", text: p.rules.answer[input.lang] });
  }
  const turnId = await deps.keep(answer);
  emit({
    type: "done",
    answer: { ...answer, understood: p.rules.understood, conversationId: p.conversationId, turnId, fallback },
  });
}

/**
 * The model's answer: rounds of streaming until it answers without asking for a tool. Its cards are the
 * offerings its tool calls found; a model that answers without calling the tool shows the rules' cards.
 */
async function askModel(
  llm: LlmConfig,
  p: Prepared,
  input: Input,
  outer: AbortSignal,
  onText: (text: string) => void,
): Promise<{ answer: { de: string; en: string }; items: Item[]; model: string }> {
  const deadline = AbortSignal.any([outer, AbortSignal.timeout(llm.maxMs)]);
  const messages: ChatMessage[] = buddyMessages({ question: p.redacted, ctx: p.ctx, lang: input.lang, earlier: p.earlier });
  const found = new Map<string, Item>();
  let usedTool = false;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let text = "";
    let calls: ToolCall[] = [];
    for await (const ev of streamChat(llm, { messages, tools: BUDDY_TOOLS }, deadline)) {
      if (ev.type === "content") {
        text += ev.text;
        onText(ev.text);
      } else calls = ev.calls;
    }
    if (calls.length === 0) {
      if (!text.trim()) throw new LlmError("error", "The model's answer was empty");
      const items = usedTool ? [...found.values()].slice(0, MAX_CARDS) : p.rules.items;
      return { answer: { de: text, en: text }, items, model: llm.model };
    }
    usedTool = true;
    messages.push({
      role: "assistant",
      content: text || null,
      tool_calls: calls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } })),
    });
    for (const c of calls) {
      messages.push({ role: "tool", tool_call_id: c.id, content: JSON.stringify(runTool(p, c, input.lang, found)) });
    }
  }
  throw new LlmError("error", `The model asked for tools more than ${MAX_ROUNDS} times`);
}

/** `find_offerings` through the same matching as the rules; unknown tools and bad arguments answer an error to the model. */
function runTool(p: Prepared, call: ToolCall, lang: "de" | "en", found: Map<string, Item>): unknown {
  if (call.name !== FIND_OFFERINGS) return { error: `Unknown tool ${call.name}` };
  let args: unknown;
  try {
    args = call.arguments.trim() ? JSON.parse(call.arguments) : {};
  } catch {
    return { error: "The arguments are not JSON" };
  }
  const a = answerUnderstood(p.ctx, p.candidates, understoodFromTool(args, p.ctx.goals), MAX_CARDS);
  for (const item of toItems(a.items)) if (!found.has(item.offering.id)) found.set(item.offering.id, item);
  return toolResultFor(a.items, lang);
}
