import { TASK_TEMPLATES, type Task } from "@bgm/domain";
import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../../lib/format";
import { useLocalized } from "../../../lib/use-localized";
import { TaskStatusBadge } from "./task-status-badge";

function templateOrder(key: string): number {
  const index = TASK_TEMPLATES.findIndex((t) => t.key === key);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

export function TaskChecklist({ tasks }: { tasks: Task[] }) {
  const { t } = useTranslation();
  const l = useLocalized();
  if (tasks.length === 0) return <Text>{t("phase.noTasks")}</Text>;
  const sorted = [...tasks].sort((a, b) => templateOrder(a.key) - templateOrder(b.key));
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("phase.task")}</Table.Th>
            <Table.Th>{t("task.status")}</Table.Th>
            <Table.Th>{t("task.owner")}</Table.Th>
            <Table.Th>{t("task.dueDate")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((task) => {
            const template = TASK_TEMPLATES.find((tpl) => tpl.key === task.key);
            return (
              <Table.Tr key={task.id} data-testid={`task-row-${task.key}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/tasks/${task.key}`}>
                    {template ? l(template.label) : task.key}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <TaskStatusBadge status={task.status} />
                </Table.Td>
                <Table.Td>{task.ownerName ?? "–"}</Table.Td>
                <Table.Td>{task.dueDate ? formatDate(task.dueDate) : "–"}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
