import type { ChatMessage } from "@bgm/domain";
import type { LlmConfig } from "../../config.js";

/**
 * A streaming client for an OpenAI-compatible chat endpoint (POST {base}/chat/completions with
 * `stream: true`), written on Node's fetch: the buddy needs one call shape, not an SDK. It yields the
 * answer's text as it arrives and, at the end of a round, the tool calls the model asked for.
 */

export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type LlmEvent = { type: "content"; text: string } | { type: "tool_calls"; calls: ToolCall[] };

/** Why a model gave no usable answer: unreachable, an error or garbage, or no first word in time. */
export type LlmFailure = "down" | "error" | "timeout";

export class LlmError extends Error {
  constructor(
    readonly kind: LlmFailure,
    message: string,
  ) {
    super(message);
    this.name = "LlmError";
  }
}

interface Chunk {
  choices?: {
    delta?: {
      content?: string | null;
      tool_calls?: { index?: number; id?: string; function?: { name?: string; arguments?: string } }[];
    };
    finish_reason?: string | null;
  }[];
}

/**
 * One round with the model. `signal` aborts from outside (the whole answer's deadline, the browser gone);
 * the first-token timeout is this round's own: a model that says nothing within it counts as slow.
 */
export async function* streamChat(
  cfg: LlmConfig,
  body: { messages: ChatMessage[]; tools?: readonly unknown[] },
  signal: AbortSignal,
): AsyncGenerator<LlmEvent> {
  const ctl = new AbortController();
  let timedOut = false;
  const firstToken = setTimeout(() => {
    timedOut = true;
    ctl.abort();
  }, cfg.firstTokenTimeoutMs);
  const onOuterAbort = () => ctl.abort();
  signal.addEventListener("abort", onOuterAbort, { once: true });
  const failed = (err: unknown): LlmError => {
    if (err instanceof LlmError) return err;
    if (timedOut || signal.aborted) return new LlmError("timeout", "The model did not answer in time");
    return new LlmError("error", err instanceof Error ? err.message : String(err));
  };
  try {
    let res: Response;
    try {
      res = await fetch(`${cfg.baseUrl.replace(/\/+$/, "")}/chat/completions`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "text/event-stream",
          ...(cfg.apiKey ? { authorization: `Bearer ${cfg.apiKey}` } : {}),
        },
        body: JSON.stringify({ model: cfg.model, stream: true, temperature: 0.2, ...body }),
        signal: ctl.signal,
      });
    } catch (err) {
      if (timedOut || signal.aborted) throw failed(err);
      throw new LlmError("down", `The model is unreachable: ${(err as Error).cause ?? (err as Error).message}`);
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel().catch(() => undefined);
      throw new LlmError(res.status >= 500 ? "down" : "error", `The model answered ${res.status}`);
    }
    const calls: ToolCall[] = [];
    let sawChunk = false;
    let buffer = "";
    const decoder = new TextDecoder();
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let nl = buffer.indexOf("\n");
        while (nl >= 0) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          nl = buffer.indexOf("\n");
          if (!line.startsWith("data:")) continue;
          const data = line.slice(5).trim();
          if (data === "[DONE]") {
            buffer = "";
            break;
          }
          let chunk: Chunk;
          try {
            chunk = JSON.parse(data) as Chunk;
          } catch {
            throw new LlmError("error", "The model sent a line that is not JSON");
          }
          const choice = chunk.choices?.[0];
          if (!choice) continue;
          sawChunk = true;
          const delta = choice.delta ?? {};
          if (delta.content) {
            clearTimeout(firstToken);
            yield { type: "content", text: delta.content };
          }
          for (const tc of delta.tool_calls ?? []) {
            clearTimeout(firstToken);
            const i = tc.index ?? calls.length;
            calls[i] ??= { id: "", name: "", arguments: "" };
            const call = calls[i];
            if (tc.id) call.id = tc.id;
            if (tc.function?.name) call.name += tc.function.name;
            if (tc.function?.arguments) call.arguments += tc.function.arguments;
          }
        }
      }
    } catch (err) {
      throw failed(err);
    } finally {
      reader.releaseLock();
      await res.body.cancel().catch(() => undefined);
    }
    if (!sawChunk) throw new LlmError("error", "The model's answer held no chat.completion.chunk");
    const asked = calls.filter((c) => c?.name);
    if (asked.length > 0) yield { type: "tool_calls", calls: asked.map((c, i) => ({ ...c, id: c.id || `call_${i}` })) };
  } catch (err) {
    throw failed(err);
  } finally {
    clearTimeout(firstToken);
    signal.removeEventListener("abort", onOuterAbort);
  }
}
