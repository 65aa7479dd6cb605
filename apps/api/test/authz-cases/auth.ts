import { TEST_PASSWORD } from "../helpers.js";
import type { AuthzCases } from "./types.js";

/**
 * better-auth's routes, open to everyone by design: what matters is that nothing about B comes back,
 * whoever asks about B's account. Sign-out goes without the caller's cookie: signing the matrix
 * callers out would end their sessions for every route after it.
 */
export const authCases: AuthzCases = {
  cases: {
    "POST /api/auth/sign-up/email": {
      kind: "own",
      url: () => "/api/auth/sign-up/email",
      // B's own address: the answer may say the address is taken, and nothing more.
      body: (f) => ({ name: "Matrix", email: f.b.email, password: TEST_PASSWORD }),
    },
    "POST /api/auth/sign-in/email": {
      kind: "own",
      url: () => "/api/auth/sign-in/email",
      body: (f) => ({ email: f.b.email, password: "geraten-geraten" }),
    },
    "POST /api/auth/sign-out": {
      kind: "own",
      url: () => "/api/auth/sign-out",
      rawBody: "{}",
      headers: { "content-type": "application/json", cookie: "" },
    },
    "POST /api/auth/request-password-reset": {
      kind: "own",
      url: () => "/api/auth/request-password-reset",
      body: (f) => ({ email: f.b.email, redirectTo: "/reset-password" }),
    },
    "POST /api/auth/reset-password": {
      kind: "own",
      url: () => "/api/auth/reset-password",
      body: () => ({ token: "erfunden", newPassword: TEST_PASSWORD }),
    },
  },
};
