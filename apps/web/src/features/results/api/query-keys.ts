/** Results query keys; an engagement's results have a key of their own, so any upload or decision refreshes exactly them. */
export const resultKeys = {
  all: ["results"] as const,
  outputTypes: () => [...resultKeys.all, "output-types"] as const,
  list: (engagementId: string) => [...resultKeys.all, "list", engagementId] as const,
};
