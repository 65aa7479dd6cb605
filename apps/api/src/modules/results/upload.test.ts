import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error.js";
import type { FileStorage } from "../../lib/file-storage/index.js";
import { PDF } from "./test-fixtures.js";
import { type Uploader, uploadResult } from "./upload.js";

/** The upload use case on its own: what is stored, and that nothing stays stored when the delivery fails. */

function memoryStorage() {
  const kept = new Map<string, Buffer>();
  let n = 0;
  const storage: FileStorage = {
    put: async (orgId, content) => {
      const key = `${orgId}/f${++n}`;
      kept.set(key, content);
      return key;
    },
    get: async (key) => kept.get(key) ?? Buffer.alloc(0),
    remove: async (key) => void kept.delete(key),
  };
  return { storage, kept, puts: () => n };
}

const who: Uploader = {
  providerOrgId: "provider",
  userId: "partner-user",
  role: "partner_admin",
  apiKeyId: null,
  engagement: {
    id: "engagement",
    orgId: "company",
    providerOrgId: "provider",
    status: "in_progress",
    companyName: "Muster GmbH",
    providerName: "Partner AG",
    offeringId: "offering",
    offeringTitle: "Bericht",
    offeringCategory: "analysis",
    requiredDataScopes: [],
    outputDataTypes: ["report_pdf"],
  },
};
const REPORT = { outputType: "report_pdf" as const, payload: { title: "Bericht", summary: "Kurz" }, note: "" };
const files = [
  { fileName: "teil1.pdf", content: PDF },
  { fileName: "teil2.pdf", content: PDF },
];

describe("uploadResult", () => {
  it("removes every file it stored when the delivery's transaction fails", async () => {
    const { storage, kept, puts } = memoryStorage();
    let seen: number | undefined;
    const refused = new AppError("invalid_state", "Results can only be delivered while the engagement is in progress", {}, 409);
    const ctx = {
      appUrl: "http://localhost",
      storage,
      autoAcceptDays: 14,
      maxFileBytes: 1024 * 1024,
      inTenant: async () => {
        seen = kept.size;
        throw refused;
      },
    };
    await expect(uploadResult(ctx, who, REPORT, files)).rejects.toBe(refused);
    expect(seen).toBe(2);
    expect(puts()).toBe(2);
    expect(kept.size).toBe(0);
  });

  it("refuses an output type the offering does not declare before it checks or stores a file", async () => {
    const { storage, puts } = memoryStorage();
    const ctx = {
      appUrl: "http://localhost",
      storage,
      autoAcceptDays: 14,
      maxFileBytes: 1024 * 1024,
      inTenant: async () => expect.unreachable("no transaction for an undeclared type"),
    };
    const upload = uploadResult(ctx, who, { ...REPORT, outputType: "copsoq_analysis" }, [
      { fileName: "x.exe", content: Buffer.from("MZ") },
    ]);
    await expect(upload).rejects.toMatchObject({ code: "output_type_not_declared", status: 422 });
    expect(puts()).toBe(0);
  });
});
