import { createHash, randomBytes } from "node:crypto";
import type { ApiKey, CreateApiKey, CursorQuery } from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { decodeCursor, toPage } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";
import * as repo from "./api-keys.repository.js";

/** `bgm_<8 hex prefix>_<43 base64url chars = 32 random bytes>`; only its SHA-256 is stored. */
export const API_KEY_PATTERN = /^bgm_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export const hashApiKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

export function keyState(k: repo.ApiKeyRow, now: Date): "active" | "expired" | "revoked" {
  if (k.revokedAt) return "revoked";
  if (k.expiresAt && k.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

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
  const prefix = randomBytes(4).toString("hex");
  const key = `bgm_${prefix}_${randomBytes(32).toString("base64url")}`;
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
