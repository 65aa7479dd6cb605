import type { AuthzCases } from "./types.js";

export const engagementsCases: AuthzCases = { cases: {} };
