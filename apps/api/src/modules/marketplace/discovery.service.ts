import type { DiscoveryQuery, Offering, OfferingList, OfferingProvider } from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { decodeCursor, toPage } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";
import * as repo from "./discovery.repository.js";
import { DiscoveryCursor, type DiscoveryFilters, sanitizeSearch } from "./discovery.sql.js";
import { toOffering, toProviderProfile } from "./marketplace.mappers.js";

/** The query as discovery runs it: price range checked, search text sanitized. Throws 400. */
export function toDiscoveryFilters(query: DiscoveryQuery): DiscoveryFilters {
  if (query.priceMin !== undefined && query.priceMax !== undefined && query.priceMin > query.priceMax) {
    throw new AppError("bad_request", "priceMin must not be greater than priceMax", { priceMin: query.priceMin, priceMax: query.priceMax });
  }
  const { cursor, ...rest } = query;
  return { ...rest, q: sanitizeSearch(query.q), after: decodeCursor(cursor, DiscoveryCursor) };
}

/** One page of published offerings; the same for every caller (public view, no tenant data). */
export async function listOfferings(
  scope: Pick<TenantScope, "tx" | "orgId">,
  filters: DiscoveryFilters,
): Promise<z.infer<typeof OfferingList>> {
  const { rows, total } = await repo.listPublished(scope, filters);
  const page = { ...toPage(rows, filters.limit, (r) => [Number(r.rank), r.title, r.id], toOffering), total };
  if (total > 0 || !filters.q || filters.after) return { ...page, didYouMean: null };
  return { ...page, didYouMean: await didYouMean(scope, filters) };
}

/**
 * A search that found nothing, spelled with the catalogue's words („Rückn“ → „rücken“), offered only when
 * that search finds something with the same filters; otherwise null.
 */
export async function didYouMean(scope: Pick<TenantScope, "tx" | "orgId">, filters: DiscoveryFilters): Promise<string | null> {
  const words = (filters.q ?? "")
    .toLocaleLowerCase("de")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);
  if (words.length === 0) return null;
  const closest = await repo.closestCatalogueWords(scope, words);
  if (closest.size === 0) return null;
  const respelled = (filters.q ?? "")
    .split(/(\s+)/)
    .map((part) => closest.get(part.toLocaleLowerCase("de")) ?? part)
    .join("");
  const { total } = await repo.listPublished(scope, { ...filters, q: respelled, limit: 1 });
  return total > 0 ? respelled : null;
}

/** A published offering, or one of the caller's own in any state; anything else does not exist for the caller. */
export async function getOffering(scope: Pick<TenantScope, "tx" | "orgId">, id: string): Promise<Offering> {
  const row = await repo.findVisible(scope, id);
  if (!row) throw AppError.notFound("Offering");
  return toOffering(row);
}

/** How many of the provider's other offerings the detail page lists. */
export const OTHER_OFFERINGS_LIMIT = 6;

/**
 * The provider behind an offering the caller may see: its public profile and its other published
 * offerings. Public data only (the profile is readable by every signed-in user; drafts stay behind RLS
 * and the published filter, also the provider's own ones).
 */
export async function getOfferingProvider(scope: Pick<TenantScope, "tx" | "orgId">, id: string): Promise<OfferingProvider> {
  const row = await repo.findVisible(scope, id);
  if (!row) throw AppError.notFound("Offering");
  const profile = await repo.findProviderProfile(scope, row.orgId);
  const others = await repo.listOtherPublished(scope, row.orgId, row.id, OTHER_OFFERINGS_LIMIT);
  return { profile: toProviderProfile(row.orgId, row.providerName, profile), otherOfferings: others.map(toOffering) };
}

/** The certification filter's choices: what published offerings actually carry (the API filters on the exact text). */
export async function listCertifications(scope: Pick<TenantScope, "tx" | "orgId">): Promise<{ items: string[]; nextCursor: null }> {
  return { items: await repo.listCertifications(scope), nextCursor: null };
}
