import { OFFERING_CATEGORIES, phaseByNumber, type SuggestionList, type SuggestionQuery, taskTemplate } from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { getProject } from "../bgm-process/index.js";
import { findSuggestionCandidates } from "./discovery.repository.js";
import { toOffering } from "./marketplace.mappers.js";

type Reason = z.infer<typeof SuggestionList>["items"][number]["reasons"][number];

/** A task match always outranks goal matches, and a goal match outranks a bare phase match. */
export const SCORE = { task: 100, goal: 10, phase: 1 } as const;
/** At most this many goals count towards the score, so goals never outweigh the task. */
const MAX_GOALS_SCORED = 3;

/**
 * Words every goal has ("reduzieren", "Mitarbeitende", "Gesundheit") say nothing about which
 * partner fits; matching on them would suggest everyone for every goal. "Belastung" belongs here
 * too: in BGM it is physical and psychological strain alike, so "Psychische Belastung erkennen"
 * must not suggest an ergonomics check for its ergonomic "Belastungen".
 */
const GENERIC_GOAL_WORDS =
  "reduzieren senken verringern erhöhen steigern verbessern fördern stärken erkennen vermeiden erreichen halten abbauen " +
  "Mitarbeiter Mitarbeitende Mitarbeiterinnen Beschäftigte Belegschaft Gesundheit gesund Prozent Quote Anteil Ziel Unternehmen Betrieb " +
  "Belastung Belastungen Beanspruchung";

const CATEGORY_LABELS = OFFERING_CATEGORIES.map((c) => ({ key: c.key, label: c.label.de }));

export async function suggestPartners(
  scope: TenantScope,
  query: z.output<typeof SuggestionQuery>,
): Promise<z.infer<typeof SuggestionList>> {
  const task = query.taskKey ? taskTemplate(query.taskKey) : null;
  if (query.taskKey && !task) throw AppError.notFound(`Task "${query.taskKey}"`);
  const project = await getProject(scope);
  // A task widget asks about the task's phase; a phase view names its phase; otherwise the project's.
  const phaseNumber = query.phase ?? task?.phase ?? project.currentPhase;
  const phase = phaseByNumber(phaseNumber);
  const goals = project.goals.filter((g) => g.status === "active").map((g) => ({ id: g.id, title: g.title }));
  const goalTitle = new Map(goals.map((g) => [g.id, g.title]));

  const rows = await findSuggestionCandidates(scope, {
    taskKey: task?.key ?? null,
    phase: phaseNumber,
    goals,
    genericWords: GENERIC_GOAL_WORDS,
    categories: CATEGORY_LABELS,
  });

  const items = rows.map((row) => {
    const reasons: Reason[] = [];
    let score = 0;
    if (task && row.relevantTasks.includes(task.key)) {
      score += SCORE.task;
      reasons.push({
        kind: "task",
        text: { de: `Passt zur Aufgabe „${task.label.de}“`, en: `Matches the task "${task.label.en}"` },
      });
    }
    row.matchedGoals.forEach((id, i) => {
      const title = goalTitle.get(id) ?? "";
      if (i < MAX_GOALS_SCORED) score += SCORE.goal;
      reasons.push({ kind: "goal", text: { de: `Passt zu Ihrem Ziel „${title}“`, en: `Matches your goal "${title}"` } });
    });
    if (phase && row.relevantPhases.includes(phase.number)) {
      score += SCORE.phase;
      reasons.push({
        kind: "phase",
        text: {
          de: `Passt zu Phase ${phase.number} „${phase.label.de}“`,
          en: `Fits phase ${phase.number} "${phase.label.en}"`,
        },
      });
    }
    return { offering: toOffering(row), reasons, score };
  });

  items.sort((a, b) => b.score - a.score || a.offering.title.localeCompare(b.offering.title, "de"));
  return { items: items.slice(0, query.limit), nextCursor: null };
}
