import { dataScope, type EngagementAction, findTransition } from "@bgm/domain";
import { Alert, List, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal, ModalForm, notifyAndClose } from "../../../components/ui/form-modal";
import { formatDate } from "../../../lib/format";
import { formatEuro } from "../../../lib/money";
import { useLocalized } from "../../../lib/use-localized";
import { useTransition } from "../api/transition";
import type { EngagementDetail } from "../api/types";
import { actionLabelKey } from "./action-labels";

interface TransitionModalProps {
  engagement: EngagementDetail;
  action: EngagementAction | null;
  onClose: () => void;
}

/** Confirms one move of the state machine; the message is required where the registry says so. */
export function TransitionModal({ engagement, action, onClose }: TransitionModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={action !== null}
      onClose={onClose}
      size={action === "accept_quote" ? "lg" : undefined}
      title={action ? t(`engagements.actions.${actionLabelKey(action, engagement.status)}`) : ""}
    >
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
  const label = actionLabelKey(action, engagement.status);

  function submit() {
    transition.mutate(
      { action, message: message.trim(), expectedVersion: engagement.version },
      // A message per action in the past tense ("Angebot angenommen"), not the button's label.
      { onSuccess: notifyAndClose(t(`engagements.actionDone.${label}`), onDone) },
    );
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onDone}
      submitLabel={t(`engagements.actions.${label}`)}
      submitColor={danger ? "red" : undefined}
      pending={transition.isPending}
      error={transition.error}
      submitDisabled={needsMessage && !message.trim()}
    >
      {action === "accept_quote" ? <AcceptRecap engagement={engagement} /> : null}
      {label === "withdraw_request" ? <Text>{t("engagements.withdrawHint", { provider: engagement.providerName })}</Text> : null}
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

/** What accepting means, before the manager confirms: the quote's terms and what comes next. */
function AcceptRecap({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const quote = engagement.quotes.find((q) => q.status === "open");
  const scopes = engagement.requestedDataScopes.map((key) => {
    const def = dataScope(key);
    return def ? l(def.label) : key;
  });
  return (
    <Stack gap="xs" data-testid="accept-recap">
      <Text>{t("engagements.acceptRecap.intro", { provider: engagement.providerName, offering: engagement.offeringTitle })}</Text>
      {quote ? (
        <List spacing={4}>
          <List.Item>{t("engagements.acceptRecap.price", { price: formatEuro(quote.priceCents) })}</List.Item>
          <List.Item>{t("engagements.acceptRecap.validUntil", { date: formatDate(quote.validUntil) })}</List.Item>
          <List.Item>
            {t("engagements.acceptRecap.scope")}{" "}
            <Text span style={{ whiteSpace: "pre-wrap" }}>
              {quote.scopeOfWork}
            </Text>
          </List.Item>
        </List>
      ) : null}
      <Text>{t("engagements.acceptRecap.binding", { provider: engagement.providerName })}</Text>
      {scopes.length > 0 ? (
        <Alert color="blue" title={t("engagements.acceptRecap.dataTitle")}>
          <Text size="sm">{t("engagements.acceptRecap.dataBody", { provider: engagement.providerName })}</Text>
          <List size="sm" mt={4}>
            {scopes.map((s) => (
              <List.Item key={s}>{s}</List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Text size="sm">{t("engagements.acceptRecap.noData")}</Text>
      )}
    </Stack>
  );
}
