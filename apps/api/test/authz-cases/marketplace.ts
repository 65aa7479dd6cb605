import type { AuthzCases } from "./types.js";

export const marketplaceCases: AuthzCases = { cases: {} };
