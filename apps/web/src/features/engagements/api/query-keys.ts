/** Engagement query keys; list and detail share the prefix so a change refreshes both. */
export const engagementKeys = {
  all: ["engagements"] as const,
  list: (filters: { status: string; phase: string }) => ["engagements", "list", filters] as const,
  one: (id: string) => ["engagements", "one", id] as const,
};
