import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/ui/page-header";
import { ProactiveSuggestionsPanel } from "../../features/proactive-suggestions";

/** Where the "Partner passen zu Ihren neuen Schwerpunkten" notification leads. */
export function PartnerSuggestionsRoute() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t("proactive.title")} description={t("proactive.intro")} />
      <ProactiveSuggestionsPanel />
    </Stack>
  );
}
