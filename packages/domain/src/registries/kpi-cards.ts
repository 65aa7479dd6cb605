/**
 * Built-in KPI cards. Later features add custom cards (e.g. partner participation stats) as rows
 * of their own; the dashboard shows built-ins first, then custom cards.
 */
export const BUILTIN_KPI_CARDS = [
  { key: "employees", label: { de: "Beschäftigte (aktiv)", en: "Employees (active)" } },
  { key: "active_goals", label: { de: "Aktive Ziele", en: "Active goals" } },
  {
    key: "tasks_done_per_phase",
    label: { de: "Erledigte Aufgaben je Phase", en: "Tasks done per phase" },
  },
] as const;
export type BuiltinKpiCardKey = (typeof BUILTIN_KPI_CARDS)[number]["key"];
