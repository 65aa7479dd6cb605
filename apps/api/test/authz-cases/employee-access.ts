import type { AuthzCases } from "./types.js";

/** The join routes need no session by design: whoever holds a company's join link may use it. */
export const EMPLOYEE_ACCESS_PUBLIC = ["GET /api/join/{token}", "POST /api/join/{token}/sign-in-link", "POST /api/join/sign-in"];

/**
 * Company B has an active join link; its token is a marker, so no caller may ever see it. Callers try the
 * public routes with B's link (which answers no more than it answers anyone) and with invented tokens.
 */
export const employeeAccessCases: AuthzCases = {
  async setup({ b }) {
    const res = await b.api.post("/api/organization/join-link");
    if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
    const token = (res.json().link.url as string).split("/join/")[1] as string;
    return { ids: { joinToken: token }, markers: [token] };
  },
  cases: {
    "GET /api/organization/join-link": { kind: "own", url: () => "/api/organization/join-link" },
    "POST /api/organization/join-link": { kind: "own", url: () => "/api/organization/join-link" },
    "DELETE /api/organization/join-link": { kind: "own", url: () => "/api/organization/join-link" },
    // B's real link would name B (that is what it is for): an invented one must tell nothing.
    "GET /api/join/{token}": { kind: "foreign", url: () => "/api/join/erfundenes-token-erfundenes-token-123456" },
    // B's real link and B's employee: the same 202 as for any address, nothing about B.
    "POST /api/join/{token}/sign-in-link": {
      kind: "own",
      url: (f) => `/api/join/${f.ids.joinToken}/sign-in-link`,
      body: () => ({ email: "geheim.b@firma-b.de" }),
    },
    "POST /api/join/sign-in": { kind: "own", url: () => "/api/join/sign-in", body: () => ({ token: "erfunden.erfunden" }) },
  },
};
