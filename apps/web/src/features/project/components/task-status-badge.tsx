import type { TaskStatus } from "@bgm/domain";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const COLORS: Record<TaskStatus, string> = { open: "gray", in_progress: "blue", done: "green" };

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`task.statuses.${status}`)}
    </Badge>
  );
}
