/** Planning query keys. */
export const planningKeys = {
  all: ["planning"] as const,
  interventions: () => [...planningKeys.all, "interventions"] as const,
};
