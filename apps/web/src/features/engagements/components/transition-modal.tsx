import { type EngagementAction, findTransition } from "@bgm/domain";
import { Alert, Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { notify } from "../../../lib/notify";
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
    <Modal
      opened={action !== null}
      onClose={onClose}
      title={action ? t(`engagements.actions.${action}`) : ""}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {action ? <TransitionForm key={action} engagement={engagement} action={action} onDone={onClose} /> : null}
    </Modal>
  );
}

function TransitionForm({ engagement, action, onDone }: { engagement: EngagementDetail; action: EngagementAction; onDone: () => void }) {
  const { t } = useTranslation();
  const transition = useTransition(engagement.id);
  const [message, setMessage] = useState("");
  const needsMessage = findTransition(action)?.needsMessage === true;
  const danger = action === "cancel" || action === "decline" || action === "reject_quote";

  function submit(event: FormEvent) {
    event.preventDefault();
    transition.mutate(
      { action, message: message.trim(), expectedVersion: engagement.version },
      {
        onSuccess: () => {
          notify({ color: "green", message: t("engagements.actionDone", { action: t(`engagements.actions.${action}`) }) });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {transition.error ? (
          <Alert color="red" role="alert">
            {errorMessage(transition.error, t)}
          </Alert>
        ) : null}
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button
            type="submit"
            color={danger ? "red" : undefined}
            loading={transition.isPending}
            disabled={needsMessage && !message.trim()}
          >
            {t(`engagements.actions.${action}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
