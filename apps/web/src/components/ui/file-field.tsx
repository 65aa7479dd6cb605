import { FileInput, type FileInputProps } from "@mantine/core";
import { useTranslation } from "react-i18next";

type FileFieldProps = Omit<FileInputProps<false>, "multiple" | "clearable" | "clearButtonProps" | "placeholder">;

/** A single-file picker whose clear button has a translated accessible name (Mantine's has none). */
export function FileField(props: FileFieldProps) {
  const { t } = useTranslation();
  return <FileInput {...props} placeholder={t("common.chooseFile")} clearable clearButtonProps={{ "aria-label": t("common.clearFile") }} />;
}
