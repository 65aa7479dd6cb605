import { Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumber } from "../../../lib/format";
import type { AccessLogItem } from "../api/types";
import { useAccessLogWords } from "./access-log-words";

const VIA_KEY = { session: "viaSession", api_key: "viaApiKey", unknown: "viaUnknown" } as const;

/** Partner requests, served or denied, with the number of records that left the server. */
export function AccessLogTable({ entries, caption }: { entries: AccessLogItem[]; caption: string }) {
  const { t } = useTranslation();
  const words = useAccessLogWords();
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("dataSharing.page.accessLogEmpty")}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped fz="sm">
        <caption style={{ position: "absolute", left: -10000 }}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("dataSharing.page.time")}</Table.Th>
            <Table.Th scope="col">{t("dataSharing.page.partner")}</Table.Th>
            <Table.Th scope="col">{t("dataSharing.page.scope")}</Table.Th>
            <Table.Th scope="col">{t("dataSharing.page.outcome")}</Table.Th>
            <Table.Th scope="col">{t("dataSharing.page.records")}</Table.Th>
            <Table.Th scope="col">{t("dataSharing.page.via")}</Table.Th>
            <Table.Th scope="col">{t("dataSharing.page.actor")}</Table.Th>
            <Table.Th scope="col">{t("dataSharing.page.reason")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{formatDateTime(entry.at)}</Table.Td>
              <Table.Td>{entry.providerName}</Table.Td>
              <Table.Td>{words.scope(entry.scopeKey)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={entry.outcome === "served" ? "green" : "red"}>
                  {t(`dataSharing.page.${entry.outcome}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{formatNumber(entry.recordCount)}</Table.Td>
              <Table.Td>
                {t(`dataSharing.page.${VIA_KEY[entry.via]}`)}
                {entry.format ? ` (${entry.format})` : ""}
              </Table.Td>
              <Table.Td>{entry.actorName ?? "–"}</Table.Td>
              <Table.Td>{words.reason(entry.reason)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
