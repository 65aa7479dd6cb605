/** Results query keys; an engagement's results share a prefix so any upload or decision refreshes them. */
export const resultKeys = {
  outputTypes: ["output-types"] as const,
  all: ["results"] as const,
  list: (engagementId: string) => ["results", engagementId] as const,
};
