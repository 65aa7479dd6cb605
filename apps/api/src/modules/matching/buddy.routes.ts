import {
  BuddyConversation,
  BuddyConversationList,
  BuddyConversationsDeleted,
  type BuddyStreamEvent,
  BuddyStreamQuestion,
  IdParam,
  WHOLE_LIST_NOTE,
} from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { LlmConfig } from "../../config.js";
import { AppError } from "../../lib/app-error.js";
import { keepTurn, prepareBuddy, runBuddy } from "./buddy.service.js";
import { deleteAllConversations, deleteConversation, getConversation, listConversations } from "./conversations.service.js";

const MANAGER = { roles: ["bgm_manager"] as const, kind: "company" as const };
const tags = ["marketplace"];

export interface BuddyRoutesOptions {
  /** The configured language model; absent: the rules answer (and say so). */
  llm?: LlmConfig;
}

/** The streaming partner buddy and the caller's kept conversations (issue 15, 5.2; ADR 0023). */
export const buddyRoutes: FastifyPluginAsyncZod<BuddyRoutesOptions> = async (app, opts) => {
  app.post(
    "/api/matching/assistant/stream",
    {
      schema: {
        tags,
        summary: "Ask the partner buddy; the answer streams as NDJSON and is kept in the caller's conversation",
        description:
          "An `application/x-ndjson` stream, one event per line: `start` (conversation id, the model asked), `delta` (answer text as it comes), `reset` (discard the text so far: the model failed and the rules answer instead), `done` (the whole answer with its offerings, reasons, which model answered — `rules` when the rules did — and why a configured model gave way) or `error`. With a model configured (LLM_BASE_URL, LLM_MODEL) it phrases the answer and may search through the partner matching as a tool; it receives only the question (e-mail addresses, long numbers and the names of the company's people replaced), the company's goals, phase and aggregates (ADR 0023). A model that is unreachable, errs, or sends no first word within LLM_TIMEOUT_MS gives way to the rules. Each question and answer is kept for the caller only.",
        body: BuddyStreamQuestion,
        produces: ["application/x-ndjson"],
        response: { 200: z.string().describe("NDJSON: one BuddyStreamEvent per line") },
      },
    },
    async (req, reply) => {
      // Read before the stream opens: 401/403/404 are ordinary JSON errors.
      const prepared = await req.inTenant(MANAGER, (s) => prepareBuddy(s, req.body));
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "application/x-ndjson; charset=utf-8",
        "cache-control": "no-store",
        "x-accel-buffering": "no",
      });
      const gone = new AbortController();
      res.on("close", () => gone.abort());
      const emit = (e: z.infer<typeof BuddyStreamEvent>) => {
        if (!res.writableEnded) res.write(`${JSON.stringify(e)}\n`);
      };
      try {
        await runBuddy(prepared, req.body, {
          llm: opts.llm,
          signal: gone.signal,
          emit,
          keep: (answer) => req.inTenant(MANAGER, (s) => keepTurn(s, prepared, req.body.question, answer)),
          onFallback: (kind, message) => req.log.warn({ kind, reason: message }, "buddy: the model gave way to the rules"),
        });
      } catch (err) {
        req.log.error({ err }, "buddy: the answer failed");
        const e = err instanceof AppError ? err : null;
        emit({ type: "error", error: { code: e?.code ?? "internal", message: e?.message ?? "The answer failed" } });
      } finally {
        if (!res.writableEnded) res.end();
      }
    },
  );

  app.get(
    "/api/matching/conversations",
    {
      schema: {
        tags,
        summary: "The caller's conversations with the partner buddy, newest first (the latest 100)",
        description: `Only the caller's own: not a colleague's, never a partner's. ${WHOLE_LIST_NOTE}`,
        response: { 200: BuddyConversationList },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => listConversations(s)),
  );

  app.get(
    "/api/matching/conversations/:id",
    {
      schema: {
        tags,
        summary: "One of the caller's buddy conversations: its questions, answers, models and offerings",
        params: IdParam,
        response: { 200: BuddyConversation },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => getConversation(s, req.params.id)),
  );

  app.delete(
    "/api/matching/conversations/:id",
    {
      schema: {
        tags,
        summary: "Delete one of the caller's buddy conversations (audited, without its content)",
        params: IdParam,
        response: { 200: BuddyConversationsDeleted },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => deleteConversation(s, req.params.id)),
  );

  app.delete(
    "/api/matching/conversations",
    {
      schema: {
        tags,
        summary: "Delete all of the caller's buddy conversations (audited, without their content)",
        response: { 200: BuddyConversationsDeleted },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => deleteAllConversations(s)),
  );
};
