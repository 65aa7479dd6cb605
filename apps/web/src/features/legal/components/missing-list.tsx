import { Alert, List } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** What a labour inspector would still ask for — the first thing a manager should see. */
export function MissingList({ missing }: { missing: string[] }) {
  const { t } = useTranslation();
  if (missing.length === 0) {
    return (
      <Alert color="green" title={t("legal.missingTitle")} data-testid="legal-missing">
        {t("legal.missingNone")}
      </Alert>
    );
  }
  return (
    <Alert color="orange" variant="light" title={t("legal.missingTitle")} data-testid="legal-missing">
      <List size="sm" spacing={4}>
        {missing.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
