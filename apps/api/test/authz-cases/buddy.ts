import type { AuthzCases } from "./types.js";

/**
 * The partner buddy's kept conversations (ADR 0023): B's manager keeps one; nobody else may read,
 * continue or delete it, and nobody's list or "delete all" reaches it.
 */
export const buddyCases: AuthzCases = {
  async setup({ b }) {
    const res = await b.api.post("/api/matching/assistant/stream", { question: "Geheimfrage B-buddy-4k7 zu Rücken" });
    if (res.statusCode !== 200) throw new Error(`buddy setup failed: ${res.statusCode} ${res.body}`);
    const done = res.body
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { type: string; answer?: { conversationId: string } })
      .find((e) => e.type === "done");
    if (!done?.answer) throw new Error(`buddy setup: no answer in ${res.body}`);
    return { ids: { buddyConversationB: done.answer.conversationId }, markers: ["Geheimfrage B-buddy-4k7"] };
  },
  cases: {
    "POST /api/matching/assistant/stream": {
      kind: "foreign",
      url: () => "/api/matching/assistant/stream",
      body: (f) => ({ question: "Und Stress?", conversationId: f.ids.buddyConversationB }),
    },
    "GET /api/matching/conversations": { kind: "own", url: () => "/api/matching/conversations" },
    "DELETE /api/matching/conversations": { kind: "own", url: () => "/api/matching/conversations" },
    "GET /api/matching/conversations/{id}": { kind: "foreign", url: (f) => `/api/matching/conversations/${f.ids.buddyConversationB}` },
    "DELETE /api/matching/conversations/{id}": { kind: "foreign", url: (f) => `/api/matching/conversations/${f.ids.buddyConversationB}` },
  },
};
