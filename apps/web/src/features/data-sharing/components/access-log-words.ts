import { ACCESS_DENIAL_REASONS, type AccessDenialReason, accessLogScopeLabel } from "@bgm/domain";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { type Language, languageOf } from "../../../lib/language";

/**
 * An access-log entry in words: the data asked for by its name in the scope registry (not `employee_list`),
 * and why a request was refused (not `no_grant`). Keys the registry does not know are quoted as asked for.
 */

function isDenialReason(code: string): code is AccessDenialReason {
  return (ACCESS_DENIAL_REASONS as readonly string[]).includes(code);
}

/** The data an entry asked for, by the registry's label; a key it does not know is named as unknown. */
export function accessScopeName(scopeKey: string, t: TFunction, lang: Language): string {
  const label = accessLogScopeLabel(scopeKey);
  return label ? label[lang] : t("dataSharing.page.unknownScope", { key: scopeKey });
}

/** Why a request was refused, in words; "–" for a served request (it has no reason). */
export function accessReasonText(reason: string | null, t: TFunction): string {
  if (reason === null || reason === "") return "–";
  return isDenialReason(reason) ? t(`dataSharing.page.reasons.${reason}`) : t("dataSharing.page.otherReason", { code: reason });
}

export function useAccessLogWords(): { scope: (scopeKey: string) => string; reason: (reason: string | null) => string } {
  const { t, i18n } = useTranslation();
  const lang = languageOf(i18n.language);
  return { scope: (key) => accessScopeName(key, t, lang), reason: (reason) => accessReasonText(reason, t) };
}
