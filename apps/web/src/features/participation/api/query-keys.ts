import type { InterventionFilters } from "./interventions";

/**
 * Participation query keys. Everything sits under `all`, so a registration, a new session or an attendance
 * mark can refresh every view of the same sessions (start page, list, detail, attendance, reports).
 */
export const participationKeys = {
  all: ["participation"] as const,
  lists: () => [...participationKeys.all, "list"] as const,
  list: (filters: InterventionFilters) => [...participationKeys.lists(), filters] as const,
  detail: (id: string) => [...participationKeys.all, "detail", id] as const,
  /** The signed-in employee's start page: open interventions with their own places, and their history. */
  open: () => [...participationKeys.all, "open"] as const,
  history: () => [...participationKeys.all, "history"] as const,
  certificates: () => [...participationKeys.all, "certificates"] as const,
  attendance: (sessionId: string) => [...participationKeys.all, "attendance", sessionId] as const,
  reports: (params: Record<string, string>) => [...participationKeys.all, "reports", params] as const,
  partner: (engagementId: string) => [...participationKeys.all, "partner", engagementId] as const,
  /** The insurer report's preview for a period; under `all`, so an attendance mark refreshes it too. */
  insuranceReport: (period: { from: string; to: string }) => [...participationKeys.all, "insurance-report", period] as const,
  healthBudget: (year: number) => [...participationKeys.all, "health-budget", year] as const,
  /**
   * The minimum group size. Raising it changes every figure above, so the mutation refreshes `all`
   * (this key included).
   */
  disclosure: () => [...participationKeys.all, "disclosure"] as const,
};
