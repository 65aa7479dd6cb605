import type { Api, OrgUser, TestApp } from "../helpers.js";

/** What a case can refer to: company B (the victim) and the ids its setup created. */
export interface Foreign {
  b: OrgUser;
  ids: Record<string, string>;
}

export interface Case {
  /** "foreign": the request names B's resources → 403/404 only. "own": answered within the caller's org. */
  kind: "foreign" | "own";
  url: (f: Foreign) => string;
  body?: (f: Foreign) => unknown;
  headers?: Record<string, string>;
  rawBody?: Buffer | string;
}

export interface SetupContext {
  t: TestApp;
  /** Company B's manager. */
  b: OrgUser & { api: Api };
}

/** One feature module's share of the authorization matrix. */
export interface AuthzCases {
  /** Creates B's records; returns their ids and strings that only B's data contains. */
  setup?: (ctx: SetupContext) => Promise<{ ids: Record<string, string>; markers: string[] }>;
  cases: Record<string, Case>;
}
