import { Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { useOfferingStats } from "../api/get-offering-stats";

interface OfferingStatsTableProps {
  /** Titles of the partner's own offerings by id: the statistics name offerings by id only. */
  titles: Map<string, string>;
}

/** The partner's aggregate view (issue 15): suggested, opened, requested over 12 weeks, and for which needs. */
export function OfferingStatsTable({ titles }: OfferingStatsTableProps) {
  const { t } = useTranslation();
  const stats = useOfferingStats(12);
  if (stats.isError) return <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />;
  if (!stats.data) return null;
  const { items, minGroupSize } = stats.data;
  return (
    <section aria-labelledby="offering-stats-title">
      <Title order={2} size="h4" id="offering-stats-title">
        {t("partner.stats.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t("partner.stats.description", { min: minGroupSize })}
      </Text>
      {items.length === 0 ? (
        <Text>{t("partner.stats.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" aria-label={t("partner.stats.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("partner.title")}</Table.Th>
                <Table.Th ta="right">{t("partner.stats.suggested")}</Table.Th>
                <Table.Th ta="right">{t("partner.stats.opened")}</Table.Th>
                <Table.Th ta="right">{t("partner.stats.requested")}</Table.Th>
                <Table.Th>{t("partner.stats.needs")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.offeringId} data-testid="offering-stats">
                  <Table.Td>
                    {titles.get(o.offeringId) ?? t("partner.stats.unknownOffering")}
                    {o.withheld > 0 ? (
                      <Text size="xs" c="dimmed">
                        {t("partner.stats.withheld", { count: o.withheld, min: minGroupSize })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">{o.totals.suggested}</Table.Td>
                  <Table.Td ta="right">{o.totals.opened}</Table.Td>
                  <Table.Td ta="right">{o.totals.requested}</Table.Td>
                  <Table.Td>
                    {o.needs.map((n) => `${t(`partner.stats.needKinds.${n.needKind}`)} ${n.suggested}`).join(" · ") || "–"}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
