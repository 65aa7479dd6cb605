import { type EngagementAction, findTransition } from "@bgm/domain";
import { Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal, ModalForm, notifyAndClose } from "../../../components/ui/form-modal";
import { useTransition } from "../api/transition";
import type { EngagementDetail } from "../api/types";

interface TransitionModalProps {
  engagement: EngagementDetail;
  action: EngagementAction | null;
  onClose: () => void;
}

/** Confirms one move of the state machine; the message is required where the registry says so. */
export function TransitionModal({ engagement, action, onClose }: TransitionModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={action !== null} onClose={onClose} title={action ? t(`engagements.actions.${action}`) : ""}>
      {action ? <TransitionForm key={action} engagement={engagement} action={action} onDone={onClose} /> : null}
    </FormModal>
  );
}

function TransitionForm({ engagement, action, onDone }: { engagement: EngagementDetail; action: EngagementAction; onDone: () => void }) {
  const { t } = useTranslation();
  const transition = useTransition(engagement.id);
  const [message, setMessage] = useState("");
  const needsMessage = findTransition(action)?.needsMessage === true;
  const danger = action === "cancel" || action === "decline" || action === "reject_quote";

  function submit() {
    transition.mutate(
      { action, message: message.trim(), expectedVersion: engagement.version },
      // A message per action in the past tense ("Angebot angenommen"), not the button's label.
      { onSuccess: notifyAndClose(t(`engagements.actionDone.${action}`), onDone) },
    );
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onDone}
      submitLabel={t(`engagements.actions.${action}`)}
      submitColor={danger ? "red" : undefined}
      pending={transition.isPending}
      error={transition.error}
      submitDisabled={needsMessage && !message.trim()}
    >
      <Textarea
        label={needsMessage ? t("engagements.messageRequired") : t("engagements.messageOptional")}
        required={needsMessage}
        autosize
        minRows={3}
        maxLength={5000}
        data-autofocus
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
      />
    </ModalForm>
  );
}
