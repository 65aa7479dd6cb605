import { taskTemplate } from "@bgm/domain";
import { Anchor, Card, Divider, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { NotFound } from "../../components/ui/not-found";
import { PageHeader } from "../../components/ui/page-header";
import { ResultSourceNote } from "../../components/ui/result-source-note";
import { PartnerSuggestions } from "../../features/marketplace";
import { PartnerSuggestionsSlot, TaskForm, useProject, WorksCouncilSection } from "../../features/project";
import { useLocalized } from "../../lib/use-localized";

export function TaskRoute() {
  const { t } = useTranslation();
  const l = useLocalized();
  const { key = "" } = useParams();
  const project = useProject();
  if (project.isPending) return <LoadingState />;
  if (project.isError) return <ErrorAlert error={project.error} onRetry={() => void project.refetch()} />;
  const task = project.data.tasks.find((candidate) => candidate.key === key);
  if (!task) return <NotFound body={t("task.notFound")} />;
  const template = taskTemplate(task.key);
  const results = task.results;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/phases/${task.phase}`} size="sm">
          ← {t("task.toPhase", { number: task.phase })}
        </Anchor>
        <PageHeader title={template ? l(template.label) : task.key} description={template ? l(template.description) : undefined} />
      </div>
      {results.length > 0 ? (
        <section aria-labelledby="task-results-heading" data-testid="task-results">
          <Title order={2} fz="h4" id="task-results-heading" mb="sm">
            {t("taskResults.title")}
          </Title>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {results.map((result) => (
              <Card component="li" key={`${result.source.resultId}-${result.label}`} withBorder padding="sm">
                <Text fw={600}>{t("taskResults.doneBy", { label: result.label })}</Text>
                <ResultSourceNote source={result.source} />
              </Card>
            ))}
          </Stack>
        </section>
      ) : null}
      {/* Remount after each save so the form shows what the server stored. */}
      <TaskForm key={task.updatedAt} task={task} />
      {task.kind === "works_council_agreement" ? (
        <>
          <Divider />
          <WorksCouncilSection key={`wc-${task.updatedAt}`} task={task} />
        </>
      ) : null}
      <PartnerSuggestionsSlot phase={task.phase} taskKey={task.key}>
        <PartnerSuggestions phase={task.phase} taskKey={task.key} />
      </PartnerSuggestionsSlot>
    </Stack>
  );
}
