/** Analysis query keys. */
export const analysisKeys = {
  all: ["analysis"] as const,
  copsoq: () => [...analysisKeys.all, "copsoq"] as const,
  pending: () => [...analysisKeys.all, "copsoq", "pending"] as const,
};
