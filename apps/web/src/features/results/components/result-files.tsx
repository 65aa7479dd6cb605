import { Anchor, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatBytes } from "../../../lib/format";
import { resultFileUrl } from "../api/get-results";
import type { PartnerResultItem } from "../api/types";

interface ResultFilesProps {
  result: PartnerResultItem;
  /** Downloads are for the company; the partner sees what it sent. */
  downloadable: boolean;
}

export function ResultFiles({ result, downloadable }: ResultFilesProps) {
  const { t } = useTranslation();
  if (result.files.length === 0) return null;
  return (
    <div>
      <Text size="sm" c="dimmed">
        {t("results.files")}
      </Text>
      <List size="sm" spacing={2}>
        {result.files.map((file) => (
          <List.Item key={file.id}>
            {downloadable ? (
              <Anchor href={resultFileUrl(result.engagementId, result.id, file.id)} download={file.fileName}>
                {t("results.downloadFile", { name: file.fileName, size: formatBytes(file.sizeBytes) })}
              </Anchor>
            ) : (
              `${file.fileName} (${formatBytes(file.sizeBytes)})`
            )}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
