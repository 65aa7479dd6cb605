import { Stack, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ui/error-alert";
import { PageHeader } from "../../components/ui/page-header";
import { useMe } from "../../features/auth";
import { KpiCards, PhaseOverview, useProject } from "../../features/project";

export function DashboardRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  const project = useProject();
  return (
    <Stack gap="xl">
      <PageHeader title={t("dashboard.title")} description={me?.active?.organizationName} />
      <section aria-labelledby="kpi-heading">
        <Title order={2} fz="h3" id="kpi-heading" mb="sm">
          {t("dashboard.kpis")}
        </Title>
        <KpiCards />
      </section>
      <section aria-labelledby="phases-heading">
        <Title order={2} fz="h3" id="phases-heading" mb="sm">
          {t("dashboard.phases")}
        </Title>
        {project.isError ? (
          <ErrorAlert error={project.error} onRetry={() => void project.refetch()} />
        ) : (
          // While loading, the six cards are already there with placeholders: the page does not shift when the
          // project arrives.
          <>
            {project.isPending ? <VisuallyHidden role="status">{t("common.loading")}</VisuallyHidden> : null}
            <PhaseOverview project={project.data} />
          </>
        )}
      </section>
    </Stack>
  );
}
