import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { FileField } from "../../../components/ui/file-field";
import { downloadText } from "../../../lib/download-text";
import { useImportEmployees } from "../api/import-employees";
import { CsvErrorsTable } from "./csv-errors-table";
import { CSV_TEMPLATE, CSV_TEMPLATE_FILE_NAME } from "./csv-template";
import { importRowErrors } from "./import-error-text";

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

  function submit() {
    // The bytes go as they are: the API detects the encoding (Excel's Windows-1252, UTF-8, UTF-16) or XLSX.
    if (file) importer.mutate(file);
  }

  const rows = importRowErrors(importer.error);
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
        accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={(f) => {
          setFile(f);
          importer.reset();
        }}
      />
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
        <Button onClick={submit} disabled={!file} loading={importer.isPending}>
          {t("employees.import.submit")}
        </Button>
      </Group>
    </Stack>
  );
}
