import type { Goal } from "@bgm/domain";
import { Button, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../../lib/format";
import { GoalFormModal } from "./goal-form-modal";
import { GoalStatusSelect } from "./goal-status-select";

export function GoalsTable({ goals, editable = true }: { goals: Goal[]; editable?: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Goal | undefined>();
  if (goals.length === 0) return <Text>{t("goals.empty")}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("goals.titleField")}</Table.Th>
              <Table.Th>{t("goals.target")}</Table.Th>
              <Table.Th>{t("goals.dueDate")}</Table.Th>
              <Table.Th>{t("goals.status")}</Table.Th>
              {editable ? <Table.Th>{t("common.actions")}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {goals.map((goal) => (
              <Table.Tr key={goal.id}>
                <Table.Td>{goal.title}</Table.Td>
                <Table.Td>{goal.target}</Table.Td>
                <Table.Td>{goal.dueDate ? formatDate(goal.dueDate) : "–"}</Table.Td>
                <Table.Td>{editable ? <GoalStatusSelect goal={goal} /> : t(`goals.statuses.${goal.status}`)}</Table.Td>
                {editable ? (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t("goals.editNamed", { title: goal.title })}
                      onClick={() => setEditing(goal)}
                    >
                      {t("common.edit")}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <GoalFormModal opened={editing !== undefined} goal={editing} onClose={() => setEditing(undefined)} />
    </>
  );
}
