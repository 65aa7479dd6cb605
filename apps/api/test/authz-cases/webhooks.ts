import { webhookEndpoint } from "@bgm/db";
import { signUpProvider } from "../helpers.js";
import type { AuthzCases } from "./types.js";

/** Partner W (none of the matrix callers belongs to it) has a webhook endpoint. */
export const webhooksCases: AuthzCases = {
  async setup({ t }) {
    const w = await signUpProvider(t.app, { name: "Partner W" });
    const [row] = await t.database.db
      .insert(webhookEndpoint)
      .values({
        orgId: w.orgId,
        url: "https://hooks.example.com/geheim-w",
        description: "Webhook Geheim W",
        events: ["quote.accepted"],
        secret: "whsec_dGVzdA==",
      })
      .returning({ id: webhookEndpoint.id });
    return { ids: { webhookEndpointId: row?.id as string }, markers: ["Webhook Geheim W", "hooks.example.com/geheim-w"] };
  },
  cases: {
    "GET /api/provider/webhooks": { kind: "own", url: () => "/api/provider/webhooks" },
    "POST /api/provider/webhooks": {
      kind: "own",
      url: () => "/api/provider/webhooks",
      body: () => ({ url: "http://127.0.0.1:1/own", events: ["quote.accepted"] }),
    },
    "PATCH /api/provider/webhooks/{id}": {
      kind: "foreign",
      url: (f) => `/api/provider/webhooks/${f.ids.webhookEndpointId}`,
      body: () => ({ description: "übernommen" }),
    },
    "DELETE /api/provider/webhooks/{id}": { kind: "foreign", url: (f) => `/api/provider/webhooks/${f.ids.webhookEndpointId}` },
    "POST /api/provider/webhooks/{id}/rotate-secret": {
      kind: "foreign",
      url: (f) => `/api/provider/webhooks/${f.ids.webhookEndpointId}/rotate-secret`,
      body: () => ({}),
    },
    "POST /api/provider/webhooks/{id}/test": { kind: "foreign", url: (f) => `/api/provider/webhooks/${f.ids.webhookEndpointId}/test` },
    "GET /api/provider/webhooks/{id}/deliveries": {
      kind: "foreign",
      url: (f) => `/api/provider/webhooks/${f.ids.webhookEndpointId}/deliveries`,
    },
  },
};
