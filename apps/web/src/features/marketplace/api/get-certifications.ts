import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../../lib/typed-api";
import { marketplaceKeys } from "./query-keys";

/** Always offered, even before any published offering carries them. */
const COMMON_CERTIFICATIONS = ["§20 SGB V", "§20b SGB V", "ZPP"];

/**
 * Certifications are free text chosen by the providers and discovery filters on the exact text, so
 * the filter offers what published offerings actually carry (the API lists them) plus the common ones.
 */
export async function getCertifications(): Promise<string[]> {
  const { items } = await unwrap(api.GET("/api/marketplace/certifications"));
  const all = new Set([...COMMON_CERTIFICATIONS, ...items]);
  return [...all].sort((a, b) => a.localeCompare(b, "de"));
}

export function useCertifications() {
  return useQuery({
    queryKey: marketplaceKeys.certifications(),
    queryFn: getCertifications,
    // The catalog changes rarely; no need to reload the list on every visit.
    staleTime: 5 * 60_000,
  });
}
