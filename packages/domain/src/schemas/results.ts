import { z } from "zod";
import { OUTPUT_TYPE_KEYS, RESULT_LANDINGS } from "../registries/output-types.js";
import { IsoDate, LongText, Timestamp } from "./common.js";
import { cursorPage, wholeList } from "./lists.js";

/*
 * Partner results ("Einklinken"): versions of structured deliverables, the company's decision on
 * each, and the read models of the places they land in.
 */

export const ResultStatus = z.enum(["submitted", "accepted", "changes_requested", "superseded"]);
export type ResultStatus = z.infer<typeof ResultStatus>;
export const OutputTypeKeySchema = z.enum(OUTPUT_TYPE_KEYS);

export const ResultFile = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: Timestamp,
});

/** Where a landed item came from: shown next to everything a result put somewhere. */
export const ResultSource = z.object({
  resultId: z.uuid(),
  engagementId: z.uuid(),
  outputType: OutputTypeKeySchema,
  version: z.number().int(),
  providerName: z.string(),
  offeringTitle: z.string(),
  submittedAt: Timestamp,
  acceptedAt: Timestamp.nullable(),
  /**
   * Set on an item the company kept (a measure it worked on, an adopted intervention) after it sent
   * this result back: the item stays, but it no longer stands on the partner's result.
   */
  withdrawnAt: Timestamp.nullable().optional(),
});
export type ResultSource = z.infer<typeof ResultSource>;

export const PartnerResult = z.object({
  id: z.uuid(),
  engagementId: z.uuid(),
  outputType: OutputTypeKeySchema,
  version: z.number().int().describe("1, 2, … per engagement and output type; a new upload of the same type is a new version"),
  status: ResultStatus,
  payload: z.record(z.string(), z.unknown()),
  note: z.string(),
  files: z.array(ResultFile),
  landsIn: z.enum(RESULT_LANDINGS),
  submittedAt: Timestamp,
  submittedByName: z.string().nullable().describe("null when uploaded with an API key"),
  viaApiKey: z.boolean(),
  decidedAt: Timestamp.nullable(),
  decidedByName: z.string().nullable(),
  decisionReason: z.string(),
  autoAccepted: z.boolean(),
  /** When the company must answer before the result is accepted automatically (submitted results only). */
  autoAcceptAt: Timestamp.nullable(),
  source: ResultSource,
});
export type PartnerResult = z.infer<typeof PartnerResult>;
export const ResultList = cursorPage(PartnerResult);

/** JSON upload; multipart uploads carry the same fields as form fields (payload as a JSON string) plus files. */
export const SubmitResult = z.strictObject({
  outputType: OutputTypeKeySchema,
  payload: z.unknown().describe("The structured result; its schema depends on outputType (GET /api/output-types)"),
  note: LongText.default(""),
});

export const ResultDecision = z
  .strictObject({
    decision: z.enum(["accept", "request_changes"]),
    reason: LongText.default(""),
  })
  .refine((d) => d.decision === "accept" || d.reason.trim().length > 0, {
    message: "Say what should change",
    path: ["reason"],
  });

export const ResultParams = z.strictObject({ id: z.uuid(), resultId: z.uuid() });
export const ResultFileParams = z.strictObject({ id: z.uuid(), resultId: z.uuid(), fileId: z.uuid() });

export const OutputTypeInfo = z.object({
  key: OutputTypeKeySchema,
  label: z.object({ de: z.string(), en: z.string() }),
  description: z.object({ de: z.string(), en: z.string() }),
  fileTypes: z.array(z.string()),
  fileRequired: z.boolean(),
  landsIn: z.enum(RESULT_LANDINGS),
  jsonSchema: z.record(z.string(), z.unknown()),
  example: z.record(z.string(), z.unknown()),
});
export const OutputTypeList = wholeList(OutputTypeInfo).extend({ maxFileBytes: z.number().int() });

/** Phase 2 Analysis: the accepted COPSOQ analyses, newest first; the first is the current one. */
export const CopsoqAnalysisView = wholeList(z.object({ payload: z.record(z.string(), z.unknown()), source: ResultSource }));

/**
 * Phase 2 Analysis: COPSOQ analyses delivered to the company and still waiting for its review, oldest
 * first, with the moment each is accepted automatically unless the manager answers.
 */
export const PendingCopsoqAnalyses = wholeList(z.object({ source: ResultSource, autoAcceptAt: Timestamp }));
export type PendingCopsoqAnalyses = z.infer<typeof PendingCopsoqAnalyses>;

export const InterventionStatus = z.enum(["proposed", "adopted", "dismissed"]);
export const PlannedIntervention = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  targetGroup: z.string(),
  schedule: z.string(),
  costEstimateCents: z.number().int(),
  goalId: z.uuid().nullable(),
  goalTitle: z.string().nullable(),
  /** The goal as the partner's plan named it. */
  proposedGoal: z.string().nullable(),
  status: InterventionStatus,
  decidedAt: Timestamp.nullable(),
  /** Where the proposal came from; kept for adopted interventions, marked with withdrawnAt if the result is sent back. */
  source: ResultSource.nullable(),
  /** A proposal whose title and category match an intervention already adopted: that intervention's id. */
  alreadyInPlanId: z.uuid().nullable(),
});
export const InterventionList = wholeList(PlannedIntervention);
/** goalId: a goal to link, null to link none, absent to keep the proposed link. */
export const AdoptIntervention = z.strictObject({ goalId: z.uuid().nullable().optional() });

/** Evidence a partner result gave a legal requirement step or a checklist task. */
export const ResultEvidence = z.object({
  source: ResultSource,
  label: z.string(),
});

export const ResultDateRange = z.strictObject({ from: IsoDate, to: IsoDate });
