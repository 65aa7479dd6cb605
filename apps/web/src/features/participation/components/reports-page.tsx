import "@mantine/charts/styles.css";
import type { AttendanceReport, PeopleReport } from "@bgm/domain";
import { BarChart } from "@mantine/charts";
import { Anchor, Box, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import { PageHeader } from "../../../components/ui/page-header";
import { formatNumber } from "../../../lib/format";
import { useLocalized } from "../../../lib/use-localized";
import { useAttendanceReport, usePeopleReport } from "../api/reports";
import { formatShare } from "../format";
import { lastTwelveMonths, validPeriod } from "../report-period";
import { PeriodPicker } from "./period-picker";
import { CountOrSuppressed, SuppressedValue } from "./suppressed-value";

type Titles = ReadonlyMap<string, string>;

/**
 * The company's participation reports: people reached, per intervention, per category, per department and
 * per month, as the aggregation service publishes them (small groups withheld). Each figure links to the
 * interventions behind it.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(lastTwelveMonths);
  const ok = validPeriod(period);
  const byIntervention = usePeopleReport({ ...period, groupBy: "intervention" }, ok);
  const byCategory = usePeopleReport({ ...period, groupBy: "category" }, ok);
  const byDepartment = usePeopleReport({ ...period, groupBy: "department" }, ok);
  const byMonth = useAttendanceReport({ ...period, groupBy: "month" }, ok);
  const titles: Titles = new Map((byIntervention.data?.rows ?? []).map((r) => [r.key, r.label.de]));
  const min = byIntervention.data?.minGroupSize;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("participation.reports.title")}
        description={t("participation.reports.description")}
        actions={
          <>
            <Button variant="default" component={Link} to="/participation/insurance-report">
              {t("participationNav.insuranceReport")}
            </Button>
            <Button variant="default" component={Link} to="/participation/health-budget">
              {t("participationNav.healthBudget")}
            </Button>
          </>
        }
      />
      <PeriodPicker value={period} onChange={setPeriod} minGroupSize={min} />
      {byIntervention.data ? <PeopleReached report={byIntervention.data} /> : null}
      <ReportSection id="by-intervention" title={t("participation.reports.byIntervention")} query={byIntervention}>
        {(r) => <InterventionTable report={r} />}
      </ReportSection>
      <ReportSection id="by-category" title={t("participation.reports.byCategory")} query={byCategory}>
        {(r) => <CategoryList report={r} titles={titles} />}
      </ReportSection>
      <ReportSection id="by-department" title={t("participation.reports.byDepartment")} query={byDepartment}>
        {(r) => <DepartmentTable report={r} titles={titles} />}
      </ReportSection>
      <ReportSection id="by-month" title={t("participation.reports.byPeriod")} query={byMonth}>
        {(r) => <MonthReport report={r} titles={titles} />}
      </ReportSection>
    </Stack>
  );
}

interface QueryLike<T> {
  data: T | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

function ReportSection<T>({
  id,
  title,
  query,
  children,
}: {
  id: string;
  title: string;
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`report-${id}`}>
      <Title order={2} fz="h3" id={`${id}-heading`} mb="sm">
        {title}
      </Title>
      {query.isPending && !query.data ? <LoadingState /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? children(query.data) : null}
    </section>
  );
}

function PeopleReached({ report }: { report: PeopleReport }) {
  const { t } = useTranslation();
  const count = report.peopleReached.value;
  return (
    <Paper withBorder p="md" bg="blue.0" data-testid="people-reached">
      <Text fw={600} fz="lg">
        {count === null
          ? t("participation.reports.peopleReachedSuppressed", { min: formatNumber(report.minGroupSize) })
          : t("participation.reports.peopleReached", { count, formattedCount: formatNumber(count) })}
      </Text>
    </Paper>
  );
}

/** The interventions behind a figure, as links (the figure's own drill-down). */
function InterventionLinks({ ids, titles }: { ids: readonly string[]; titles: Titles }) {
  const { t } = useTranslation();
  if (ids.length === 0) return null;
  return (
    <Group gap={6} component="span" wrap="wrap" aria-label={t("participation.reports.behindLabel")} role="group">
      {ids.map((id, i) => (
        <Text key={id} component="span" size="xs">
          <Anchor component={Link} to={`/interventions/${id}`} size="xs">
            {titles.get(id) ?? t("participation.reports.intervention")}
          </Anchor>
          {i < ids.length - 1 ? "," : null}
        </Text>
      ))}
    </Group>
  );
}

function InterventionTable({ report }: { report: PeopleReport }) {
  const { t } = useTranslation();
  const l = useLocalized();
  if (report.rows.length === 0) return <Text>{t("participation.reports.none")}</Text>;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("participation.reports.intervention")}</Table.Th>
            <Table.Th scope="col">{t("participation.reports.sessions")}</Table.Th>
            <Table.Th scope="col">{t("participation.reports.participants")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((r) => (
            <Table.Tr key={r.key} data-testid="report-row">
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/interventions/${r.key}`}>
                  {l(r.label)}
                </Anchor>
              </Table.Th>
              <Table.Td>{formatNumber(r.sessions)}</Table.Td>
              <Table.Td>
                <CountOrSuppressed
                  value={r.participants.value}
                  suppressed={r.participants.suppressed}
                  minGroupSize={report.minGroupSize}
                  format={formatNumber}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const CATEGORY_PHRASES = [
  "survey_analysis",
  "movement",
  "nutrition",
  "mental_health",
  "ergonomics",
  "addiction_prevention",
  "health_day_module",
  "full_service_health_day",
  "coaching",
] as const;
type CategoryPhraseKey = (typeof CATEGORY_PHRASES)[number];

/** "127 Beschäftigte haben an Ernährungsangeboten teilgenommen", one line per category, with its interventions. */
function CategoryList({ report, titles }: { report: PeopleReport; titles: Titles }) {
  const { t } = useTranslation();
  const l = useLocalized();
  if (report.rows.length === 0) return <Text>{t("participation.reports.none")}</Text>;
  const phrase = (key: string, label: { de: string; en: string }) =>
    (CATEGORY_PHRASES as readonly string[]).includes(key)
      ? t(`participation.reports.categoryPhrase.${key as CategoryPhraseKey}`)
      : l(label);
  return (
    <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
      {report.rows.map((r) => (
        <Paper key={r.key} withBorder p="sm" component="li" data-testid="category-figure">
          <Text>
            {r.participants.value === null ? (
              <>
                {t("participation.reports.categorySuppressed", { phrase: phrase(r.key, r.label) })}{" "}
                <SuppressedValue minGroupSize={report.minGroupSize} />
              </>
            ) : (
              t("participation.reports.categorySentence", {
                count: r.participants.value,
                formattedCount: formatNumber(r.participants.value),
                phrase: phrase(r.key, r.label),
              })
            )}
          </Text>
          <InterventionLinks ids={r.interventionIds} titles={titles} />
        </Paper>
      ))}
    </Stack>
  );
}

function DepartmentTable({ report, titles }: { report: PeopleReport; titles: Titles }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const min = report.minGroupSize;
  if (report.rows.length === 0) return <Text>{t("participation.reports.none")}</Text>;
  const rate = (r: number | null, withheld: boolean) => (
    <CountOrSuppressed value={r} suppressed={withheld} minGroupSize={min} format={(v) => formatShare(v)} />
  );
  return (
    <Stack gap="sm">
      {report.lowestParticipation ? (
        <Text fw={600} data-testid="lowest-participation">
          {t("participation.reports.lowest", {
            department: l(report.lowestParticipation.label),
            rate: formatShare(report.lowestParticipation.participationRate),
          })}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("participation.reports.department")}</Table.Th>
              <Table.Th scope="col">{t("participation.reports.participants")}</Table.Th>
              <Table.Th scope="col">{t("participation.reports.nonParticipants")}</Table.Th>
              <Table.Th scope="col">{t("participation.reports.participationRate")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((r) => (
              <Table.Tr key={r.key} data-testid="department-row">
                <Table.Th scope="row" fw={500}>
                  {l(r.label)}
                  {r.combinedGroup ? (
                    <Text size="xs" c="dimmed">
                      {t("participation.reports.countedIn", { group: r.combinedGroup })}
                    </Text>
                  ) : null}
                  <InterventionLinks ids={r.interventionIds} titles={titles} />
                </Table.Th>
                <Table.Td>
                  <CountOrSuppressed
                    value={r.participants.value}
                    suppressed={r.participants.suppressed}
                    minGroupSize={min}
                    format={formatNumber}
                  />
                </Table.Td>
                <Table.Td>
                  <CountOrSuppressed
                    value={r.nonParticipants?.value ?? null}
                    suppressed={r.nonParticipants?.suppressed ?? false}
                    minGroupSize={min}
                    format={formatNumber}
                  />
                </Table.Td>
                <Table.Td>{rate(r.participationRate, r.participants.suppressed || (r.nonParticipants?.suppressed ?? false))}</Table.Td>
              </Table.Tr>
            ))}
            {report.combinedGroups.map((g) => (
              <Table.Tr key={g.label} data-testid="department-combined">
                <Table.Th scope="row" fw={500}>
                  {t("participation.reports.combined", { label: g.label })}
                  <Text size="xs" c="dimmed">
                    {g.keys.join(", ")}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <CountOrSuppressed
                    value={g.participants.value}
                    suppressed={g.participants.suppressed}
                    minGroupSize={min}
                    format={formatNumber}
                  />
                </Table.Td>
                <Table.Td>
                  <CountOrSuppressed
                    value={g.nonParticipants.value}
                    suppressed={g.nonParticipants.suppressed}
                    minGroupSize={min}
                    format={formatNumber}
                  />
                </Table.Td>
                <Table.Td>{rate(g.participationRate, g.participants.suppressed || g.nonParticipants.suppressed)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/**
 * Attended and missed places per month as stacked bars. To assistive technology the chart is one image
 * whose label lists every value (the table below holds them too); recharts' keyboard layer stays off.
 */
function MonthReport({ report, titles }: { report: AttendanceReport; titles: Titles }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const min = report.minGroupSize;
  if (report.rows.length === 0) return <Text>{t("participation.reports.none")}</Text>;
  const data = report.rows.map((r) => ({
    month: l(r.label),
    attended: r.attendedCount ?? 0,
    notAttended: r.attendedCount !== null && r.registeredCount !== null ? r.registeredCount - r.attendedCount : 0,
  }));
  const values = report.rows
    .map((r) =>
      r.attendedCount === null || r.registeredCount === null
        ? t("participation.reports.chartValueSuppressed", { label: l(r.label) })
        : t("participation.reports.chartValue", {
            label: l(r.label),
            attended: formatNumber(r.attendedCount),
            registered: formatNumber(r.registeredCount),
          }),
    )
    .join("; ");
  return (
    <Stack gap="md">
      <Box role="img" aria-label={t("participation.reports.chartAlt", { values })} data-testid="month-chart">
        <BarChart
          h={260}
          data={data}
          dataKey="month"
          type="stacked"
          accessibilityLayer={false}
          withLegend
          legendProps={{ verticalAlign: "top", height: 40 }}
          series={[
            { name: "attended", label: t("participation.reports.chartAttended"), color: "teal.8" },
            { name: "notAttended", label: t("participation.reports.chartNotAttended"), color: "gray.5" },
          ]}
          valueFormatter={(v) => formatNumber(v)}
          gridAxis="y"
        />
      </Box>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("participation.reports.month")}</Table.Th>
              <Table.Th scope="col">{t("participation.reports.sessions")}</Table.Th>
              <Table.Th scope="col">{t("participation.reports.attendedPlaces")}</Table.Th>
              <Table.Th scope="col">{t("participation.reports.registeredPlaces")}</Table.Th>
              <Table.Th scope="col">{t("participation.reports.attendanceRate")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((r) => (
              <Table.Tr key={r.key} data-testid="month-row">
                <Table.Th scope="row" fw={500}>
                  {l(r.label)}
                  <InterventionLinks ids={r.interventionIds} titles={titles} />
                </Table.Th>
                <Table.Td>{formatNumber(r.sessions)}</Table.Td>
                <Table.Td>
                  <CountOrSuppressed value={r.attendedCount} suppressed={r.suppressed} minGroupSize={min} format={formatNumber} />
                </Table.Td>
                <Table.Td>
                  <CountOrSuppressed value={r.registeredCount} suppressed={r.suppressed} minGroupSize={min} format={formatNumber} />
                </Table.Td>
                <Table.Td>
                  <CountOrSuppressed value={r.attendanceRate} suppressed={r.suppressed} minGroupSize={min} format={(v) => formatShare(v)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
