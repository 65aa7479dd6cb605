import { GBU_STEPS, type LegalRequirement } from "@bgm/domain";
import { Alert, List } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { type LocalizedText, useLocalized } from "../../../lib/use-localized";

const MISSING_KEYS = [
  "step_not_done",
  "assessment_date_missing",
  "no_measures",
  "measure_missing_owner_or_due_date",
  "measure_not_carried_out",
  "measure_without_proof",
  "effectiveness_check_missing",
  "effectiveness_check_before_last_measure",
] as const;
type MissingKey = (typeof MISSING_KEYS)[number];

/**
 * The API names each gap as `code` or `code:subject` (a step key or a measure id); turn it into a
 * sentence. Unknown codes are shown verbatim rather than hidden: a gap must never disappear.
 */
function describe(item: string, requirement: LegalRequirement, t: TFunction, l: (text: LocalizedText) => string): string {
  const [code = "", subject = ""] = item.split(/:(.*)/s);
  if (!(MISSING_KEYS as readonly string[]).includes(code)) return item;
  const step = GBU_STEPS.find((s) => s.key === subject);
  const measure = requirement.measures.find((m) => m.id === subject);
  const name = step ? l(step.label) : (measure?.title ?? subject);
  return t(`legal.missingItems.${code as MissingKey}`, { name });
}

/** What a labour inspector would still ask for — the first thing a manager should see. */
export function MissingList({ requirement }: { requirement: LegalRequirement }) {
  const { t } = useTranslation();
  const l = useLocalized();
  if (requirement.missing.length === 0) {
    return (
      <Alert color="green" title={t("legal.missingTitle")} data-testid="legal-missing">
        {t("legal.missingNone")}
      </Alert>
    );
  }
  return (
    <Alert color="orange" variant="light" title={t("legal.missingTitle")} data-testid="legal-missing">
      <List size="sm" spacing={4}>
        {requirement.missing.map((item) => (
          <List.Item key={item}>{describe(item, requirement, t, l)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
