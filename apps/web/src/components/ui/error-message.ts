import { localizeIssue } from "@bgm/domain";
import type { TFunction } from "i18next";
import { ApiError, apiIssues } from "../../lib/api-client";
import { currentLanguage } from "../../lib/i18n";
import type { de } from "../../lib/i18n/de";

/**
 * Answers whose meaning the code (or status) says fully get a text in the UI language; the API's
 * own messages are English and written for developers. Anything more specific (a validation
 * problem, a conflict) keeps the server's words, with registry-named problems translated.
 */
type ErrorKey = `errors.${keyof typeof de.errors}`;

const BY_CODE: Record<string, ErrorKey> = {
  unauthenticated: "errors.unauthenticated",
  forbidden: "errors.forbidden",
  csrf_failed: "errors.csrf",
  not_found: "errors.notFound",
  rate_limited: "errors.rateLimited",
  payload_too_large: "errors.payloadTooLarge",
  unsupported_media_type: "errors.unsupportedMediaType",
  invalid_transition: "errors.invalidTransition",
  stale_version: "errors.staleVersion",
  quote_expired: "errors.quoteExpired",
  email_unverified: "errors.emailUnverified",
  uri_too_long: "errors.generic",
  invalid_json: "errors.generic",
  internal: "errors.server",
};

const BY_STATUS: Record<number, ErrorKey> = {
  401: "errors.unauthenticated",
  413: "errors.payloadTooLarge",
  429: "errors.rateLimited",
};

export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const key: ErrorKey | undefined = BY_CODE[error.code] ?? BY_STATUS[error.status] ?? (error.status >= 500 ? "errors.server" : undefined);
    if (key) return t(key);
    const issues = apiIssues(error);
    if (issues.length > 0) return issues.map((i) => localizeIssue(i, currentLanguage())).join(" ");
    return error.message || t("errors.generic");
  }
  if (error instanceof TypeError) return t("errors.network");
  return t("errors.generic");
}
