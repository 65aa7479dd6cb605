import type { CreateOffering, CursorQuery, Offering, ProviderProfile, UpdateOffering, UpdateProviderProfile } from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { decodeCursor, toPage } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";
import { toOffering, toProviderProfile } from "./marketplace.mappers.js";
import * as repo from "./offerings.repository.js";
import { findUnknownRegistryKey } from "./registry-keys.js";

type OfferingStatus = Offering["status"];

/** The offering lifecycle: publish a draft, archive what is published, revive an archived one as a draft. */
export const STATUS_MOVES: Record<OfferingStatus, readonly OfferingStatus[]> = {
  draft: ["published"],
  published: ["archived"],
  archived: ["draft"],
};

function assertRegistryKeys(input: Parameters<typeof findUnknownRegistryKey>[0]) {
  const issue = findUnknownRegistryKey(input);
  if (issue) {
    throw AppError.unprocessable(`Unknown key "${issue.key}" in ${issue.field}`, issue);
  }
}

export async function getProfile(scope: TenantScope): Promise<ProviderProfile> {
  const name = await repo.findOrgName(scope);
  const row = await repo.findProfile(scope);
  return toProviderProfile(scope.orgId, name, row);
}

export async function updateProfile(scope: TenantScope, patch: z.infer<typeof UpdateProviderProfile>): Promise<ProviderProfile> {
  const name = await repo.findOrgName(scope);
  const row = await repo.upsertProfile(scope, patch);
  await repo.syncProviderName(scope, name);
  await scope.audit({
    action: "provider_profile.updated",
    entityType: "provider_profile",
    entityId: row.id,
    details: { fields: Object.keys(patch) },
  });
  return toProviderProfile(scope.orgId, name, row);
}

export async function listOwnOfferings(scope: TenantScope, page: CursorQuery) {
  const rows = await repo.listOwnOfferings(scope, { after: decodeCursor(page.cursor, repo.OwnOfferingCursor), limit: page.limit });
  return toPage(rows, page.limit, (r) => [r.title, r.id], toOffering);
}

export async function createOffering(scope: TenantScope, input: z.output<typeof CreateOffering>): Promise<Offering> {
  assertRegistryKeys(input);
  const providerName = await repo.findOrgName(scope);
  const row = await repo.insertOffering(scope, { ...input, providerName, status: "draft" });
  await scope.audit({ action: "offering.created", entityType: "offering", entityId: row.id, details: { title: row.title } });
  return toOffering(row);
}

export async function updateOffering(scope: TenantScope, id: string, patch: z.output<typeof UpdateOffering>): Promise<Offering> {
  const current = await repo.findOwnOffering(scope, id);
  if (!current) throw AppError.notFound("Offering");
  assertRegistryKeys(patch);
  if (patch.status && patch.status !== current.status) {
    const allowed = STATUS_MOVES[current.status];
    if (!allowed.includes(patch.status)) {
      throw AppError.conflict(
        `An offering cannot move from ${current.status} to ${patch.status}; allowed: ${allowed.join(", ") || "none"}`,
        { from: current.status, to: patch.status, allowed },
      );
    }
  }
  const providerName = await repo.findOrgName(scope);
  const row = await repo.updateOffering(scope, id, { ...patch, providerName });
  if (!row) throw AppError.notFound("Offering");
  const statusChanged = patch.status !== undefined && patch.status !== current.status;
  await scope.audit({
    action: statusChanged ? "offering.status_changed" : "offering.updated",
    entityType: "offering",
    entityId: id,
    details: { fields: Object.keys(patch), ...(statusChanged ? { from: current.status, to: patch.status } : {}) },
  });
  return toOffering(row);
}
