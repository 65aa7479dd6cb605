import { Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { ApiReferenceIntro, OutputTypeReference, useOutputTypes } from "../../features/results";

/** The partner-facing reference of result uploads: each output type's JSON Schema and an example. */
export function PartnerApiReferenceRoute() {
  const { t } = useTranslation();
  const types = useOutputTypes();
  const items = types.data?.items ?? [];
  // A small payload keeps the curl example readable; any type would do.
  const sample = items.find((x) => x.key === "participation_stats") ?? items[0];

  return (
    <Stack gap="lg">
      <PageHeader title={t("apiRef.title")} description={t("apiRef.description")} />
      <ApiReferenceIntro sample={sample} maxFileBytes={types.data?.maxFileBytes} />
      <Stack gap="md" component="section" aria-labelledby="types-heading">
        <Title order={2} fz="h3" id="types-heading">
          {t("apiRef.typesTitle")}
        </Title>
        {types.isPending ? <LoadingState /> : null}
        {types.isError ? <ErrorAlert title={t("apiRef.typesError")} error={types.error} onRetry={() => void types.refetch()} /> : null}
        {items.map((type) => (
          <OutputTypeReference key={type.key} type={type} />
        ))}
      </Stack>
    </Stack>
  );
}
