import { proactiveSuggestion } from "@bgm/db";
import { publishOffering } from "../../src/modules/marketplace/test-fixtures.js";
import { api, signUpProvider } from "../helpers.js";
import type { AuthzCases } from "./types.js";

/**
 * Proactive suggestions (issue 15, 5.5): B has a suggestion whose reason is B's secret (the offering is public
 * catalogue data), so dismissing it by id is a foreign case; the list and the digest setting answer about the
 * caller's own company only. The row is written as the job would write it; the route tests run the job itself.
 */
export const proactiveSuggestionsCases: AuthzCases = {
  async setup({ t, b }) {
    const p = api(t.app, (await signUpProvider(t.app, { name: "Vorschlagspartner" })).cookie);
    const offering = await publishOffering(p, { title: "Aktivpause Matrix", relevantPhases: [1] });
    const reason = { kind: "goal", text: { de: "Passt zu Ihrem Ziel „Vorschlagsgrund B-geheim“", en: "Vorschlagsgrund B-geheim" } };
    const [row] = await t.database.db
      .insert(proactiveSuggestion)
      .values({ orgId: b.orgId, offeringId: offering.id, topic: "goal", reasons: [reason], score: 22 })
      .returning({ id: proactiveSuggestion.id });
    const put = await b.api.put("/api/proactive-suggestions/digest", { enabled: true });
    if (put.statusCode !== 200) throw new Error(`setup failed: ${put.statusCode} ${put.body}`);
    return { ids: { proactiveSuggestionId: row!.id }, markers: ["Vorschlagsgrund B-geheim"] };
  },
  cases: {
    "GET /api/proactive-suggestions": { kind: "own", url: () => "/api/proactive-suggestions" },
    "POST /api/proactive-suggestions/{id}/dismiss": {
      kind: "foreign",
      url: (f) => `/api/proactive-suggestions/${f.ids.proactiveSuggestionId}/dismiss`,
      body: () => ({}),
    },
    "GET /api/proactive-suggestions/digest": { kind: "own", url: () => "/api/proactive-suggestions/digest" },
    "PUT /api/proactive-suggestions/digest": {
      kind: "own",
      url: () => "/api/proactive-suggestions/digest",
      body: () => ({ enabled: false }),
    },
  },
};
