import type { Goal } from "@bgm/domain";
import { TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../../components/ui/date-field";
import { FormModal, ModalForm, notifyAndClose } from "../../../components/ui/form-modal";
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
    <FormModal opened={opened} onClose={onClose} title={goal ? t("goals.edit") : t("goals.new")}>
      {opened ? <GoalForm goal={goal} onDone={onClose} /> : null}
    </FormModal>
  );
}

function GoalForm({ goal, onDone }: { goal?: Goal; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateGoal();
  const update = useUpdateGoal();
  const [title, setTitle] = useState(goal?.title ?? "");
  const [target, setTarget] = useState(goal?.target ?? "");
  const [dueDate, setDueDate] = useState<string | null>(goal?.dueDate ?? null);

  function submit() {
    const input = { title: title.trim(), target: target.trim(), dueDate };
    const onSuccess = notifyAndClose(goal ? t("goals.saved") : t("goals.created"), onDone);
    if (goal) update.mutate({ id: goal.id, input }, { onSuccess });
    else create.mutate(input, { onSuccess });
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onDone}
      submitLabel={t("common.save")}
      pending={create.isPending || update.isPending}
      error={create.error ?? update.error}
      submitDisabled={!title.trim() || !target.trim()}
    >
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
    </ModalForm>
  );
}
