import type { CreateGoal, GoalList, KpiCard, KpiDashboard, SetCurrentPhase, TodoList, UpdateGoal, UpdateTask } from "@bgm/domain";
import type { z } from "zod";

export type { Goal, Project, Task } from "@bgm/domain";
export type GoalListResponse = z.infer<typeof GoalList>;
export type KpiDashboardResponse = z.infer<typeof KpiDashboard>;
export type KpiCardItem = z.infer<typeof KpiCard>;
export type TodoListResponse = z.infer<typeof TodoList>;

export type CreateGoalInput = z.input<typeof CreateGoal>;
export type UpdateGoalInput = z.input<typeof UpdateGoal>;
export type UpdateTaskInput = z.input<typeof UpdateTask>;
export type SetCurrentPhaseInput = z.input<typeof SetCurrentPhase>;
