import type { TFunction } from "i18next";
import { ApiError } from "../../lib/api-client";

/** The server's message is already meant for people; fall back to a translated generic text. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 413) return t("errors.payloadTooLarge");
    return error.message || t("errors.generic");
  }
  if (error instanceof TypeError) return t("errors.network");
  return t("errors.generic");
}
