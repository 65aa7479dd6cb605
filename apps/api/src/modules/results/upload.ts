import { createHash } from "node:crypto";
import type { OutputTypeKey, PartnerResult } from "@bgm/domain";
import type { TenantScope } from "../../lib/request-context.js";
import type { Outcome } from "../engagements/index.js";
import { type PartnerActor, touchKey } from "../partner-access/index.js";
import type { ResultEngagement } from "./engagement-view.js";
import { type ResultsContext, requireDeclaredType, type StoredUpload, submitResult } from "./results.service.js";
import { checkFiles, type IncomingFile } from "./submission.js";

/** Who delivers (a partner's session or one of its keys) and on which engagement, checked before the body was read. */
export type Uploader = PartnerActor & { engagement: ResultEngagement };

export interface UploadContext extends Omit<ResultsContext, "scope"> {
  maxFileBytes: number;
  /** Runs `fn` in the uploader's tenant transaction (the provider's, as the uploader). */
  inTenant: <T>(fn: (scope: TenantScope) => Promise<T>) => Promise<T>;
}

/**
 * A partner's delivery, files and all. The files are checked and written to storage before the
 * transaction, so no row lock is held while bytes travel; when anything after that fails, the rows
 * roll back and the bytes written are removed again.
 */
export async function uploadResult(
  c: UploadContext,
  who: Uploader,
  input: { outputType: OutputTypeKey; payload: unknown; note: string },
  files: readonly IncomingFile[],
): Promise<Outcome<PartnerResult>> {
  // Refused before a byte is checked or stored; submitResult checks it again under the engagement's lock.
  requireDeclaredType(who.engagement, input.outputType);
  const checked = await checkFiles(input.outputType, files, c.maxFileBytes);
  const written: string[] = [];
  try {
    const stored: StoredUpload[] = [];
    for (const f of checked) {
      const storageKey = await c.storage.put(who.engagement.orgId, f.content);
      written.push(storageKey);
      stored.push({
        fileName: f.fileName,
        mimeType: f.mimeType,
        sizeBytes: f.content.length,
        sha256: createHash("sha256").update(f.content).digest("hex"),
        storageKey,
      });
    }
    return await c.inTenant(async (scope) => {
      // Only an upload that commits counts as the key's use.
      if (who.apiKeyId) await touchKey(scope.tx, who.providerOrgId, who.apiKeyId);
      const { appUrl, storage, autoAcceptDays } = c;
      return submitResult({ scope, appUrl, storage, autoAcceptDays, apiKeyId: who.apiKeyId }, who.engagement.id, {
        ...input,
        files: stored,
      });
    });
  } catch (err) {
    await Promise.allSettled(written.map((k) => c.storage.remove(k)));
    throw err;
  }
}
