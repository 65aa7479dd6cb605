import type {
  CreateMeasure,
  LegalRequirementList,
  Measure,
  RecordTrigger,
  RequirementStep,
  StepKey,
  UpdateMeasure,
  UpdateRequirement,
  UpdateStep,
} from "@bgm/domain";
import type { z } from "zod";

export type { LegalRequirement } from "@bgm/domain";
export type LegalRequirementListResponse = z.infer<typeof LegalRequirementList>;
export type RequirementStepItem = z.infer<typeof RequirementStep>;
export type MeasureItem = z.infer<typeof Measure>;

/** Each change names its requirement by key (in the hook) and, where the path has one, its step or measure. */
export type UpdateRequirementInput = z.input<typeof UpdateRequirement>;
export type UpdateStepInput = { step: z.infer<typeof StepKey> } & z.input<typeof UpdateStep>;
export type CreateMeasureInput = z.input<typeof CreateMeasure>;
export type UpdateMeasureInput = { id: string } & z.input<typeof UpdateMeasure>;
export type RecordTriggerInput = z.input<typeof RecordTrigger>;
/** Evidence is the file itself as the request body; the note travels in a header. */
export interface UploadEvidenceInput {
  step: z.infer<typeof StepKey>;
  file: File;
  note: string;
}
