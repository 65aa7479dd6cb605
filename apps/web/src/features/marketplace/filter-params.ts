import type { FilterValues } from "./api/types";

/** No filter set: the whole catalogue. */
export const EMPTY_FILTERS: FilterValues = {
  q: "",
  category: "",
  certification: "",
  deliveryMode: "",
  priceMin: null,
  priceMax: null,
  phase: "",
  region: "",
};

/**
 * The marketplace search lives in the URL query, so Back from an offering, a reload or a shared
 * link shows the same results. Empty filters and the first page stay out of the URL to keep it short;
 * a later page is the API's opaque cursor.
 */
const TEXT_KEYS = ["q", "category", "certification", "deliveryMode", "phase", "region"] as const;
const EURO_KEYS = ["priceMin", "priceMax"] as const;

function wholeNumber(value: string | null): number | null {
  if (value === null || value.trim() === "") return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

export function searchFromParams(params: URLSearchParams): { filters: FilterValues; cursor: string | undefined } {
  const filters: FilterValues = { ...EMPTY_FILTERS };
  for (const key of TEXT_KEYS) filters[key] = params.get(key) ?? "";
  for (const key of EURO_KEYS) filters[key] = wholeNumber(params.get(key));
  return { filters, cursor: params.get("cursor") || undefined };
}

/** "recommended": ranked by the partner matching (managers); "default": relevance with a search text, else title. */
export type MarketplaceSort = "recommended" | "default";

/** The sort a link or the URL names; null when it names none (the page then picks the role's default). */
export function sortFromParams(params: URLSearchParams): MarketplaceSort | null {
  const sort = params.get("sort");
  return sort === "recommended" || sort === "default" ? sort : null;
}

export function searchToParams(filters: FilterValues, cursor: string | undefined, sort: MarketplaceSort | null = null): URLSearchParams {
  const params = new URLSearchParams();
  if (sort) params.set("sort", sort);
  for (const key of TEXT_KEYS) if (filters[key] !== "") params.set(key, filters[key]);
  for (const key of EURO_KEYS) {
    const value = filters[key];
    if (value !== null) params.set(key, String(value));
  }
  if (cursor) params.set("cursor", cursor);
  return params;
}
