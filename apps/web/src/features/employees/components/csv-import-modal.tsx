import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { FileField } from "../../../components/ui/file-field";
import { apiIssues, isApiError } from "../../../lib/api-client";
import { downloadText } from "../../../lib/download-text";
import { useImportEmployees } from "../api/import-employees";
import type { CsvRowErrorItem } from "../api/types";
import { CsvErrorsTable } from "./csv-errors-table";
import { CSV_TEMPLATE, CSV_TEMPLATE_FILE_NAME } from "./csv-template";

/** A refused file's problems: `details.issues` with `path` = [line, field?] into the file. */
function rowErrors(error: unknown): CsvRowErrorItem[] | null {
  if (!isApiError(error, 422)) return null;
  const issues = apiIssues(error);
  if (issues.length === 0) return null;
  return issues.map(({ path: [row, field], message }) => ({
    row: typeof row === "number" ? row : 0,
    field: typeof field === "string" ? field : undefined,
    message,
  }));
}

export function CsvImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={t("employees.import.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened ? <CsvImportForm onClose={onClose} /> : null}
    </Modal>
  );
}

function CsvImportForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const importer = useImportEmployees();
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState(false);

  async function submit() {
    if (!file) return;
    setReadError(false);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setReadError(true);
      return;
    }
    importer.mutate(text);
  }

  const rows = rowErrors(importer.error);
  return (
    <Stack>
      <Text size="sm">{t("employees.import.intro")}</Text>
      <Group>
        <Button variant="default" onClick={() => downloadText(CSV_TEMPLATE_FILE_NAME, CSV_TEMPLATE, "text/csv;charset=utf-8")}>
          {t("employees.import.template")}
        </Button>
      </Group>
      <FileField
        label={t("employees.import.file")}
        accept=".csv,text/csv"
        value={file}
        onChange={(f) => {
          setFile(f);
          importer.reset();
        }}
      />
      {readError ? (
        <Alert color="red" role="alert">
          {t("employees.import.readError")}
        </Alert>
      ) : null}
      {importer.data ? (
        <Alert color="green" role="status" data-testid="csv-import-success">
          {t("employees.import.success", importer.data)}
        </Alert>
      ) : null}
      {importer.error ? (
        <Alert color="red" role="alert" title={rows ? t("employees.import.failedTitle") : undefined}>
          {rows ? t("employees.import.failedIntro") : errorMessage(importer.error, t)}
        </Alert>
      ) : null}
      {rows && rows.length > 0 ? <CsvErrorsTable rows={rows} /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t("common.close")}
        </Button>
        <Button onClick={() => void submit()} disabled={!file} loading={importer.isPending}>
          {t("employees.import.submit")}
        </Button>
      </Group>
    </Stack>
  );
}
