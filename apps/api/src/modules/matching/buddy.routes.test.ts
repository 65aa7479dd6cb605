import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type Api,
  addMember,
  api,
  createTestApp,
  type OrgUser,
  signIn,
  signUpCompany,
  signUpProvider,
  type TestApp,
} from "../../../test/helpers.js";
import { type FakeLlm, startFakeLlm } from "../../../test/openai-test-server.js";
import { DEMO_PASSWORD } from "../../seed/demo-logins.js";
import { demoEmployees } from "../../seed/demo-people.js";
import { seedDemo } from "../../seed/seed-demo.js";

interface Item {
  offering: { id: string; title: string; category: string };
  reasons: { kind: string; text: { de: string; en: string } }[];
}
interface Done {
  answer: { de: string; en: string };
  items: Item[];
  model: string;
  conversationId: string;
  turnId: string;
  fallback: string;
}
type Event =
  | { type: "start"; conversationId: string; model: string }
  | { type: "delta"; text: string }
  | { type: "reset"; model: string }
  | { type: "done"; answer: Done }
  | { type: "error"; error: { code: string; message: string } };

let t: TestApp;
let rulesOnly: TestApp;
let llm: FakeLlm;
let petraCookie: string;
let petra: Api;
let petraRules: Api;

// Generous: the suite shares a busy machine; the slow model waits far longer than this.
const FIRST_TOKEN_MS = 3000;

beforeAll(async () => {
  llm = await startFakeLlm();
  t = await createTestApp({
    llm: { baseUrl: llm.baseUrl, model: "test-model", apiKey: "sk-test", firstTokenTimeoutMs: FIRST_TOKEN_MS, maxMs: 10_000 },
  });
  await seedDemo(t.database.db, t.app.auth);
  petraCookie = await signIn(t.app, "petra.manager@muster-gmbh.de", DEMO_PASSWORD);
  petra = api(t.app, petraCookie);
  rulesOnly = await createTestApp();
  await seedDemo(rulesOnly.database.db, rulesOnly.app.auth);
  petraRules = api(rulesOnly.app, await signIn(rulesOnly.app, "petra.manager@muster-gmbh.de", DEMO_PASSWORD));
}, 180_000);
afterAll(async () => {
  await t?.close();
  await rulesOnly?.close();
  await llm?.close();
});
beforeEach(() => {
  llm.mode = "tool";
  llm.toolArgs = { category: "mental_health", region: "Hamburg" };
  llm.slowMs = 12_000;
  llm.requests.length = 0;
});

async function ask(as: Api, body: Record<string, unknown>): Promise<{ events: Event[]; done: Done; text: string }> {
  const res = await as.post("/api/matching/assistant/stream", body);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^application\/x-ndjson/);
  const events = res.body
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Event);
  const last = events.at(-1);
  if (last?.type !== "done") throw new Error(`stream ended without done: ${res.body}`);
  // The text the panel shows: the deltas after the last reset.
  const lastReset = events.map((e) => e.type).lastIndexOf("reset");
  const text = events
    .slice(lastReset + 1)
    .flatMap((e) => (e.type === "delta" ? [e.text] : []))
    .join("");
  return { events, done: last.answer, text };
}

describe("the partner buddy with a language model (issue 15, 5.2)", () => {
  it("lets the model search through the matching as a tool and shows the offerings it found, from the database", async () => {
    const { events, done, text } = await ask(petra, { question: "Wer hilft bei Stress im Team, in Hamburg?" });
    expect(events[0]).toMatchObject({ type: "start", model: "test-model" });
    expect(done.model).toBe("test-model");
    expect(done.fallback).toBe("none");
    // Two rounds: the tool call, then the answer with the tool's result.
    expect(llm.requests).toHaveLength(2);
    expect(llm.requests[0]?.authorization).toBe("Bearer sk-test");
    const first = llm.requests[0]?.body as { stream: boolean; tools: { function: { name: string } }[]; model: string };
    expect(first).toMatchObject({ stream: true, model: "test-model" });
    expect(first.tools.map((x) => x.function.name)).toEqual(["find_offerings"]);
    const second = llm.requests[1]?.body as { messages: { role: string; content: string | null; tool_call_id?: string }[] };
    const toolMsg = second.messages.at(-1);
    expect(toolMsg).toMatchObject({ role: "tool", tool_call_id: "call_1" });
    const toolResult = JSON.parse(toolMsg?.content ?? "{}") as { offerings: { id: string; title: string; category: string }[] };
    expect(toolResult.offerings.length).toBeGreaterThan(0);
    expect(toolResult.offerings.every((o) => o.category === "mental_health")).toBe(true);
    // The cards are the tool's offerings, with their reasons, and they are real published offerings.
    expect(done.items.map((i) => i.offering.id)).toEqual(toolResult.offerings.map((o) => o.id));
    expect(done.items.every((i) => i.reasons.length > 0)).toBe(true);
    for (const i of done.items) expect((await petra.get(`/api/marketplace/offerings/${i.offering.id}`)).statusCode).toBe(200);
    // The answer streamed in several pieces and names the tool's offerings.
    expect(events.filter((e) => e.type === "delta").length).toBeGreaterThan(2);
    expect(text).toBe(`Gern! Für Sie passen: ${toolResult.offerings.map((o) => o.title).join(", ")}.`);
    expect(done.answer.de).toBe(text);
  });

  it("sends the question, goals and aggregates — no employee's name or e-mail address", async () => {
    const person = demoEmployees()[7];
    if (!person) throw new Error("no demo employee");
    const question = `${person.firstName} ${person.lastName} (${person.email}, Tel. 040 123 4567) hat Rücken. Was hilft im Lager?`;
    const { done } = await ask(petra, { question });
    expect(done.model).toBe("test-model");
    const sent = llm.requests.map((r) => r.raw).join("\n");
    expect(sent).not.toContain(person.lastName);
    expect(sent).not.toContain(person.email);
    expect(sent).not.toContain("123 4567");
    for (const p of [...demoEmployees(), { firstName: "Max", lastName: "Mustermann", email: "max.mitarbeiter@muster-gmbh.de" }]) {
      expect(sent).not.toContain(`${p.firstName} ${p.lastName}`);
      expect(sent).not.toContain(p.email);
    }
    expect(sent).toContain("[Name] ([E-Mail], Tel. [Nummer]) hat Rücken. Was hilft im Lager?");
    // What it does send: the company's goals and its BGM phase.
    expect(sent).toContain("Rückenbeschwerden reduzieren");
    expect(sent).toContain('\\"phase\\":2');
    // The kept conversation has the question as the manager wrote it (it stays in the company).
    const kept = (await petra.get(`/api/matching/conversations/${done.conversationId}`)).json();
    expect(kept.exchanges[0].question).toBe(question);
  });

  it("falls back to the rules when the model is down, slow, or sends garbage", async () => {
    const question = "Wer hilft bei Rückenproblemen im Lager?";
    const rules = (await petra.post("/api/matching/assistant", { question })).json() as { answer: { de: string }; items: Item[] };
    for (const [mode, fallback] of [
      ["down", "down"],
      ["slow", "timeout"],
      ["garbage", "error"],
      ["midfail", "error"],
    ] as const) {
      llm.mode = mode;
      const started = Date.now();
      const { events, done, text } = await ask(petra, { question });
      expect(done.model, mode).toBe("rules");
      expect(done.fallback, mode).toBe(fallback);
      expect(text, mode).toBe(rules.answer.de);
      expect(done.items.map((i) => i.offering.id)).toEqual(rules.items.map((i) => i.offering.id));
      // The rules answered long before the slow model would have.
      if (mode === "slow") expect(Date.now() - started).toBeLessThan(llm.slowMs - 2000);
      // Text the model had begun is withdrawn before the rules answer.
      expect(
        events.some((e) => e.type === "reset"),
        mode,
      ).toBe(mode === "midfail");
    }
  });

  it("shows the rules' cards when the model answers without calling the tool", async () => {
    llm.mode = "text";
    const question = "Was passt zu unserem Ziel Krankenstand senken?";
    const rules = (await petra.post("/api/matching/assistant", { question })).json() as { items: Item[] };
    const { done } = await ask(petra, { question });
    expect(done.model).toBe("test-model");
    expect(done.items.map((i) => i.offering.id)).toEqual(rules.items.map((i) => i.offering.id));
  });

  it("streams: the first words reach the browser before the model has finished", async () => {
    llm.mode = "hold";
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const port = (t.app.server.address() as AddressInfo).port;
    const res = await fetch(`http://127.0.0.1:${port}/api/matching/assistant/stream`, {
      method: "POST",
      headers: { cookie: petraCookie, "content-type": "application/json", "x-requested-with": "bgm-hub" },
      body: JSON.stringify({ question: "Bewegung in Hamburg?" }),
    });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let got = "";
    while (!got.includes("Für Sie passen")) {
      const { value, done } = await reader.read();
      if (done) break;
      got += decoder.decode(value, { stream: true });
    }
    expect(got).toContain('"type":"delta"');
    expect(got).not.toContain('"type":"done"');
    llm.release();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      got += decoder.decode(value, { stream: true });
    }
    expect(got).toContain('"type":"done"');
    expect(got).toContain('"model":"test-model"');
    expect(got).not.toContain('"type":"reset"');
  });
});

describe("the partner buddy without a model", () => {
  it('answers by the rules and says so ("rules")', async () => {
    const { events, done, text } = await ask(petraRules, { question: "Wer hilft bei Rückenproblemen im Lager?" });
    expect(events[0]).toMatchObject({ type: "start", model: "rules" });
    expect(done).toMatchObject({ model: "rules", fallback: "not_configured" });
    expect(text).toContain("Rücken");
    expect(done.items.length).toBeGreaterThan(0);
  });
});

describe("kept conversations", () => {
  let owner: OrgUser;
  let me: Api;
  let colleague: Api;
  let employee: Api;
  let partner: Api;
  let otherCompany: Api;

  beforeAll(async () => {
    owner = await signUpCompany(rulesOnly.app, { name: "Gespräch GmbH" });
    me = api(rulesOnly.app, owner.cookie);
    colleague = api(rulesOnly.app, (await addMember(rulesOnly, owner, "bgm_manager")).cookie);
    employee = api(rulesOnly.app, (await addMember(rulesOnly, owner, "employee")).cookie);
    partner = api(rulesOnly.app, (await signUpProvider(rulesOnly.app, { name: "Neugieriger Partner" })).cookie);
    otherCompany = api(rulesOnly.app, (await signUpCompany(rulesOnly.app, { name: "Andere GmbH" })).cookie);
  });

  it("keeps each question and answer per user, continues a conversation, and lists it for its author only", async () => {
    const a = await ask(me, { question: "Gibt es Yoga online?" });
    const b = await ask(me, { question: "Und Ernährungsberatung?", conversationId: a.done.conversationId });
    expect(b.done.conversationId).toBe(a.done.conversationId);
    await ask(me, { question: "Stressprävention für Teams?" });

    const list = (await me.get("/api/matching/conversations")).json();
    expect(list.items).toHaveLength(2);
    const first = list.items.find((c: { id: string }) => c.id === a.done.conversationId);
    expect(first).toMatchObject({ title: "Gibt es Yoga online?", turns: 2 });

    const read = await me.get(`/api/matching/conversations/${a.done.conversationId}`);
    expect(read.statusCode, read.body).toBe(200);
    const c = read.json();
    expect(c.exchanges.map((x: { question: string }) => x.question)).toEqual(["Gibt es Yoga online?", "Und Ernährungsberatung?"]);
    expect(c.exchanges[0]).toMatchObject({ model: "rules", answer: a.done.answer, offeringIds: a.done.items.map((i) => i.offering.id) });
    expect(c.exchanges[0].items.map((i: Item) => i.offering.id)).toEqual(a.done.items.map((i) => i.offering.id));

    // Nobody else: a colleague (also a manager), an employee, a partner, another company.
    expect((await colleague.get("/api/matching/conversations")).json().items).toEqual([]);
    expect((await colleague.get(`/api/matching/conversations/${a.done.conversationId}`)).statusCode).toBe(404);
    expect((await colleague.delete(`/api/matching/conversations/${a.done.conversationId}`)).statusCode).toBe(404);
    expect(
      (await colleague.post("/api/matching/assistant/stream", { question: "Hallo?", conversationId: a.done.conversationId })).statusCode,
    ).toBe(404);
    expect((await otherCompany.get(`/api/matching/conversations/${a.done.conversationId}`)).statusCode).toBe(404);
    for (const who of [employee, partner]) {
      expect((await who.get("/api/matching/conversations")).statusCode).toBe(403);
      expect((await who.get(`/api/matching/conversations/${a.done.conversationId}`)).statusCode).toBe(403);
      expect((await who.post("/api/matching/assistant/stream", { question: "Rücken?" })).statusCode).toBe(403);
    }
  });

  it("deletes one or all of the author's conversations, audited without their content", async () => {
    const list = (await me.get("/api/matching/conversations")).json().items as { id: string }[];
    const [one, ...rest] = list;
    if (!one) throw new Error("no conversation");
    expect((await me.delete(`/api/matching/conversations/${one.id}`)).json()).toEqual({ deleted: 1 });
    expect((await me.get(`/api/matching/conversations/${one.id}`)).statusCode).toBe(404);
    expect((await me.delete(`/api/matching/conversations/${one.id}`)).statusCode).toBe(404);
    await ask(colleague, { question: "Rückenschule?" });
    expect((await me.delete("/api/matching/conversations")).json()).toEqual({ deleted: rest.length });
    expect((await me.get("/api/matching/conversations")).json().items).toEqual([]);
    // The colleague's conversation is untouched.
    expect((await colleague.get("/api/matching/conversations")).json().items).toHaveLength(1);

    const audit = (await me.get("/api/audit?limit=50")).json();
    const actions = (audit.items as { action: string; details: unknown }[]).filter((e) => e.action.startsWith("buddy."));
    expect(actions.map((e) => e.action).sort()).toEqual(["buddy.conversation_deleted", "buddy.conversations_deleted"]);
    expect(JSON.stringify(actions)).not.toContain("Yoga");
  });

  it("checks its input", async () => {
    expect((await me.post("/api/matching/assistant/stream", { question: "" })).statusCode).toBe(400);
    expect((await me.post("/api/matching/assistant/stream", { question: "x".repeat(501) })).statusCode).toBe(400);
    expect((await me.post("/api/matching/assistant/stream", { question: "Rücken?", conversationId: "nope" })).statusCode).toBe(400);
    expect((await me.get("/api/matching/conversations/nope")).statusCode).toBe(400);
  });
});
