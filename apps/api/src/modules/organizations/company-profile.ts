import { organization } from "@bgm/db";
import { type CompanyProfile, WZ_SECTION_KEYS, type WzSectionKey } from "@bgm/domain";
import { eq } from "drizzle-orm";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";

/**
 * The company's profile for reports (today: its industry). It lives in the organization row's
 * `metadata` (better-auth's free JSON field), under `profile`, so other keys in it are kept.
 */
type Metadata = Record<string, unknown> & { profile?: { industry?: unknown } };

function parse(raw: string | null): Metadata {
  if (!raw) return {};
  try {
    const value = JSON.parse(raw) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Metadata) : {};
  } catch {
    return {};
  }
}

async function readRow(scope: TenantScope) {
  const [row] = await scope.tx
    .select({ name: organization.name, metadata: organization.metadata })
    .from(organization)
    .where(eq(organization.id, scope.orgId));
  if (!row) throw AppError.notFound("Organization");
  return row;
}

function toProfile(meta: Metadata): CompanyProfile {
  const industry = meta.profile?.industry;
  return { industry: (WZ_SECTION_KEYS as readonly unknown[]).includes(industry) ? (industry as WzSectionKey) : null };
}

/** The company's name and profile, for reports. */
export async function companyProfile(scope: TenantScope): Promise<CompanyProfile & { name: string }> {
  const row = await readRow(scope);
  return { name: row.name, ...toProfile(parse(row.metadata)) };
}

export async function getProfile(scope: TenantScope): Promise<CompanyProfile> {
  return toProfile(parse((await readRow(scope)).metadata));
}

export async function updateProfile(scope: TenantScope, input: CompanyProfile): Promise<CompanyProfile> {
  const meta = parse((await readRow(scope)).metadata);
  const before = toProfile(meta);
  const next: Metadata = { ...meta, profile: { ...(meta.profile ?? {}), industry: input.industry } };
  await scope.tx
    .update(organization)
    .set({ metadata: JSON.stringify(next) })
    .where(eq(organization.id, scope.orgId));
  if (before.industry !== input.industry) {
    await scope.audit({
      action: "organization.profile_updated",
      entityType: "organization",
      entityId: scope.orgId,
      details: { industry: { from: before.industry, to: input.industry } },
    });
  }
  return toProfile(next);
}
