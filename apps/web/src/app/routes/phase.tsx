import { PHASES, phaseByNumber } from "@bgm/domain";
import { Anchor, Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { errorMessage } from "../../components/ui/error-message";
import { LoadingState } from "../../components/ui/loading-state";
import { NotFound } from "../../components/ui/not-found";
import { PageHeader } from "../../components/ui/page-header";
import { CopsoqAnalysisPanel } from "../../features/analysis";
import { BuddyButton, PartnerSuggestions } from "../../features/marketplace";
import { InterventionProposals } from "../../features/planning";
import { GoalsTable, PartnerSuggestionsSlot, TaskChecklist, useProject, useSetCurrentPhase } from "../../features/project";
import { notify } from "../../lib/notify";
import { useLocalized } from "../../lib/use-localized";

export function PhaseRoute() {
  const { t } = useTranslation();
  const l = useLocalized();
  const params = useParams();
  const project = useProject();
  const setCurrent = useSetCurrentPhase();
  const phase = phaseByNumber(Number(params.number));

  if (!phase) return <NotFound body={t("phase.notFound")} />;
  if (project.isPending) return <LoadingState />;
  if (project.isError) return <ErrorAlert error={project.error} onRetry={() => void project.refetch()} />;
  const isCurrent = project.data.currentPhase === phase.number;
  const tasks = project.data.tasks.filter((task) => task.phase === phase.number);

  return (
    <Stack gap="xl">
      <Group component="nav" aria-label={t("nav.phases")} gap="xs">
        {PHASES.map((p) => (
          <Button
            key={p.number}
            component={Link}
            to={`/phases/${p.number}`}
            size="xs"
            variant={p.number === phase.number ? "filled" : "default"}
            aria-current={p.number === phase.number ? "page" : undefined}
          >
            {p.number}. {l(p.label)}
          </Button>
        ))}
      </Group>
      <div>
        <PageHeader
          title={t("phase.heading", { number: phase.number, name: l(phase.label) })}
          description={l(phase.description)}
          actions={
            <Group gap="sm">
              <BuddyButton />
              {isCurrent ? (
                <Badge color="blue" variant="filled" size="lg">
                  {t("phase.current")}
                </Badge>
              ) : (
                <Button
                  variant="default"
                  loading={setCurrent.isPending}
                  onClick={() =>
                    setCurrent.mutate(phase.number, {
                      onSuccess: () => notify({ color: "green", message: t("phase.setCurrentDone") }),
                      onError: (err) => notify({ color: "red", message: errorMessage(err, t) }),
                    })
                  }
                >
                  {t("phase.setCurrent")}
                </Button>
              )}
            </Group>
          }
        />
      </div>
      <section aria-labelledby="checklist-heading">
        <Title order={2} fz="h3" id="checklist-heading" mb="sm">
          {t("phase.checklist")}
        </Title>
        <TaskChecklist tasks={tasks} />
      </section>
      {phase.number === 1 ? (
        <section aria-labelledby="phase-goals-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} fz="h3" id="phase-goals-heading">
              {t("phase.goals")}
            </Title>
            <Anchor component={Link} to="/goals">
              {t("phase.allGoals")}
            </Anchor>
          </Group>
          <GoalsTable goals={project.data.goals} />
        </section>
      ) : null}
      {phase.number === 2 ? (
        <section aria-labelledby="phase-analysis-heading" data-testid="phase-analysis">
          <Title order={2} fz="h3" id="phase-analysis-heading">
            {t("analysis.title")}
          </Title>
          <Text mb="md">{t("analysis.intro")}</Text>
          <CopsoqAnalysisPanel />
        </section>
      ) : null}
      {phase.number === 3 ? (
        <section aria-labelledby="phase-planning-heading" data-testid="phase-planning">
          <Title order={2} fz="h3" id="phase-planning-heading">
            {t("planning.title")}
          </Title>
          <Text mb="md">{t("planning.intro")}</Text>
          <InterventionProposals />
        </section>
      ) : null}
      <PartnerSuggestionsSlot phase={phase.number}>
        <PartnerSuggestions phase={phase.number} />
      </PartnerSuggestionsSlot>
    </Stack>
  );
}
