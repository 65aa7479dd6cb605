import type { AuthzCases } from "./types.js";

/**
 * Signing in with the company login needs no session, by its nature. GET /api/sso/start and /callback are
 * browser redirects kept out of the OpenAPI document; their refusals are tested in modules/sso.
 */
export const SSO_PUBLIC = ["POST /api/sso/discover"];

const B_SECRET = "geheimes-client-secret-von-b-123";

/**
 * Company B has a provider; its client secret and client id are markers no caller may ever see. The
 * configuration routes answer only for the caller's own company; the public ones tell nothing about B.
 */
export const ssoCases: AuthzCases = {
  async setup({ b }) {
    const res = await b.api.put("/api/organization/sso", {
      issuer: "https://idp.firma-b-sso.example",
      clientId: "geheime-client-id-b",
      clientSecret: B_SECRET,
      domains: ["firma-b-sso.example"],
    });
    if (res.statusCode !== 200) throw new Error(`setup failed: ${res.body}`);
    return { ids: {}, markers: [B_SECRET, "geheime-client-id-b"] };
  },
  cases: {
    "GET /api/organization/sso": { kind: "own", url: () => "/api/organization/sso" },
    // A caller's own company claiming B's domain: 409, B's provider unchanged.
    "PUT /api/organization/sso": {
      kind: "own",
      url: () => "/api/organization/sso",
      body: () => ({ issuer: "https://127.0.0.1:1", clientId: "x", clientSecret: "y", domains: ["firma-b-sso.example"] }),
    },
    "DELETE /api/organization/sso": { kind: "own", url: () => "/api/organization/sso" },
    "POST /api/organization/sso/test": {
      kind: "own",
      url: () => "/api/organization/sso/test",
      body: () => ({ issuer: "https://127.0.0.1:1" }),
    },
    "POST /api/sso/discover": { kind: "own", url: () => "/api/sso/discover", body: () => ({ email: "jemand@firma-b-sso.example" }) },
  },
};
