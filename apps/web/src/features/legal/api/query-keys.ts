/** Legal requirement query keys; the overview's key is the prefix of every detail, so invalidating it refreshes both. */
export const legalKeys = {
  all: ["legal-requirements"] as const,
  list: () => legalKeys.all,
  detail: (key: string) => [...legalKeys.all, key] as const,
};
