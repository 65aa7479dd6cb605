/** Project: the six phases, their tasks, goals and KPI cards. The public face of the feature; other code imports only this file. */
export { useGoals } from "./api/get-goals";
export { useKpis } from "./api/get-kpis";
export { useProject } from "./api/get-project";
export { useTodos } from "./api/get-todos";
export { projectKeys } from "./api/query-keys";
export { useSetCurrentPhase } from "./api/set-current-phase";
export { GoalFormModal } from "./components/goal-form-modal";
export { GoalsTable } from "./components/goals-table";
export { KpiCards } from "./components/kpi-cards";
export { PartnerSuggestionsSlot } from "./components/partner-suggestions-slot";
export { PhaseOverview } from "./components/phase-overview";
export { TaskChecklist } from "./components/task-checklist";
export { TaskForm } from "./components/task-form";
export { TodoList } from "./components/todo-list";
export { WorksCouncilSection } from "./components/works-council-section";
