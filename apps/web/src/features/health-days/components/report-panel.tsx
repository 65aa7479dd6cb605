import { Button, Group, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import { formatNumber } from "../../../lib/format";
import { healthDayReportPdfUrl, useHealthDayReport } from "../api/report";
import type { HealthDayDetail } from "../api/types";

/** The numeric columns, in the order of the cells of each station's row. */
const FIGURE_COLUMNS = ["places", "attended", "noShow", "waiting", "utilization"] as const;

const percent = (share: number | null) => (share === null ? "–" : formatNumber(share, { style: "percent", maximumFractionDigits: 1 }));

/**
 * The post-event report on the day's page: attendance per station, people reached against the expected
 * headcount, and the recommendations the figures give — the same content as the PDF for the files.
 */
export function ReportPanel({ day }: { day: HealthDayDetail }) {
  const { t } = useTranslation();
  const report = useHealthDayReport(day.id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="health-day-report-heading">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="h4" id="health-day-report-heading">
            {t("healthDays.report.title")}
          </Title>
          <Button component="a" href={healthDayReportPdfUrl(day.id)} download variant="default">
            {t("healthDays.report.pdf")}
          </Button>
        </Group>
        {report.isPending ? <LoadingState /> : null}
        {report.error ? <ErrorAlert error={report.error} onRetry={() => void report.refetch()} /> : null}
        {report.data ? (
          <>
            <Text data-testid="report-totals">
              {t("healthDays.report.totals", {
                people: report.data.totals.people,
                attended: report.data.totals.attended,
                noShow: report.data.totals.noShow,
                rate: percent(report.data.totals.noShowRate),
              })}
              {report.data.totals.expectedHeadcount !== null
                ? ` ${t("healthDays.report.reached", {
                    share: percent(report.data.totals.reachedShare),
                    headcount: report.data.totals.expectedHeadcount,
                  })}`
                : ""}
            </Text>
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("healthDays.report.station")}</Table.Th>
                    {FIGURE_COLUMNS.map((key) => (
                      <Table.Th key={key} scope="col" ta="right">
                        {t(`healthDays.report.${key}`)}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col" ta="right">
                      {t("healthDays.report.rating")}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.stations.map((s) => (
                    <Table.Tr key={s.moduleId} data-testid="report-station">
                      <Table.Th scope="row" fw={500}>
                        {s.title}
                        <Text size="xs" c="dimmed" component="span" display="block">
                          {s.providerName}
                        </Text>
                      </Table.Th>
                      <Table.Td ta="right">
                        {s.registered}/{s.capacity}
                      </Table.Td>
                      <Table.Td ta="right">{s.attended}</Table.Td>
                      <Table.Td ta="right">{s.noShow}</Table.Td>
                      <Table.Td ta="right">{s.waitlisted}</Table.Td>
                      <Table.Td ta="right">{percent(s.utilization)}</Table.Td>
                      <Table.Td ta="right">
                        {s.feedback.suppressed || s.feedback.average === null
                          ? t("healthDays.report.ratingWithheld")
                          : `${formatNumber(s.feedback.average, { maximumFractionDigits: 1 })} (${s.feedback.answers})`}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {report.data.recommendations.length > 0 ? (
              <Stack gap={4}>
                <Title order={3} fz="h5">
                  {t("healthDays.report.recommendations")}
                </Title>
                <List data-testid="report-recommendations">
                  {report.data.recommendations.map((r) => (
                    <List.Item key={`${r.kind}-${r.moduleId ?? ""}-${r.slotId ?? ""}`}>{r.text}</List.Item>
                  ))}
                </List>
              </Stack>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
