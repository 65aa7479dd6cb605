import { Anchor, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { fileUrl } from "../../../lib/api-client";
import { formatBytes, formatDateTime } from "../../../lib/format";
import type { RequirementStepItem } from "../api/types";

export function EvidenceList({ evidence }: { evidence: RequirementStepItem["evidence"] }) {
  const { t } = useTranslation();
  if (evidence.length === 0) return <Text size="sm">{t("legal.noEvidence")}</Text>;
  return (
    <List size="sm" spacing={4}>
      {evidence.map((e) => (
        <List.Item key={e.id}>
          <Anchor href={fileUrl(e.id)} download={e.fileName}>
            {e.fileName}
          </Anchor>{" "}
          ({formatBytes(e.sizeBytes)}, {formatDateTime(e.uploadedAt)}){e.note ? ` – ${e.note}` : ""}
        </List.Item>
      ))}
    </List>
  );
}
