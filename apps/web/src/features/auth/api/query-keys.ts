/** Auth query keys: the signed-in user (`GET /api/me`), which everything else depends on. */
export const authKeys = {
  all: ["me"] as const,
  me: () => authKeys.all,
};
