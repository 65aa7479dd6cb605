import { OUTPUT_TYPES, type OutputTypeList, outputType, type PartnerResult, type ResultSource } from "@bgm/domain";
import { z } from "zod";
import type { ResultEngagement } from "./engagement-view.js";
import type { ResultFileRow, ResultRow, ResultWithNames } from "./results.repository.js";

const DAY = 24 * 60 * 60 * 1000;

/** When a submitted result is accepted automatically unless the company answers. */
export const autoAcceptAtOf = (submittedAt: Date, autoAcceptDays: number) =>
  new Date(submittedAt.getTime() + autoAcceptDays * DAY).toISOString();

export const resultLabel = (row: Pick<ResultRow, "outputType" | "version">) =>
  `${outputType(row.outputType)?.label.de ?? row.outputType} v${row.version}`;

export function sourceOf(
  row: ResultRow,
  e: Pick<ResultEngagement, "providerName" | "offeringTitle">,
  acceptedAt: Date | null,
): ResultSource {
  return {
    resultId: row.id,
    engagementId: row.engagementId,
    outputType: row.outputType as ResultSource["outputType"],
    version: row.version,
    providerName: e.providerName,
    offeringTitle: e.offeringTitle,
    submittedAt: row.submittedAt.toISOString(),
    acceptedAt: acceptedAt?.toISOString() ?? null,
  };
}

export function toPartnerResult(
  r: ResultWithNames,
  files: ResultFileRow[],
  e: Pick<ResultEngagement, "providerName" | "offeringTitle">,
  autoAcceptDays: number,
): PartnerResult {
  const row = r.result;
  const def = OUTPUT_TYPES.find((t) => t.key === row.outputType);
  return {
    id: row.id,
    engagementId: row.engagementId,
    outputType: row.outputType as PartnerResult["outputType"],
    version: row.version,
    status: row.status as PartnerResult["status"],
    payload: row.payload,
    note: row.note,
    files: files
      .filter((f) => f.resultId === row.id)
      .map((f) => ({
        id: f.id,
        fileName: f.fileName,
        mimeType: f.mimeType,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
        uploadedAt: f.createdAt.toISOString(),
      })),
    landsIn: def?.landsIn ?? "engagement_documents",
    submittedAt: row.submittedAt.toISOString(),
    submittedByName: row.apiKeyId ? null : r.submittedByName,
    viaApiKey: row.apiKeyId !== null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedByName: r.decidedByName,
    decisionReason: row.decisionReason,
    autoAccepted: row.autoAccepted,
    autoAcceptAt: row.status === "submitted" ? autoAcceptAtOf(row.submittedAt, autoAcceptDays) : null,
    source: sourceOf(row, e, row.status === "accepted" ? row.decidedAt : null),
  };
}

/** The registry as partners read it: each output type's JSON Schema (drawn from its Zod schema) and an example. */
export const outputTypeList = (maxFileBytes: number): z.infer<typeof OutputTypeList> => ({
  items: OUTPUT_TYPES.map((t) => ({
    key: t.key,
    label: t.label,
    description: t.description,
    fileTypes: [...t.fileTypes],
    fileRequired: t.fileRequired,
    landsIn: t.landsIn,
    jsonSchema: z.toJSONSchema(t.schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>,
    example: t.example as Record<string, unknown>,
  })),
  nextCursor: null,
  maxFileBytes,
});
