import { Alert, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { notify } from "../../../lib/notify";
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
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("results.requestChangesNamed", { type: t(`offering.outputTypes.${result.outputType}`), version: result.version })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened ? <RequestChangesForm result={result} onDone={onClose} /> : null}
    </Modal>
  );
}

function RequestChangesForm({ result, onDone }: { result: PartnerResultItem; onDone: () => void }) {
  const { t } = useTranslation();
  const decide = useDecideResult(result.engagementId);
  const [reason, setReason] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    decide.mutate(
      { resultId: result.id, decision: "request_changes", reason: reason.trim() },
      {
        onSuccess: () => {
          notify({ color: "green", message: t("results.changesRequestedToast") });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {result.status === "accepted" ? (
          <Alert color="orange">{t("results.requestChangesLanded", { place: t(`offering.integrationPoints.${result.landsIn}`) })}</Alert>
        ) : (
          <Text size="sm">{t("results.requestChangesIntro")}</Text>
        )}
        {decide.error ? (
          <Alert color="red" role="alert">
            {errorMessage(decide.error, t)}
          </Alert>
        ) : null}
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" color="orange" loading={decide.isPending} disabled={!reason.trim()}>
            {t("results.requestChanges")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
