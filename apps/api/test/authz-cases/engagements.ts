import { offering } from "@bgm/db";
import { api, signUpProvider } from "../helpers.js";
import type { AuthzCases } from "./types.js";

/**
 * B's engagement with provider P (which none of the matrix callers belongs to). The published
 * offering is public, so its id is kept here for the "own" create case rather than among B's
 * ids (whose appearance in an own answer would count as a leak).
 */
let publishedOfferingId = "";

export const engagementsCases: AuthzCases = {
  async setup({ t, b }) {
    const p = await signUpProvider(t.app, { name: "Partner P" });
    const [row] = await t.database.db
      .insert(offering)
      .values({
        orgId: p.orgId,
        title: "Öffentliches Angebot P",
        category: "survey_analysis",
        deliveryMode: "remote",
        priceFromCents: 100_000,
        priceUnit: "flat",
        status: "published",
        providerName: "Partner P",
      })
      .returning({ id: offering.id });
    publishedOfferingId = row?.id as string;
    const created = await b.api.post("/api/engagements", {
      offeringId: publishedOfferingId,
      taskKey: "employee_survey",
      brief: { what: "Geheimer Auftrag B", message: "Nur für B und P" },
    });
    if (created.statusCode !== 201) throw new Error(`setup failed: ${created.body}`);
    const engagementId = created.json().id as string;
    const quoted = await api(t.app, p.cookie).post(`/api/engagements/${engagementId}/quotes`, {
      priceCents: 250_000,
      scopeOfWork: "Geheimer Leistungsumfang B",
      validUntil: "2099-12-31",
    });
    if (quoted.statusCode !== 201) throw new Error(`setup failed: ${quoted.body}`);
    const notes = (await b.api.get("/api/notifications")).json() as { items: { id: string }[] };
    const notificationId = notes.items[0]?.id;
    if (!notificationId) throw new Error("setup failed: B got no notification");
    return {
      ids: { engagementId, notificationId },
      markers: ["Geheimer Auftrag B", "Nur für B und P", "Geheimer Leistungsumfang B"],
    };
  },
  cases: {
    "POST /api/engagements": {
      kind: "own",
      url: () => "/api/engagements",
      body: () => ({ offeringId: publishedOfferingId, brief: { what: "Auftrag A" } }),
    },
    "GET /api/engagements": { kind: "own", url: () => "/api/engagements" },
    "GET /api/engagements/{id}": { kind: "foreign", url: (f) => `/api/engagements/${f.ids.engagementId}` },
    "POST /api/engagements/{id}/quotes": {
      kind: "foreign",
      url: (f) => `/api/engagements/${f.ids.engagementId}/quotes`,
      body: () => ({ priceCents: 1, scopeOfWork: "gekapert", validUntil: "2099-01-01" }),
    },
    "POST /api/engagements/{id}/transitions": {
      kind: "foreign",
      url: (f) => `/api/engagements/${f.ids.engagementId}/transitions`,
      body: () => ({ action: "cancel", message: "gekapert" }),
    },
    "POST /api/engagements/{id}/progress": {
      kind: "foreign",
      url: (f) => `/api/engagements/${f.ids.engagementId}/progress`,
      body: () => ({ percent: 99, message: "gekapert" }),
    },
    "GET /api/partner/engagements": { kind: "own", url: () => "/api/partner/engagements" },
    "GET /api/partner/engagements/{id}": { kind: "foreign", url: (f) => `/api/partner/engagements/${f.ids.engagementId}` },
    "GET /api/notifications": { kind: "own", url: () => "/api/notifications" },
    "POST /api/notifications/{id}/read": { kind: "foreign", url: (f) => `/api/notifications/${f.ids.notificationId}/read` },
    "POST /api/notifications/read-all": { kind: "own", url: () => "/api/notifications/read-all" },
  },
};
