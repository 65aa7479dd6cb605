import type { DiscoveryQuery, Offering } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import * as repo from "./discovery.repository.js";
import { sanitizeSearch } from "./discovery.sql.js";
import { toOffering } from "./marketplace.mappers.js";

export async function searchOfferings(scope: TenantScope, query: DiscoveryQuery) {
  if (query.priceMin !== undefined && query.priceMax !== undefined && query.priceMin > query.priceMax) {
    throw new AppError("bad_request", "priceMin must not be greater than priceMax", { priceMin: query.priceMin, priceMax: query.priceMax });
  }
  const { rows, total } = await repo.listPublished(scope, { ...query, q: sanitizeSearch(query.q) });
  return { items: rows.map(toOffering), total, page: query.page, pageSize: query.pageSize };
}

/** A published offering, or one of the caller's own in any state; anything else does not exist for the caller. */
export async function getOffering(scope: Pick<TenantScope, "tx" | "orgId">, id: string): Promise<Offering> {
  const row = await repo.findVisible(scope, id);
  if (!row) throw AppError.notFound("Offering");
  return toOffering(row);
}
