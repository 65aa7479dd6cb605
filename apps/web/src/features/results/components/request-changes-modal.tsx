import { Alert, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal, ModalForm, notifyAndClose } from "../../../components/ui/form-modal";
import { useDecideResult } from "../api/decide-result";
import type { PartnerResultItem } from "../api/types";

interface RequestChangesModalProps {
  result: PartnerResultItem;
  opened: boolean;
  onClose: () => void;
}

export function RequestChangesModal({ result, opened, onClose }: RequestChangesModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t("results.requestChangesNamed", { type: t(`offering.outputTypes.${result.outputType}`), version: result.version })}
    >
      {opened ? <RequestChangesForm result={result} onDone={onClose} /> : null}
    </FormModal>
  );
}

function RequestChangesForm({ result, onDone }: { result: PartnerResultItem; onDone: () => void }) {
  const { t } = useTranslation();
  const decide = useDecideResult(result.engagementId);
  const [reason, setReason] = useState("");

  function submit() {
    decide.mutate(
      { resultId: result.id, decision: "request_changes", reason: reason.trim() },
      { onSuccess: notifyAndClose(t("results.changesRequestedToast"), onDone) },
    );
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onDone}
      submitLabel={t(result.status === "accepted" ? "results.requestChangesWithdraw" : "results.requestChanges")}
      submitColor="orange"
      pending={decide.isPending}
      error={decide.error}
      submitDisabled={!reason.trim()}
      intro={
        result.status === "accepted" ? (
          <Alert color="orange">{t("results.requestChangesLanded", { place: t(`offering.integrationPoints.${result.landsIn}`) })}</Alert>
        ) : (
          <Text size="sm">{t("results.requestChangesIntro")}</Text>
        )
      }
    >
      <Textarea
        label={t("results.reason")}
        required
        autosize
        minRows={3}
        maxLength={5000}
        data-autofocus
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
    </ModalForm>
  );
}
