import type { GbuStepKey } from "@bgm/domain";
import { Alert, Button, Group, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { FileField } from "../../../components/ui/file-field";
import { notify } from "../../../lib/notify";
import { useUploadEvidence } from "../api/upload-evidence";

interface EvidenceUploadProps {
  requirementKey: string;
  step: GbuStepKey;
  stepName: string;
}

export function EvidenceUpload({ requirementKey, step, stepName }: EvidenceUploadProps) {
  const { t } = useTranslation();
  const upload = useUploadEvidence(requirementKey);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState("");

  function submit() {
    if (!file) return;
    upload.mutate(
      { step, file, note: note.trim() },
      {
        onSuccess: () => {
          setFile(null);
          setNote("");
          notify({ color: "green", message: t("legal.evidenceUploaded") });
        },
      },
    );
  }

  return (
    <>
      {upload.error ? (
        <Alert color="red" role="alert" my="xs">
          {errorMessage(upload.error, t)}
        </Alert>
      ) : null}
      <Group align="flex-end" wrap="wrap">
        <FileField label={t("legal.evidenceFile", { name: stepName })} value={file} onChange={setFile} w={280} />
        <TextInput label={t("legal.evidenceNote")} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} w={260} />
        <Button variant="default" onClick={submit} disabled={!file} loading={upload.isPending}>
          {t("legal.uploadEvidence")}
        </Button>
      </Group>
    </>
  );
}
