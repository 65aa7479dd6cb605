import type { Task, TaskStatus } from "@bgm/domain";
import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateField } from "../../../components/ui/date-field";
import { errorMessage } from "../../../components/ui/error-message";
import { loadedItems } from "../../../lib/cursor-pages";
import { formatDateTime } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useMembers } from "../../organizations";
import type { UpdateTaskInput } from "../api/types";
import { useUpdateTask } from "../api/update-task";
import { TaskStatusBadge } from "./task-status-badge";

const STATUSES: TaskStatus[] = ["open", "in_progress", "done"];

/** Status, owner, due date and notes of a task; saved together with one PATCH. */
export function TaskForm({ task }: { task: Task }) {
  const { t } = useTranslation();
  const members = useMembers();
  const update = useUpdateTask(task.key);
  const [status, setStatus] = useState<TaskStatus>(task.status);
  const [ownerUserId, setOwnerUserId] = useState(task.ownerUserId ?? "");
  const [dueDate, setDueDate] = useState<string | null>(task.dueDate);
  const [notes, setNotes] = useState(task.notes);
  const ledger = task.followsLegalRequirement;
  const completed = task.completedAt ? t("task.completedAt", { date: formatDateTime(task.completedAt) }) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    // A task that follows a legal requirement gets its status from the ledger; the form does not send one.
    const input: UpdateTaskInput = { ...(ledger ? {} : { status }), ownerUserId: ownerUserId || null, dueDate, notes };
    update.mutate(input, { onSuccess: () => notify({ color: "green", message: t("task.saved") }) });
  }

  const ownerOptions = [
    { value: "", label: t("task.noOwner") },
    ...loadedItems(members.data).map((m) => ({ value: m.userId, label: m.name })),
  ];
  // The current owner stays selectable even before the member list has loaded.
  if (task.ownerUserId && !ownerOptions.some((o) => o.value === task.ownerUserId)) {
    ownerOptions.push({ value: task.ownerUserId, label: task.ownerName ?? task.ownerUserId });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={560}>
        {update.error ? (
          <Alert color="red" role="alert">
            {errorMessage(update.error, t)}
          </Alert>
        ) : null}
        {ledger ? (
          // The status follows the legal ledger: shown once, read-only, with the way to where it is decided.
          <Stack gap={4} data-testid="task-follows-ledger">
            <Group gap="sm">
              <Text fw={500} size="sm">
                {t("task.status")}
              </Text>
              <TaskStatusBadge status={task.status} />
              {completed ? <Text size="sm">{completed}</Text> : null}
            </Group>
            <Text size="sm">
              {t("task.followsLedger")}{" "}
              <Anchor component={Link} to={`/legal/${encodeURIComponent(ledger)}`} size="sm" underline="always">
                {t("task.toLedger")}
              </Anchor>
            </Text>
          </Stack>
        ) : (
          <NativeSelect
            label={t("task.status")}
            description={completed}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as TaskStatus)}
            data={STATUSES.map((s) => ({ value: s, label: t(`task.statuses.${s}`) }))}
          />
        )}
        <NativeSelect
          label={t("task.owner")}
          value={ownerUserId}
          onChange={(e) => setOwnerUserId(e.currentTarget.value)}
          data={ownerOptions}
        />
        <DateField label={t("task.dueDate")} value={dueDate} onChange={setDueDate} />
        <Textarea
          label={t("task.notes")}
          autosize
          minRows={3}
          maxLength={5000}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t("task.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
