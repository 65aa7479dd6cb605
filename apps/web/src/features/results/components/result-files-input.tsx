import { FileInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatBytes } from "../../../lib/format";
import { fileTypesLabel } from "./file-type-labels";

interface ResultFilesInputProps {
  fileTypes: string[];
  required: boolean;
  maxFileBytes: number;
  value: File[];
  onChange: (files: File[]) => void;
  error?: string | null;
}

export function ResultFilesInput({ fileTypes, required, maxFileBytes, value, onChange, error }: ResultFilesInputProps) {
  const { t } = useTranslation();
  if (fileTypes.length === 0) return null;
  return (
    <FileInput
      multiple
      clearable
      label={required ? t("results.upload.filesRequired") : t("results.upload.files")}
      description={t("results.upload.filesHint", { types: fileTypesLabel(fileTypes), size: formatBytes(maxFileBytes) })}
      placeholder={t("results.upload.chooseFiles")}
      clearButtonProps={{ "aria-label": t("results.upload.clearFiles") }}
      accept={fileTypes.join(",")}
      required={required}
      value={value}
      onChange={onChange}
      error={error || undefined}
    />
  );
}
