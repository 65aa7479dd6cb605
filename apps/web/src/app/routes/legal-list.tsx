import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { RequirementsList, useLegalRequirements } from "../../features/legal";

export function LegalListRoute() {
  const { t } = useTranslation();
  const requirements = useLegalRequirements();
  return (
    <Stack>
      <PageHeader title={t("legal.title")} description={t("legal.intro")} />
      {requirements.isPending ? <LoadingState /> : null}
      {requirements.isError ? <ErrorAlert error={requirements.error} onRetry={() => void requirements.refetch()} /> : null}
      {requirements.data ? <RequirementsList requirements={requirements.data} /> : null}
    </Stack>
  );
}
