import { Alert, Button, Group, Modal, NumberInput, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { notify } from "../../../lib/notify";
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
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("engagements.progressForm.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened ? <ProgressForm engagement={engagement} onDone={onClose} /> : null}
    </Modal>
  );
}

function ProgressForm({ engagement, onDone }: { engagement: EngagementDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const report = useReportProgress(engagement.id);
  const [percent, setPercent] = useState<string | number>(engagement.progressPercent ?? 0);
  const [message, setMessage] = useState("");
  const complete = typeof percent === "number" && message.trim() !== "";

  function submit(event: FormEvent) {
    event.preventDefault();
    if (typeof percent !== "number") return;
    report.mutate(
      { percent, message: message.trim() },
      {
        onSuccess: () => {
          notify({ color: "green", message: t("engagements.progressForm.sent") });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {report.error ? (
          <Alert color="red" role="alert">
            {errorMessage(report.error, t)}
          </Alert>
        ) : null}
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={report.isPending} disabled={!complete}>
            {t("engagements.progressForm.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
