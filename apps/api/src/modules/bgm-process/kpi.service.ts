import { BUILTIN_KPI_CARDS, PHASES } from "@bgm/domain";
import type { TenantScope } from "../../lib/request-context.js";
import { countEmployees } from "../employees/index.js";
import * as repo from "./bgm-process.repository.js";
import { getProject } from "./bgm-process.service.js";
import { kpiSeries } from "./result-contributions.js";

const title = (key: string) => {
  const card = BUILTIN_KPI_CARDS.find((c) => c.key === key);
  return card ? { de: card.label.de, en: card.label.en } : { de: key, en: key };
};

/** Built-in cards first, then the custom cards other features have added for this company. */
export async function getKpiDashboard(scope: TenantScope) {
  // One transaction is one connection: queries run one after the other, never in parallel.
  const project = await getProject(scope);
  const employees = await countEmployees(scope);
  const custom = await repo.listCustomKpiCards(scope);
  return {
    cards: [
      {
        key: "employees",
        source: "builtin" as const,
        trend: [],
        counts: null,
        sources: [],
        title: title("employees"),
        value: employees.active,
        unit: null,
        breakdown: employees.byDepartment.map((d) => ({ label: d.name, value: d.count })),
      },
      {
        key: "active_goals",
        source: "builtin" as const,
        trend: [],
        counts: null,
        sources: [],
        title: title("active_goals"),
        value: project.goals.filter((g) => g.status === "active").length,
        unit: null,
        breakdown: [],
      },
      {
        key: "tasks_done_per_phase",
        source: "builtin" as const,
        trend: [],
        counts: null,
        sources: [],
        title: title("tasks_done_per_phase"),
        value: project.phases.reduce((sum, p) => sum + p.tasksDone, 0),
        unit: null,
        breakdown: project.phases.map((p) => ({
          label: PHASES.find((x) => x.number === p.number)?.label.de ?? String(p.number),
          value: p.tasksDone,
          total: p.tasksTotal,
        })),
      },
      ...custom.map((c) => ({
        key: c.cardKey,
        source: "custom" as const,
        title: { de: c.titleDe, en: c.titleEn },
        value: c.value,
        unit: c.unit,
        breakdown: Array.isArray(c.data.breakdown) ? (c.data.breakdown as { label: string; value: number }[]) : [],
        ...kpiSeries(c.data),
      })),
    ],
  };
}
