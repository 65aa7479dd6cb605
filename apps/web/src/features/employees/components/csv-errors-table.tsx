import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CsvRowErrorItem } from "../api/types";
import { importErrorText, importFieldLabel } from "./import-error-text";

export function CsvErrorsTable({ rows }: { rows: CsvRowErrorItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={400} mah={320}>
      <Table striped withTableBorder data-testid="csv-errors">
        <Table.Caption>{t("employees.import.errorsCaption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("employees.import.row")}</Table.Th>
            <Table.Th>{t("employees.import.field")}</Table.Th>
            <Table.Th>{t("employees.import.message")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.row}-${r.field ?? ""}-${r.code}-${JSON.stringify(r.values ?? {})}`}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>{importFieldLabel(r.field, t)}</Table.Td>
              <Table.Td>{importErrorText(r, t)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
