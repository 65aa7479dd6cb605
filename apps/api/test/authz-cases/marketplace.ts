import { api, signUpProvider } from "../helpers.js";
import type { AuthzCases } from "./types.js";

const offering = (title: string) => ({
  title,
  description: "Geheimer Entwurf von Partner B",
  category: "coaching",
  deliveryMode: "remote",
  priceFromCents: 1000,
  priceUnit: "flat",
});

/**
 * Provider data belongs to providers, so the victim here is provider B' (created in setup) with a
 * draft offering: nobody else may see it in any list or detail, nor change it.
 */
export const marketplaceCases: AuthzCases = {
  async setup({ t }) {
    const partnerB = await signUpProvider(t.app, { name: "Partner B Strenggeheim" });
    const asB = api(t.app, partnerB.cookie);
    const profile = await asB.patch("/api/provider/profile", { description: "Profiltext B-geheim-7f3", regions: ["Hamburg"] });
    const draft = await asB.post("/api/provider/offerings", {
      ...offering("Entwurf B-geheim-9c1"),
      certifications: ["Zertifikat B-geheim-2d8"],
    });
    for (const r of [profile, draft]) if (r.statusCode >= 300) throw new Error(`marketplace setup failed: ${r.body}`);
    return {
      ids: { providerBDraftId: draft.json().id },
      markers: ["Entwurf B-geheim-9c1", "Geheimer Entwurf von Partner B", "Zertifikat B-geheim-2d8"],
    };
  },
  cases: {
    "GET /api/provider/profile": { kind: "own", url: () => "/api/provider/profile" },
    "PATCH /api/provider/profile": { kind: "own", url: () => "/api/provider/profile", body: () => ({ description: "Profil A" }) },
    "GET /api/provider/offerings": { kind: "own", url: () => "/api/provider/offerings" },
    // Only the caller's own offerings' aggregates: B's draft id and texts never appear (the markers).
    "GET /api/provider/offerings/stats": { kind: "own", url: () => "/api/provider/offerings/stats?weeks=52" },
    "POST /api/provider/offerings": { kind: "own", url: () => "/api/provider/offerings", body: () => offering("Angebot A") },
    "PATCH /api/provider/offerings/{id}": {
      kind: "foreign",
      url: (f) => `/api/provider/offerings/${f.ids.providerBDraftId}`,
      body: () => ({ title: "gekapert", status: "published" }),
    },
    "GET /api/marketplace/certifications": { kind: "own", url: () => "/api/marketplace/certifications" },
    "GET /api/marketplace/offerings": { kind: "own", url: () => "/api/marketplace/offerings?q=Entwurf&limit=100" },
    "GET /api/marketplace/offerings/{id}": { kind: "foreign", url: (f) => `/api/marketplace/offerings/${f.ids.providerBDraftId}` },
    // A draft's provider and fit stay behind the draft: 404 for everyone but B, and no profile text leaks.
    "GET /api/marketplace/offerings/{id}/provider": {
      kind: "foreign",
      url: (f) => `/api/marketplace/offerings/${f.ids.providerBDraftId}/provider`,
    },
    "GET /api/marketplace/offerings/{id}/fit": { kind: "foreign", url: (f) => `/api/marketplace/offerings/${f.ids.providerBDraftId}/fit` },
    "GET /api/marketplace/suggestions": {
      kind: "own",
      url: () => "/api/marketplace/suggestions?taskKey=employee_survey&limit=20",
    },
    "GET /api/marketplace/recommended": { kind: "own", url: () => "/api/marketplace/recommended?limit=50" },
    "POST /api/matching/assistant": {
      kind: "own",
      url: () => "/api/matching/assistant",
      body: () => ({ question: "Entwurf B-geheim Coaching" }),
    },
  },
};
