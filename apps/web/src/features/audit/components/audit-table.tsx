import { Code, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/format";
import type { AuditEntryItem } from "../api/types";

function detailsText(details: Record<string, unknown>): string {
  return Object.keys(details).length === 0 ? "" : JSON.stringify(details);
}

export function AuditTable({ items }: { items: AuditEntryItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text>{t("audit.empty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("audit.at")}</Table.Th>
            <Table.Th>{t("audit.actor")}</Table.Th>
            <Table.Th>{t("audit.action")}</Table.Th>
            <Table.Th>{t("audit.entity")}</Table.Th>
            <Table.Th>{t("audit.details")}</Table.Th>
            <Table.Th>{t("audit.ip")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const details = detailsText(item.details);
            return (
              <Table.Tr key={item.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(item.at)}</Table.Td>
                <Table.Td>{item.actorName ?? t("audit.system")}</Table.Td>
                <Table.Td>
                  <Code c="dark">{item.action}</Code>
                </Table.Td>
                <Table.Td>
                  {item.entityType}
                  {item.entityId ? (
                    <Text span size="xs" display="block">
                      {item.entityId}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td maw={360} style={{ wordBreak: "break-word" }}>
                  {details ? (
                    <Text size="xs" ff="monospace">
                      {details}
                    </Text>
                  ) : (
                    "–"
                  )}
                </Table.Td>
                <Table.Td>{item.ip ?? "–"}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
