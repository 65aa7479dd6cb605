import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormModal, ModalForm, notifyAndClose } from "../../../components/ui/form-modal";
import { useDecideResult } from "../api/decide-result";
import type { PartnerResultItem } from "../api/types";

interface AcceptResultModalProps {
  result: PartnerResultItem;
  opened: boolean;
  onClose: () => void;
}

/**
 * Accepting is not just a status: the result lands in the company's workspace at once (a checklist task
 * done, legal steps ticked), so the manager sees where before confirming.
 */
export function AcceptResultModal({ result, opened, onClose }: AcceptResultModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t("results.acceptTitle", { type: t(`offering.outputTypes.${result.outputType}`), version: result.version })}
    >
      {opened ? <AcceptResultForm result={result} onDone={onClose} /> : null}
    </FormModal>
  );
}

function AcceptResultForm({ result, onDone }: { result: PartnerResultItem; onDone: () => void }) {
  const { t } = useTranslation();
  const decide = useDecideResult(result.engagementId);

  function submit() {
    decide.mutate(
      { resultId: result.id, decision: "accept", reason: "" },
      { onSuccess: notifyAndClose(t("results.acceptedToast"), onDone) },
    );
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onDone}
      submitLabel={t("results.accept")}
      pending={decide.isPending}
      error={decide.error}
      autoFocusSubmit
    >
      <Stack gap="xs">
        <Text fw={600}>{t("results.acceptLandsIn", { place: t(`offering.integrationPoints.${result.landsIn}`) })}</Text>
        <Text size="sm">{t(`results.acceptEffects.${result.landsIn}`)}</Text>
        <Text size="sm" c="dimmed">
          {t("results.acceptUndoHint")}
        </Text>
      </Stack>
    </ModalForm>
  );
}
