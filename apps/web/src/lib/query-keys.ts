/** Query keys in one place so every mutation invalidates exactly what it changed. */
export const queryKeys = {
  me: ["me"] as const,
  project: ["project"] as const,
  goals: ["project", "goals"] as const,
  kpis: ["kpis"] as const,
  employees: ["employees"] as const,
  legal: ["legal-requirements"] as const,
  legalOne: (key: string) => ["legal-requirements", key] as const,
  members: ["members"] as const,
  invitations: ["invitations"] as const,
  invitation: (id: string) => ["invitation", id] as const,
  joinLink: ["join-link"] as const,
  joinInfo: (token: string) => ["join-info", token] as const,
  audit: ["audit"] as const,
  outbox: ["outbox"] as const,
};
