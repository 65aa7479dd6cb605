import { Button, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadMore } from "../../components/ui/load-more";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { ApiKeysTable, CreateApiKeyModal, useApiKeys } from "../../features/data-sharing";
import { loadedItems } from "../../lib/cursor-pages";

/** The partner_admin's API keys for machine access to granted data. */
export function ApiKeysRoute() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("dataSharing.apiKeys.title")}
        description={t("dataSharing.apiKeys.description")}
        actions={<Button onClick={() => setCreating(true)}>{t("dataSharing.apiKeys.create")}</Button>}
      />
      {keys.isPending ? <LoadingState /> : null}
      {keys.isError ? <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} /> : null}
      {keys.data ? <ApiKeysTable items={loadedItems(keys.data)} /> : null}
      <LoadMore query={keys} />
      <CreateApiKeyModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
