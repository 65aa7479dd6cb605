import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadMore } from "../../components/ui/load-more";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { DisclosuresTable, useDisclosures } from "../../features/data-sharing";
import { loadedItems } from "../../lib/cursor-pages";

/** An employee's view of which partners received their data (Art. 15 DSGVO). */
export function MyDataRoute() {
  const { t } = useTranslation();
  const disclosures = useDisclosures();
  return (
    <Stack gap="lg">
      <PageHeader title={t("dataSharing.myData.title")} description={t("dataSharing.myData.description")} />
      {disclosures.isPending ? <LoadingState /> : null}
      {disclosures.isError ? <ErrorAlert error={disclosures.error} onRetry={() => void disclosures.refetch()} /> : null}
      {disclosures.data ? <DisclosuresTable items={loadedItems(disclosures.data)} /> : null}
      <LoadMore query={disclosures} />
    </Stack>
  );
}
