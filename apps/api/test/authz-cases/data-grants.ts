import { offering } from "@bgm/db";
import { api, signUpProvider } from "../helpers.js";
import type { AuthzCases } from "./types.js";

/**
 * B's accepted engagement with provider Q (none of the matrix callers belongs to Q), with a live
 * grant of B's employee list that Q has fetched once, and an API key of Q.
 */
export const dataGrantsCases: AuthzCases = {
  async setup({ t, b }) {
    const q = await signUpProvider(t.app, { name: "Partner Q" });
    const asQ = api(t.app, q.cookie);
    const [row] = await t.database.db
      .insert(offering)
      .values({
        orgId: q.orgId,
        title: "Befragung Q",
        category: "survey_analysis",
        deliveryMode: "remote",
        priceFromCents: 100_000,
        priceUnit: "flat",
        status: "published",
        providerName: "Partner Q",
        requiredDataScopes: ["employee_list", "goals"],
      })
      .returning({ id: offering.id });
    const created = await b.api.post("/api/engagements", { offeringId: row?.id, brief: { what: "Datenauftrag B" } });
    const grantEngagementId = created.json().id as string;
    const steps = [
      created,
      await asQ.post(`/api/engagements/${grantEngagementId}/quotes`, { priceCents: 1, scopeOfWork: "Q", validUntil: "2099-12-31" }),
      await b.api.post(`/api/engagements/${grantEngagementId}/transitions`, { action: "accept_quote", message: "" }),
    ];
    const granted = await b.api.post(`/api/engagements/${grantEngagementId}/grants`, {
      decisions: [
        { scopeKey: "employee_list", grant: true, confirmHighSensitivity: true },
        { scopeKey: "goals", grant: true },
      ],
      expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
    });
    const key = await asQ.post("/api/provider/api-keys", { name: "Schlüssel Q" });
    steps.push(granted, key, await asQ.get(`/api/partner/engagements/${grantEngagementId}/data/employee_list`));
    for (const r of steps) if (r.statusCode >= 300) throw new Error(`setup failed: ${r.statusCode} ${r.body}`);
    return {
      ids: { grantEngagementId, grantId: granted.json().granted[0].id as string, apiKeyId: key.json().id as string },
      markers: ["Datenauftrag B", "Schlüssel Q"],
    };
  },
  cases: {
    "GET /api/engagements/{id}/data-request": { kind: "foreign", url: (f) => `/api/engagements/${f.ids.grantEngagementId}/data-request` },
    "POST /api/engagements/{id}/grants": {
      kind: "foreign",
      url: (f) => `/api/engagements/${f.ids.grantEngagementId}/grants`,
      body: () => ({ decisions: [{ scopeKey: "goals", grant: false }], expiresAt: new Date(Date.now() + 86_400_000).toISOString() }),
    },
    "POST /api/data-grants/{id}/revoke": { kind: "foreign", url: (f) => `/api/data-grants/${f.ids.grantId}/revoke` },
    "GET /api/partner/engagements/{id}/grants": {
      kind: "foreign",
      url: (f) => `/api/partner/engagements/${f.ids.grantEngagementId}/grants`,
    },
    "GET /api/data-grants": { kind: "own", url: () => "/api/data-grants" },
    "GET /api/data-grants/access-log": { kind: "own", url: () => "/api/data-grants/access-log" },
    "GET /api/data-grants/export.csv": { kind: "own", url: () => "/api/data-grants/export.csv" },
    "GET /api/data-grants/export.pdf": { kind: "own", url: () => "/api/data-grants/export.pdf" },
    "GET /api/me/data-disclosures": { kind: "own", url: () => "/api/me/data-disclosures" },
    "GET /api/provider/api-keys": { kind: "own", url: () => "/api/provider/api-keys" },
    "POST /api/provider/api-keys": { kind: "own", url: () => "/api/provider/api-keys", body: () => ({ name: "Eigener Schlüssel" }) },
    "POST /api/provider/api-keys/{id}/revoke": { kind: "foreign", url: (f) => `/api/provider/api-keys/${f.ids.apiKeyId}/revoke` },
    "GET /api/partner/engagements/{id}/data/{scope}": {
      kind: "foreign",
      url: (f) => `/api/partner/engagements/${f.ids.grantEngagementId}/data/employee_list?format=csv`,
    },
  },
};
