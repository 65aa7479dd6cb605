import type { Task } from "@bgm/domain";
import { Alert, Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../../components/ui/date-field";
import { errorMessage } from "../../../components/ui/error-message";
import { FileField } from "../../../components/ui/file-field";
import { fileUrl } from "../../../lib/api-client";
import { notify } from "../../../lib/notify";
import { useUpdateTask } from "../api/update-task";
import { useUploadTaskDocument } from "../api/upload-task-document";

function detailString(task: Task, field: string): string | null {
  const value = task.details[field];
  return typeof value === "string" && value ? value : null;
}

/** The works council agreement needs a date and the signed document before insurers fund the process. */
export function WorksCouncilSection({ task }: { task: Task }) {
  const { t } = useTranslation();
  const update = useUpdateTask(task.key);
  const upload = useUploadTaskDocument(task.key);
  const [agreementDate, setAgreementDate] = useState(detailString(task, "agreementDate"));
  const [file, setFile] = useState<File | null>(null);
  const documentId = detailString(task, "documentId");

  function saveDate() {
    update.mutate({ details: { agreementDate } }, { onSuccess: () => notify({ color: "green", message: t("common.saved") }) });
  }

  function uploadFile() {
    if (!file) return;
    upload.mutate(file, {
      onSuccess: () => {
        setFile(null);
        notify({ color: "green", message: t("task.worksCouncil.uploaded") });
      },
    });
  }

  const error = update.error ?? upload.error;
  return (
    <section aria-labelledby="works-council-heading">
      <Title order={2} fz="h3" id="works-council-heading" mb="sm">
        {t("task.worksCouncil.title")}
      </Title>
      <Stack maw={560}>
        {error ? (
          <Alert color="red" role="alert">
            {errorMessage(error, t)}
          </Alert>
        ) : null}
        <Group align="flex-end">
          <DateField label={t("task.worksCouncil.agreementDate")} value={agreementDate} onChange={setAgreementDate} />
          <Button variant="default" onClick={saveDate} loading={update.isPending}>
            {t("common.save")}
          </Button>
        </Group>
        <Text fw={600}>{t("task.worksCouncil.document")}</Text>
        {documentId ? (
          <Anchor href={fileUrl(documentId)} download>
            {t("task.worksCouncil.download")}
          </Anchor>
        ) : (
          <Text>{t("task.worksCouncil.noDocument")}</Text>
        )}
        <Group align="flex-end">
          <FileField label={t("task.worksCouncil.chooseFile")} value={file} onChange={setFile} w={300} />
          <Button onClick={uploadFile} disabled={!file} loading={upload.isPending}>
            {t("task.worksCouncil.upload")}
          </Button>
        </Group>
      </Stack>
    </section>
  );
}
