import type { ApiKey, CreateApiKey, CursorQuery } from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { decodeCursor, toPage } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";
import { hashApiKey, keyState, newApiKey } from "./api-key.js";
import * as repo from "./api-keys.repository.js";

/** Issuing, listing and revoking a provider's keys, by its partner admins in the portal. */

function toApiKey(k: repo.ApiKeyRow, now: Date): z.infer<typeof ApiKey> {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    expiresAt: k.expiresAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    state: keyState(k, now),
  };
}

export async function listApiKeys(scope: TenantScope, page: CursorQuery, now = new Date()) {
  const rows = await repo.listKeys(scope.tx, scope.orgId, { after: decodeCursor(page.cursor, repo.ApiKeyCursor), limit: page.limit });
  return toPage(
    rows,
    page.limit,
    (k) => [k.createdAt.toISOString(), k.id],
    (k) => toApiKey(k, now),
  );
}

export async function createApiKey(scope: TenantScope, input: z.infer<typeof CreateApiKey>, now = new Date()) {
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw AppError.unprocessable("The expiry date must lie in the future", { field: "expiresAt" });
  }
  const { key, prefix } = newApiKey();
  const row = await repo.insertKey(scope.tx, {
    orgId: scope.orgId,
    name: input.name,
    prefix,
    hash: hashApiKey(key),
    createdBy: scope.userId,
    expiresAt,
  });
  await scope.audit({
    action: "api_key.created",
    entityType: "api_key",
    entityId: row.id,
    details: { prefix, expiresAt: expiresAt?.toISOString() ?? null },
  });
  return { ...toApiKey(row, now), key };
}

export async function revokeApiKey(scope: TenantScope, id: string, now = new Date()) {
  const out = await repo.revokeKey(scope.tx, scope.orgId, id);
  if (!out) throw AppError.notFound("API key");
  if (out.changed)
    await scope.audit({ action: "api_key.revoked", entityType: "api_key", entityId: id, details: { prefix: out.row.prefix } });
  return toApiKey(out.row, now);
}
