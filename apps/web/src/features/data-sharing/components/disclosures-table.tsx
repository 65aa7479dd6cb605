import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/format";
import { useLocalized } from "../../../lib/use-localized";
import type { DataDisclosureListResponse } from "../api/types";
import { useFieldNames } from "./field-names";

/** Art. 15: which partner received which of the employee's fields, and when. */
export function DisclosuresTable({ items }: { items: DataDisclosureListResponse["items"] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const fieldNames = useFieldNames();
  if (items.length === 0) return <Text>{t("dataSharing.myData.empty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("dataSharing.myData.at")}</Table.Th>
            <Table.Th scope="col">{t("dataSharing.myData.partner")}</Table.Th>
            <Table.Th scope="col">{t("dataSharing.myData.scope")}</Table.Th>
            <Table.Th scope="col">{t("dataSharing.myData.fields")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={`${item.at}-${item.providerName}-${item.scopeKey}`}>
              <Table.Td>{formatDateTime(item.at)}</Table.Td>
              <Table.Td>{item.providerName}</Table.Td>
              <Table.Td>{localized(item.scopeLabel)}</Table.Td>
              <Table.Td>{fieldNames(item.scopeKey, item.fields)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
