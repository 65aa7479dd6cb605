/**
 * Project query keys. The project answer carries its phases, tasks and goals, so the goals list lives
 * under the project prefix: invalidating `all` refreshes both. The KPI cards have a key of their own,
 * refreshed only by the changes that feed them (tasks, goals, employees, partner results).
 */
export const projectKeys = {
  all: ["project"] as const,
  project: () => projectKeys.all,
  goals: () => [...projectKeys.all, "goals"] as const,
  kpis: () => ["kpis"] as const,
  /** The manager's to-do list gathers from every module: its own key, fetched fresh on each visit. */
  todos: () => ["todos"] as const,
};
