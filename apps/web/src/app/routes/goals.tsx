import { Button, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { GoalFormModal, GoalsTable, useGoals } from "../../features/project";

export function GoalsRoute() {
  const { t } = useTranslation();
  const goals = useGoals();
  const [creating, { open, close }] = useDisclosure();
  return (
    <Stack>
      <PageHeader title={t("goals.title")} description={t("goals.intro")} actions={<Button onClick={open}>{t("goals.new")}</Button>} />
      {goals.isPending ? <LoadingState /> : null}
      {goals.isError ? <ErrorAlert error={goals.error} onRetry={() => void goals.refetch()} /> : null}
      {goals.data ? <GoalsTable goals={goals.data} /> : null}
      <GoalFormModal opened={creating} onClose={close} />
    </Stack>
  );
}
