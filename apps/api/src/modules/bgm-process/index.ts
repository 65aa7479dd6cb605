export { listActiveGoals } from "./bgm-process.repository.js";
export { bgmProcessRoutes } from "./bgm-process.routes.js";
export { bootstrapProject, createGoal, getProject, getTask, updateTask } from "./bgm-process.service.js";
export { type ComputedKpiCard, type KpiCardSource, registerKpiCardSource } from "./kpi.service.js";
export { findPlannedIntervention, type PlannedInterventionFacts } from "./planned-read.js";
export {
  completeTaskWithResult,
  type KpiPoint,
  proposeInterventions,
  recordKpiPoint,
  type TaskUndo,
  withdrawInterventions,
  withdrawKpiPoint,
  withdrawTaskResult,
} from "./result-contributions.js";
export { tasksDueBy } from "./tasks-due.js";
