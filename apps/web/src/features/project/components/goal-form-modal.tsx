import type { Goal } from "@bgm/domain";
import { Alert, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../../components/ui/date-field";
import { errorMessage } from "../../../components/ui/error-message";
import { notify } from "../../../lib/notify";
import { useCreateGoal } from "../api/create-goal";
import { useUpdateGoal } from "../api/update-goal";

interface GoalFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Edit this goal; create a new one when absent. */
  goal?: Goal;
}

export function GoalFormModal({ opened, onClose, goal }: GoalFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={goal ? t("goals.edit") : t("goals.new")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened ? <GoalForm goal={goal} onDone={onClose} /> : null}
    </Modal>
  );
}

function GoalForm({ goal, onDone }: { goal?: Goal; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateGoal();
  const update = useUpdateGoal();
  const [title, setTitle] = useState(goal?.title ?? "");
  const [target, setTarget] = useState(goal?.target ?? "");
  const [dueDate, setDueDate] = useState<string | null>(goal?.dueDate ?? null);
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { title: title.trim(), target: target.trim(), dueDate };
    const onSuccess = () => {
      notify({ color: "green", message: goal ? t("goals.saved") : t("goals.created") });
      onDone();
    };
    if (goal) update.mutate({ id: goal.id, input }, { onSuccess });
    else create.mutate(input, { onSuccess });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error ? (
          <Alert color="red" role="alert">
            {errorMessage(error, t)}
          </Alert>
        ) : null}
        <TextInput
          label={t("goals.titleField")}
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          data-autofocus
        />
        <TextInput
          label={t("goals.target")}
          description={t("goals.targetHint")}
          required
          maxLength={200}
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
        />
        <DateField label={t("goals.dueDate")} value={dueDate} onChange={setDueDate} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={pending} disabled={!title.trim() || !target.trim()}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
