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

/** A card another module computes from its own records when the dashboard is read (never stored). */
export interface ComputedKpiCard {
  key: string;
  title: { de: string; en: string };
  value: number | null;
  unit: string | null;
  trend: { label: string; value: number; counts: { registered: number; attended: number } | null }[];
  counts: { registered: number; attended: number } | null;
  /** Labels of periods whose figures are withheld (e.g. below the minimum group size). */
  withheld?: string[];
}
export type KpiCardSource = (scope: TenantScope) => Promise<ComputedKpiCard | null>;

const computedSources = new Map<string, KpiCardSource>();

/**
 * Lets a module that builds on bgm-process (participation) add a card computed on read, without
 * bgm-process importing it: the dependency stays one way. Registering a key again replaces its source.
 */
export function registerKpiCardSource(key: string, source: KpiCardSource): void {
  computedSources.set(key, source);
}

/** Built-in cards first, then cards other modules compute, then the custom cards other features have added. */
export async function getKpiDashboard(scope: TenantScope) {
  // One transaction is one connection: queries run one after the other, never in parallel.
  const project = await getProject(scope);
  const employees = await countEmployees(scope);
  const custom = await repo.listCustomKpiCards(scope);
  const computed: ComputedKpiCard[] = [];
  for (const source of computedSources.values()) {
    const card = await source(scope);
    if (card) computed.push(card);
  }
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
      ...computed.map((c) => ({
        key: c.key,
        source: "builtin" as const,
        title: c.title,
        value: c.value,
        unit: c.unit,
        breakdown: [],
        trend: c.trend,
        counts: c.counts,
        sources: [],
        ...(c.withheld ? { withheld: c.withheld } : {}),
      })),
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
