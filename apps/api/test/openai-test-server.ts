import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small OpenAI-compatible chat endpoint for the buddy's tests: it stands for the external model
 * (Ollama, vLLM) — the product's own code and database stay real. POST /v1/chat/completions answers
 * `chat.completion.chunk` server-sent events like the real thing. It keeps every request body it got,
 * so tests can assert what left the company.
 *
 * Modes:
 * - `tool`: first round a `find_offerings` tool call (arguments split over chunks), then, once the tool's
 *   result is back, an answer naming the offerings the tool returned, in several chunks;
 * - `text`: an answer without a tool call;
 * - `down`: the connection is dropped before any answer;
 * - `slow`: waits `slowMs` before the first chunk;
 * - `garbage`: 200 with lines that are not JSON;
 * - `midfail`: a first word, then garbage;
 * - `hold`: like `tool`, but the answer's last chunk waits until `release()` (to watch the stream arrive).
 */
export type FakeLlmMode = "tool" | "text" | "down" | "slow" | "garbage" | "midfail" | "hold";

export interface FakeLlm {
  baseUrl: string;
  mode: FakeLlmMode;
  slowMs: number;
  toolArgs: Record<string, unknown>;
  /** The parsed JSON bodies received, in order. */
  requests: { body: Record<string, unknown>; raw: string; authorization: string | undefined }[];
  release(): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function chunk(delta: Record<string, unknown>, finish: string | null = null): string {
  const c = {
    id: "chatcmpl-test",
    object: "chat.completion.chunk",
    created: 0,
    model: "test-model",
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
  return `data: ${JSON.stringify(c)}\n\n`;
}

export async function startFakeLlm(): Promise<FakeLlm> {
  let releaseHeld: () => void = () => undefined;
  // A release that comes before the answer reaches its held chunk counts too.
  let released = false;
  const state: FakeLlm = {
    baseUrl: "",
    mode: "tool",
    slowMs: 2000,
    toolArgs: { category: "ergonomics", region: "Hamburg" },
    requests: [],
    release: () => {
      released = true;
      releaseHeld();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    for await (const part of req) raw += part;
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(raw) as { messages: { role: string; content: string | null }[] };
    state.requests.push({ body, raw, authorization: req.headers.authorization });
    const mode = state.mode;
    if (mode === "hold" && body.messages.at(-1)?.role !== "tool") released = false;
    if (mode === "down") {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const send = (s: string) => res.write(s);
    if (mode === "slow") await sleep(state.slowMs);
    if (res.destroyed) return;
    if (mode === "garbage") {
      send("data: this is not json\n\n");
      res.end();
      return;
    }
    send(chunk({ role: "assistant", content: "" }));
    const last = body.messages.at(-1);
    if ((mode === "tool" || mode === "hold") && last?.role !== "tool") {
      const args = JSON.stringify(state.toolArgs);
      const cut = Math.floor(args.length / 2);
      send(chunk({ tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name: "find_offerings", arguments: "" } }] }));
      send(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(0, cut) } }] }));
      send(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(cut) } }] }));
      send(chunk({}, "tool_calls"));
      send("data: [DONE]\n\n");
      res.end();
      return;
    }
    if (mode === "midfail") {
      send(chunk({ content: "Einen Moment" }));
      await sleep(20);
      send("data: {kaputt\n\n");
      res.end();
      return;
    }
    let titles: string[] = [];
    if (last?.role === "tool" && last.content) {
      titles = (JSON.parse(last.content) as { offerings: { title: string }[] }).offerings.map((o) => o.title);
    }
    const words = ["Gern! ", "Für Sie passen: ", titles.length ? titles.join(", ") : "Yoga am Mittag", "."];
    for (const [i, w] of words.entries()) {
      if (mode === "hold" && i === words.length - 1 && !released) await new Promise<void>((r) => (releaseHeld = r));
      send(chunk({ content: w }));
      await sleep(5);
    }
    send(chunk({}, "stop"));
    send("data: [DONE]\n\n");
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return state;
}
