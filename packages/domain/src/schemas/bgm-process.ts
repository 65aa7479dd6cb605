import { z } from "zod";
import { IsoDate, LongText, ShortText, Timestamp } from "./common.js";
import { wholeList } from "./lists.js";
import { ResultEvidence, ResultSource } from "./results.js";

export const TaskStatus = z.enum(["open", "in_progress", "done"]);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const WorksCouncilDetails = z.strictObject({
  agreementDate: IsoDate.nullable(),
  documentId: z.uuid().nullable(),
});

export const Task = z.object({
  id: z.uuid(),
  key: z.string(),
  phase: z.number().int(),
  kind: z.string(),
  status: TaskStatus,
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueDate: IsoDate.nullable(),
  notes: z.string(),
  details: z.record(z.string(), z.unknown()),
  /** Accepted partner results that completed or document this task. */
  results: z.array(ResultEvidence),
  /** A task that mirrors a legal requirement: its status is the requirement's, changed only there. */
  followsLegalRequirement: z.string().nullable(),
  completedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
});
export type Task = z.infer<typeof Task>;

export const UpdateTask = z
  .strictObject({
    status: TaskStatus,
    ownerUserId: z.string().max(64).nullable(),
    dueDate: IsoDate.nullable(),
    notes: LongText,
    details: WorksCouncilDetails.partial(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });

export const Goal = z.object({
  id: z.uuid(),
  title: z.string(),
  target: z.string(),
  dueDate: IsoDate.nullable(),
  status: z.enum(["active", "achieved", "dropped"]),
  createdAt: Timestamp,
});
export type Goal = z.infer<typeof Goal>;
export const CreateGoal = z.strictObject({
  title: ShortText,
  target: ShortText.describe('Measurable target, e.g. "reduce sick days by 10 % by 2027"'),
  dueDate: IsoDate.nullable().default(null),
});
export const UpdateGoal = z
  .strictObject({
    title: ShortText,
    target: ShortText,
    dueDate: IsoDate.nullable(),
    status: z.enum(["active", "achieved", "dropped"]),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });

export const PhaseSummary = z.object({
  number: z.number().int(),
  key: z.string(),
  tasksTotal: z.number().int(),
  tasksDone: z.number().int(),
});

export const Project = z.object({
  id: z.uuid(),
  currentPhase: z.number().int().min(1).max(6),
  phases: z.array(PhaseSummary),
  tasks: z.array(Task),
  goals: z.array(Goal),
  updatedAt: Timestamp,
});
export type Project = z.infer<typeof Project>;

export const SetCurrentPhase = z.strictObject({ phase: z.number().int().min(1).max(6) });
export const TaskKeyParam = z.strictObject({ key: z.string().min(1).max(64) });

export const ParticipationCounts = z.object({ registered: z.number().int(), attended: z.number().int() });
export const KpiCard = z.object({
  key: z.string(),
  source: z.enum(["builtin", "custom"]),
  title: z.object({ de: z.string(), en: z.string() }),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  breakdown: z.array(z.object({ label: z.string(), value: z.number(), total: z.number().optional() })),
  /** Values over time, oldest first (e.g. attendance per period from partner results). */
  trend: z.array(z.object({ label: z.string(), value: z.number(), counts: ParticipationCounts.nullable() })),
  /** The counts behind the latest value of a rate card, so a manager sees what the percentage stands for. */
  counts: ParticipationCounts.nullable(),
  /** Where a custom card's figures come from. */
  sources: z.array(ResultSource),
  /** Periods left out of the trend because their figures would be about too few people (computed cards). */
  withheld: z.array(z.string()).optional(),
});
export const KpiDashboard = z.object({ cards: z.array(KpiCard) });

export const GoalList = wholeList(Goal);
