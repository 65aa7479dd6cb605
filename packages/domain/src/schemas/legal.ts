import { z } from "zod";
import { GBU_STEP_KEYS, REOPEN_TRIGGER_KEYS } from "../registries/legal-requirements.js";
import { IsoDate, LongText, ShortText, Timestamp } from "./common.js";
import { wholeList } from "./lists.js";
import { ResultEvidence, ResultSource } from "./results.js";

export const StepKey = z.enum(GBU_STEP_KEYS);
export const Evidence = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  note: z.string(),
  uploadedAt: Timestamp,
});
export const Measure = z.object({
  id: z.uuid(),
  title: z.string(),
  ownerName: z.string(),
  dueDate: IsoDate,
  carriedOutAt: IsoDate.nullable(),
  proof: z.string(),
  /** The partner result this measure came from, if any. */
  source: ResultSource.nullable(),
});
export const RequirementStep = z.object({
  key: StepKey,
  done: z.boolean(),
  notes: z.string(),
  completedAt: Timestamp.nullable(),
  evidence: z.array(Evidence),
  /** Accepted partner results documenting this step. */
  results: z.array(ResultEvidence),
});
export const RequirementEvent = z.object({
  id: z.uuid(),
  kind: z.string(),
  note: z.string(),
  at: Timestamp,
});
export const LegalRequirement = z.object({
  id: z.uuid(),
  key: z.string(),
  status: z.enum(["open", "done"]),
  assessmentDate: IsoDate.nullable(),
  effectivenessCheck: z.string(),
  /** When the effectiveness check was done; it counts only if on or after the day the last measure was carried out. */
  effectivenessCheckedOn: IsoDate.nullable(),
  completedAt: Timestamp.nullable(),
  steps: z.array(RequirementStep),
  measures: z.array(Measure),
  events: z.array(RequirementEvent),
  missing: z.array(z.string()).describe("What a labour inspector would still ask for before this is done"),
});
export type LegalRequirement = z.infer<typeof LegalRequirement>;

export const RequirementKeyParam = z.strictObject({ key: z.string().min(1).max(64) });
export const StepParams = z.strictObject({ key: z.string().min(1).max(64), step: StepKey });
export const UpdateStep = z
  .strictObject({ done: z.boolean(), notes: LongText })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });
export const UpdateRequirement = z
  .strictObject({
    assessmentDate: IsoDate.nullable(),
    effectivenessCheck: LongText,
    effectivenessCheckedOn: IsoDate.nullable().describe("Defaults to today when effectivenessCheck changes without it"),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });
export const CreateMeasure = z.strictObject({ title: ShortText, ownerName: ShortText, dueDate: IsoDate });
export const UpdateMeasure = z
  .strictObject({ carriedOutAt: IsoDate.nullable(), proof: LongText, title: ShortText, ownerName: ShortText, dueDate: IsoDate })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });
export const RecordTrigger = z.strictObject({ kind: z.enum(REOPEN_TRIGGER_KEYS), note: LongText.default("") });

export const LegalRequirementList = wholeList(LegalRequirement);
