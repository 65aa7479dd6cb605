import { Alert, Button, Modal } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import type { EngagementDetail } from "../../engagements";
import { useOffering } from "../../marketplace";
import { useOutputTypes } from "../api/get-output-types";
import { UploadResultForm } from "./upload-result-form";

/**
 * Shown to the partner while the engagement is in progress and its offering declares output types:
 * the API accepts nothing else, so the dialog offers nothing else.
 */
export function UploadResultButton({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const inProgress = engagement.status === "in_progress";
  const offering = useOffering(engagement.offeringId);
  const outputTypes = useOutputTypes();
  if (!inProgress || !offering.data) return null;
  const declared = offering.data.outputDataTypes;
  if (declared.length === 0) {
    return (
      <Alert color="gray" p="xs">
        {t("results.upload.noDeclaredTypes")}
      </Alert>
    );
  }
  const types = (outputTypes.data?.items ?? []).filter((x) => declared.includes(x.key));

  return (
    <>
      <Button onClick={open}>{t("results.upload.button")}</Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t("results.upload.title")}
        size="xl"
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {outputTypes.isPending ? <LoadingState /> : null}
        {outputTypes.isError ? <ErrorAlert error={outputTypes.error} onRetry={() => void outputTypes.refetch()} /> : null}
        {opened && outputTypes.data ? (
          <UploadResultForm engagementId={engagement.id} types={types} maxFileBytes={outputTypes.data.maxFileBytes} onDone={close} />
        ) : null}
      </Modal>
    </>
  );
}
