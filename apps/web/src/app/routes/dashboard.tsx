import { Button, Stack, Title, VisuallyHidden } from "@mantine/core";
import { memo, useDeferredValue } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { PageHeader } from "../../components/ui/page-header";
import { useMe } from "../../features/auth";
import { KpiCards, PhaseOverview, TodoList, useKpis, useProject, useTodos } from "../../features/project";

// Each section reads its own query. This page also follows three of them (to hold back the sections below
// until those above have their height), and a query's answer re-renders at once, in one blocking task, all
// it renders: memo keeps that to the page itself, not the cards again (issue 14: blocking time on phones).
const Todos = memo(TodoList);
const Kpis = memo(KpiCards);
const Phases = memo(PhaseOverview);

export function DashboardRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  const project = useProject();
  // The six phase cards fill in with a background render React can interrupt, as the KPI cards (kpi-cards.tsx).
  const projectData = useDeferredValue(project.data);
  // How many KPI cards there are, and how tall (trends, sources), is only known with the data: the phases
  // below appear once the cards are there, so the cards never push them down (CLS, issue 14). Both requests
  // run at once; the KPI section holds a skeleton meanwhile.
  // The cards themselves wait for their deferred copy of the data (kpi-cards.tsx): so does this, so the phases
  // appear in the same render as the cards, not one render before them.
  const kpis = useKpis();
  const kpisDrawn = useDeferredValue(kpis.data);
  const kpisLoading = kpis.isPending || (kpis.data !== undefined && kpisDrawn === undefined);
  // The to-do list sits on top and its length is only known with the data: the sections below wait for it.
  const todosLoading = useTodos().isPending;
  // Those sections are hidden until then, and their skeletons and placeholder cards were most of the page's first
  // render: they are drawn in a background render right after the first paint (issue 14: they delayed the
  // heading on top, the page's largest text, on phones), and stay hidden until drawn.
  const belowDrawn = useDeferredValue(true, false);
  return (
    <Stack gap="xl">
      <PageHeader
        title={t("dashboard.title")}
        description={me?.active?.organizationName}
        actions={
          // The partner buddy opens in the marketplace: its panel and cards stay out of the dashboard's first load.
          <Button component={Link} to="/marketplace?buddy=1" variant="light" data-testid="buddy-open">
            {t("buddy.open")}
          </Button>
        }
      />
      <section aria-labelledby="todos-heading">
        <Title order={2} fz="h3" id="todos-heading" mb="sm">
          {t("dashboard.todosHeading")}
        </Title>
        <Todos />
      </section>
      <section aria-labelledby="kpi-heading" hidden={todosLoading || !belowDrawn}>
        <Title order={2} fz="h3" id="kpi-heading" mb="sm">
          {t("dashboard.kpis")}
        </Title>
        {belowDrawn ? <Kpis /> : null}
      </section>
      <section aria-labelledby="phases-heading" hidden={kpisLoading || todosLoading || !belowDrawn}>
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
            {belowDrawn ? <Phases project={projectData} /> : null}
          </>
        )}
      </section>
    </Stack>
  );
}
