/** Development-only query keys. */
export const devKeys = {
  all: ["dev"] as const,
  outbox: () => [...devKeys.all, "outbox"] as const,
};
