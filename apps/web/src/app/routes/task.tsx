import { taskTemplate } from "@bgm/domain";
import { Anchor, Divider, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { NotFound } from "../../components/ui/not-found";
import { PageHeader } from "../../components/ui/page-header";
import { PartnerSuggestions } from "../../features/marketplace/components/partner-suggestions";
import { useProject } from "../../features/project/api/get-project";
import { PartnerSuggestionsSlot } from "../../features/project/components/partner-suggestions-slot";
import { TaskForm } from "../../features/project/components/task-form";
import { WorksCouncilSection } from "../../features/project/components/works-council-section";
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

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/phases/${task.phase}`} size="sm">
          ← {t("task.toPhase", { number: task.phase })}
        </Anchor>
        <PageHeader title={template ? l(template.label) : task.key} description={template ? l(template.description) : undefined} />
      </div>
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
