/**
 * Participation query keys. Everything starts with "participation", so a registration, a new session or
 * an attendance mark can refresh every view of the same sessions (start page, list, detail, attendance).
 */
export const participationKeys = {
  all: ["participation"] as const,
  interventions: ["participation", "interventions"] as const,
  list: (filters: { status?: string }) => ["participation", "interventions", "list", filters] as const,
  detail: (id: string) => ["participation", "interventions", "detail", id] as const,
  open: ["participation", "open"] as const,
  history: ["participation", "history"] as const,
  attendance: (sessionId: string) => ["participation", "attendance", sessionId] as const,
  walkInCandidates: (sessionId: string, q: string) => ["participation", "walk-in-candidates", sessionId, q] as const,
  reports: (params: Record<string, string>) => ["participation", "reports", params] as const,
  engagement: (engagementId: string) => ["participation", "engagement", engagementId] as const,
};
