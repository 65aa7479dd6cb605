import { Alert, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { OutboxList, useOutbox } from "../../features/dev";
import { isApiError } from "../../lib/api-client";

export function OutboxRoute() {
  const { t } = useTranslation();
  const outbox = useOutbox();
  return (
    <Stack>
      <PageHeader title={t("outbox.title")} description={t("outbox.intro")} />
      {outbox.isPending ? <LoadingState /> : null}
      {isApiError(outbox.error, 404) ? <Alert color="yellow">{t("outbox.unavailable")}</Alert> : null}
      {outbox.isError && !isApiError(outbox.error, 404) ? <ErrorAlert error={outbox.error} /> : null}
      {outbox.data ? <OutboxList mails={outbox.data} /> : null}
    </Stack>
  );
}
