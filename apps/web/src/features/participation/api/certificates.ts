import type { MyCertificateList } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { participationKeys } from "./query-keys";

export type MyCertificateItem = z.infer<typeof MyCertificateList>["items"][number];

/** The signed-in employee's certified (§20) courses and whether a participation certificate is available. */
export async function getMyCertificates(): Promise<MyCertificateItem[]> {
  const res = await apiRequest<z.infer<typeof MyCertificateList>>("/api/me/certificates");
  return res.items;
}

/** The certificate PDF of one course (only the employee's own, only when available). */
export function certificatePdfUrl(interventionId: string): string {
  return `/api/me/certificates/${encodeURIComponent(interventionId)}/pdf`;
}

export function useMyCertificates() {
  return useQuery({ queryKey: participationKeys.certificates(), queryFn: getMyCertificates, retry: false });
}
