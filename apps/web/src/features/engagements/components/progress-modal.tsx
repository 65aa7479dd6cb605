import { NumberInput, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal, ModalForm, notifyAndClose } from "../../../components/ui/form-modal";
import { useReportProgress } from "../api/report-progress";
import type { EngagementDetail } from "../api/types";

interface ProgressModalProps {
  engagement: EngagementDetail;
  opened: boolean;
  onClose: () => void;
}

export function ProgressModal({ engagement, opened, onClose }: ProgressModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t("engagements.progressForm.title")}>
      {opened ? <ProgressForm engagement={engagement} onDone={onClose} /> : null}
    </FormModal>
  );
}

function ProgressForm({ engagement, onDone }: { engagement: EngagementDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const report = useReportProgress(engagement.id);
  const [percent, setPercent] = useState<string | number>(engagement.progressPercent ?? 0);
  const [message, setMessage] = useState("");
  const complete = typeof percent === "number" && message.trim() !== "";

  function submit() {
    if (typeof percent !== "number") return;
    report.mutate({ percent, message: message.trim() }, { onSuccess: notifyAndClose(t("engagements.progressForm.sent"), onDone) });
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onDone}
      submitLabel={t("engagements.progressForm.submit")}
      pending={report.isPending}
      error={report.error}
      submitDisabled={!complete}
    >
      <NumberInput
        label={t("engagements.progressForm.percent")}
        required
        min={0}
        max={100}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="strict"
        hideControls
        data-autofocus
        value={percent}
        onChange={setPercent}
      />
      <TextInput
        label={t("engagements.progressForm.message")}
        required
        maxLength={200}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
      />
    </ModalForm>
  );
}
