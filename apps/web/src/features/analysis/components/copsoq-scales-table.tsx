import type { CopsoqAnalysis } from "@bgm/domain";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format";
import { formatScore } from "../format-score";
import { ComparisonMarker } from "./comparison-marker";

export function CopsoqScalesTable({ analysis }: { analysis: CopsoqAnalysis }) {
  const { t } = useTranslation();
  const first = analysis.scales[0];
  // Reference labels come from the partner; every scale of one analysis uses the same two references.
  const allLabel = first?.reference.allOccupations.label ?? t("analysis.seriesAll");
  const groupLabel = first?.reference.occupationGroup.label ?? analysis.occupationGroup;
  return (
    <>
      <Table.ScrollContainer minWidth={860}>
        <Table striped data-testid="copsoq-scales">
          <Table.Caption>{t("analysis.tableCaption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("analysis.scale")}</Table.Th>
              <Table.Th scope="col">{t("analysis.mean")}</Table.Th>
              <Table.Th scope="col">
                <abbr title={t("analysis.sdLong")}>{t("analysis.sd")}</abbr>
              </Table.Th>
              <Table.Th scope="col">
                <abbr title={t("analysis.nLong")}>{t("analysis.n")}</abbr>
              </Table.Th>
              <Table.Th scope="col">{allLabel}</Table.Th>
              <Table.Th scope="col">{t("analysis.comparison", { label: allLabel })}</Table.Th>
              <Table.Th scope="col">{groupLabel}</Table.Th>
              <Table.Th scope="col">{t("analysis.comparison", { label: groupLabel })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {analysis.scales.map((s) => (
              <Table.Tr key={s.key}>
                <Table.Th scope="row" fw={500}>
                  {s.name}
                </Table.Th>
                <Table.Td fw={700}>{formatScore(s.mean)}</Table.Td>
                <Table.Td>{formatScore(s.sd)}</Table.Td>
                <Table.Td>{formatNumber(s.n)}</Table.Td>
                <Table.Td>{formatScore(s.reference.allOccupations.mean)}</Table.Td>
                <Table.Td>
                  <ComparisonMarker flag={s.reference.allOccupations.comparison} />
                </Table.Td>
                <Table.Td>{formatScore(s.reference.occupationGroup.mean)}</Table.Td>
                <Table.Td>
                  <ComparisonMarker flag={s.reference.occupationGroup.comparison} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" mt="xs">
        {t("analysis.comparisonNote")}
      </Text>
    </>
  );
}
