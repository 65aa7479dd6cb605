import type { CopsoqAnalysis } from "@bgm/domain";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format";
import { formatScore } from "../format-score";

/** Groups as rows, the scales any group reports as columns; a scale a group lacks shows a dash. */
export function CopsoqGroupsTable({ analysis }: { analysis: CopsoqAnalysis }) {
  const { t } = useTranslation();
  if (analysis.groups.length === 0) return <Text size="sm">{t("analysis.noGroups")}</Text>;
  const reported = new Set(analysis.groups.flatMap((g) => g.scales.map((s) => s.key)));
  const columns = analysis.scales.filter((s) => reported.has(s.key));
  return (
    <Table.ScrollContainer minWidth={Math.max(480, 200 + columns.length * 140)}>
      <Table striped data-testid="copsoq-groups">
        <Table.Caption>{t("analysis.groupsCaption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("analysis.group")}</Table.Th>
            <Table.Th scope="col">{t("analysis.groupN")}</Table.Th>
            {columns.map((c) => (
              <Table.Th scope="col" key={c.key}>
                {c.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row" fw={700}>
              {t("analysis.allRespondents")}
            </Table.Th>
            <Table.Td fw={700}>{formatNumber(analysis.respondingCount)}</Table.Td>
            {columns.map((c) => (
              <Table.Td key={c.key} fw={700}>
                {formatScore(c.mean)}
              </Table.Td>
            ))}
          </Table.Tr>
          {analysis.groups.map((g) => (
            <Table.Tr key={g.name}>
              <Table.Th scope="row" fw={500}>
                {g.name}
              </Table.Th>
              <Table.Td>{formatNumber(g.n)}</Table.Td>
              {columns.map((c) => {
                const value = g.scales.find((s) => s.key === c.key);
                return <Table.Td key={c.key}>{value ? formatScore(value.mean) : "–"}</Table.Td>;
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
