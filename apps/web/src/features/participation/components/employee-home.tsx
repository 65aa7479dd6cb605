import { Alert, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadMore } from "../../../components/ui/load-more";
import { LoadingState } from "../../../components/ui/loading-state";
import { PageHeader } from "../../../components/ui/page-header";
import { isApiError } from "../../../lib/api-client";
import { loadedItems } from "../../../lib/cursor-pages";
import { useMyParticipations, useOpenInterventions } from "../api/registration";
import { localizedError } from "../error-text";
import { MyCertificates } from "./my-certificates";
import { MyHistory } from "./my-history";
import { OpenInterventions } from "./open-interventions";

/**
 * The employee's start page: what is open to them, one click to register or cancel, and their own history.
 * `alsoOpen`: more to register for below the interventions (the health days), given by the route.
 */
export function EmployeeHome({ name, organizationName, alsoOpen }: { name: string; organizationName: string; alsoOpen?: ReactNode }) {
  const { t } = useTranslation();
  const open = useOpenInterventions();
  const history = useMyParticipations();
  // An account without a row in the employee register has no places to show (403 not_in_register).
  const notLinked = isApiError(open.error, 403);
  return (
    <Stack gap="xl">
      <PageHeader title={t("participation.home.title", { name })} description={t("participation.home.intro", { org: organizationName })} />
      <section aria-labelledby="open-interventions-heading">
        <Title order={2} fz="h3" id="open-interventions-heading" mb="sm">
          {t("participation.home.openTitle")}
        </Title>
        {open.isPending ? <LoadingState /> : null}
        {notLinked ? <Alert color="blue">{t("participation.home.notInRegister")}</Alert> : null}
        {open.isError && !notLinked ? <ErrorAlert error={localizedError(open.error, t)} onRetry={() => void open.refetch()} /> : null}
        {open.data ? <OpenInterventions items={open.data} /> : null}
      </section>
      {alsoOpen}
      <section aria-labelledby="my-history-heading">
        <Title order={2} fz="h3" id="my-history-heading" mb="sm">
          {t("participation.home.historyTitle")}
        </Title>
        {history.isPending ? <LoadingState /> : null}
        {history.isError && !notLinked ? (
          <ErrorAlert error={localizedError(history.error, t)} onRetry={() => void history.refetch()} />
        ) : null}
        {history.data ? <MyHistory items={loadedItems(history.data)} /> : null}
        <LoadMore query={history} />
      </section>
      {notLinked ? null : <MyCertificates />}
    </Stack>
  );
}
