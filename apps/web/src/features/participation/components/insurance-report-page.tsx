import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { Fact } from "../../../components/ui/fact";
import { LoadingState } from "../../../components/ui/loading-state";
import { PageHeader } from "../../../components/ui/page-header";
import { downloadBlob } from "../../../lib/download-text";
import { formatDate, formatDateTime, formatNumber } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useLocalized } from "../../../lib/use-localized";
import { useInsuranceReport, useInsuranceReportFile } from "../api/insurance-report";
import type { InsuranceReportFileFormat, InsuranceReportIntervention, InsuranceReportResponse } from "../api/types";
import { formatShare } from "../format";
import { lastTwelveMonths, validPeriod } from "../report-period";
import { PeriodPicker } from "./period-picker";
import { CountOrSuppressed } from "./suppressed-value";

const FORMATS: readonly InsuranceReportFileFormat[] = ["pdf", "csv", "xlsx"];

/**
 * The report a health insurer asks for about workplace health promotion (§20b SGB V, the dimensions of the
 * GKV-Präventionsbericht): a preview of exactly what the files contain, and the files themselves. Aggregates
 * only; a count about fewer people than the minimum group size reads "unterdrückt", as in the files.
 */
export function InsuranceReportPage() {
  const { t } = useTranslation();
  // The same twelve months the reports page starts with; the previous calendar year (what insurers usually
  // ask for) is one tap away.
  const [period, setPeriod] = useState(lastTwelveMonths);
  const ok = validPeriod(period);
  const report = useInsuranceReport(period, ok);
  const data = report.data;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("participation.insurance.title")}
        description={t("participation.insurance.description")}
        actions={
          <Button variant="default" component={Link} to="/participation/reports">
            {t("participationNav.reports")}
          </Button>
        }
      />
      <PeriodPicker value={period} onChange={setPeriod} minGroupSize={data?.minGroupSize} withPresets>
        <Downloads period={period} disabled={!ok} />
      </PeriodPicker>
      {report.isPending && ok ? <LoadingState /> : null}
      {report.isError ? <ErrorAlert error={report.error} onRetry={() => void report.refetch()} /> : null}
      {data && ok ? <ReportBody report={data} /> : null}
    </Stack>
  );
}

/** PDF, CSV and XLSX of the chosen period, each fetched and saved as the server names it. */
function Downloads({ period, disabled }: { period: { from: string; to: string }; disabled: boolean }) {
  const { t } = useTranslation();
  const file = useInsuranceReportFile();
  const busy = file.isPending ? file.variables?.format : undefined;
  const download = (format: InsuranceReportFileFormat) =>
    file.mutate(
      { format, ...period },
      {
        onSuccess: ({ blob, fileName }) => {
          downloadBlob(fileName, blob);
          notify({ message: t("participation.insurance.downloaded", { fileName }) });
        },
      },
    );
  return (
    <Stack gap="xs" mt="md" data-testid="insurance-downloads">
      <Text fw={600} id="insurance-downloads-heading">
        {t("participation.insurance.downloadTitle")}
      </Text>
      <Group gap="sm" wrap="wrap" role="group" aria-labelledby="insurance-downloads-heading">
        {FORMATS.map((format) => (
          <Button
            key={format}
            onClick={() => download(format)}
            loading={busy === format}
            disabled={disabled || (file.isPending && busy !== format)}
            variant={format === "pdf" ? "filled" : "light"}
          >
            {t(`participation.insurance.download.${format}`)}
          </Button>
        ))}
      </Group>
      <Text size="sm" c="dimmed">
        {t("participation.insurance.downloadHint")}
      </Text>
      {file.isError ? <ErrorAlert error={file.error} /> : null}
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`insurance-${id}`}>
      <Title order={2} fz="h3" id={`${id}-heading`} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

function ReportBody({ report }: { report: InsuranceReportResponse }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const min = report.minGroupSize;
  const count = (c: { value: number | null; suppressed: boolean }) => (
    <CountOrSuppressed value={c.value} suppressed={c.suppressed} minGroupSize={min} format={formatNumber} />
  );
  return (
    <Stack gap="xl">
      <Text size="sm" c="dimmed">
        {t("participation.insurance.generated", {
          from: formatDate(report.period.from),
          to: formatDate(report.period.to),
          at: formatDateTime(report.generatedAt),
        })}
      </Text>

      <Section id="company" title={t("participation.insurance.company")}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} m={0}>
          <Fact label={t("participation.insurance.companyName")}>{report.company.name}</Fact>
          <Fact label={t("participation.insurance.industry")}>
            {report.company.industry ? (
              `${report.company.industry.key} – ${l(report.company.industry.label)}`
            ) : (
              <>
                {t("participation.insurance.noIndustry")}{" "}
                <Anchor component={Link} to="/settings" underline="always">
                  {t("participation.insurance.setIndustry")}
                </Anchor>
              </>
            )}
          </Fact>
          <Fact label={t("participation.insurance.headCount")}>{formatNumber(report.company.headCount)}</Fact>
          <Fact label={t("participation.insurance.sizeClass")}>
            {report.company.sizeClass ? l(report.company.sizeClass.label) : t("participation.insurance.noSizeClass")}
          </Fact>
        </SimpleGrid>
      </Section>

      <Section id="reach" title={t("participation.insurance.reach")}>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label={t("participation.insurance.peopleReached")} testId="insurance-people-reached">
            {count(report.reach.peopleReached)}
          </Figure>
          <Figure label={t("participation.insurance.reachRate")}>
            {report.reach.reachRate === null
              ? report.reach.peopleReached.suppressed
                ? count(report.reach.peopleReached)
                : "–"
              : formatShare(report.reach.reachRate)}
          </Figure>
          <Figure label={t("participation.insurance.interventions")}>{formatNumber(report.reach.interventions)}</Figure>
          <Figure label={t("participation.insurance.sessions")}>{formatNumber(report.reach.sessions)}</Figure>
        </SimpleGrid>
      </Section>

      <Section id="target-groups" title={t("participation.insurance.targetGroups")}>
        {report.targetGroups.length === 0 ? (
          <Text>{t("participation.insurance.none")}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("participation.insurance.targetGroup")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("participation.insurance.interventions")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.targetGroups.map((g) => (
                <Table.Tr key={g.label}>
                  <Table.Th scope="row" fw={400}>
                    {g.label}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(g.interventions)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <Section id="fields" title={t("participation.insurance.fieldsOfAction")}>
        <CountTable
          rows={report.fieldsOfAction.map((f) => ({
            key: f.key,
            label: l(f.label),
            sub: l(f.field),
            interventions: f.interventions,
            participants: count(f.participants),
          }))}
          first={t("participation.insurance.fieldOfAction")}
        />
      </Section>

      <Section id="approaches" title={t("participation.insurance.approaches")}>
        <CountTable
          rows={report.approaches.map((a) => ({
            key: a.key,
            label: l(a.label),
            interventions: a.interventions,
            participants: count(a.participants),
          }))}
          first={t("participation.insurance.approach")}
        />
      </Section>

      <Section id="process" title={t("participation.insurance.process")}>
        <Stack gap="md">
          <Paper withBorder p="sm">
            <Text fw={600}>{t("participation.insurance.steeringCommittee")}</Text>
            <Text data-testid="insurance-steering">
              {report.steeringCommittee.exists
                ? report.steeringCommittee.since
                  ? t("participation.insurance.steeringSince", { date: formatDate(report.steeringCommittee.since) })
                  : t("participation.insurance.yes")
                : t("participation.insurance.steeringNo")}
            </Text>
          </Paper>
          <Paper withBorder p="sm">
            <Text fw={600} mb="xs">
              {t("participation.insurance.needsAnalysis")}
            </Text>
            <MethodList
              items={report.needsAnalysis.map((n) => ({
                key: n.method,
                label: l(n.label),
                done: n.done,
                details: n.evidence.map((e) =>
                  [e.label, e.provider, e.date ? formatDate(e.date) : null, e.detail].filter(Boolean).join(" · "),
                ),
              }))}
            />
          </Paper>
          <Paper withBorder p="sm">
            <Text fw={600} mb="xs">
              {t("participation.insurance.successCheck")}
            </Text>
            <MethodList
              items={report.successCheck.map((s) => ({
                key: s.method,
                label: l(s.label),
                done: s.done,
                details: s.detail ? [s.detail] : [],
              }))}
            />
          </Paper>
        </Stack>
      </Section>

      <Section id="interventions" title={t("participation.insurance.perIntervention")}>
        {report.interventions.length === 0 ? (
          <Text>{t("participation.insurance.none")}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {report.interventions.map((i) => (
              <InterventionCard key={i.interventionId} item={i} minGroupSize={min} />
            ))}
          </SimpleGrid>
        )}
      </Section>
    </Stack>
  );
}

function Figure({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {children}
      </Text>
    </Paper>
  );
}

interface CountRow {
  key: string;
  label: string;
  sub?: string;
  interventions: number;
  participants: ReactNode;
}

/** A label with its number of interventions and the people who took part; narrow enough for a phone. */
function CountTable({ rows, first }: { rows: CountRow[]; first: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text>{t("participation.insurance.none")}</Text>;
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{first}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t("participation.insurance.interventions")}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t("participation.insurance.participants")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row" fw={400} style={{ overflowWrap: "anywhere" }}>
              {r.label}
              {r.sub ? (
                <Text size="xs" c="dimmed">
                  {r.sub}
                </Text>
              ) : null}
            </Table.Th>
            <Table.Td ta="right">{formatNumber(r.interventions)}</Table.Td>
            <Table.Td ta="right">{r.participants}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function MethodList({ items }: { items: { key: string; label: string; done: boolean; details: string[] }[] }) {
  const { t } = useTranslation();
  return (
    <List spacing="xs" listStyleType="none" p={0}>
      {items.map((m) => (
        <List.Item key={m.key}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Badge color={m.done ? "teal" : "gray"} variant="light" tt="none" miw={64} style={{ flexShrink: 0 }}>
              {m.done ? t("participation.insurance.done") : t("participation.insurance.notDone")}
            </Badge>
            <div style={{ minWidth: 0 }}>
              <Text>{m.label}</Text>
              {m.details.map((d) => (
                <Text key={d} size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                  {d}
                </Text>
              ))}
            </div>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

/** One intervention as the insurer sees it: category, sessions, participants, provider. */
function InterventionCard({ item, minGroupSize }: { item: InsuranceReportIntervention; minGroupSize: number }) {
  const { t } = useTranslation();
  const l = useLocalized();
  return (
    <Paper component="li" withBorder p="sm" data-testid="insurance-intervention">
      <Anchor component={Link} to={`/interventions/${item.interventionId}`} fw={600} style={{ overflowWrap: "anywhere" }}>
        {item.title}
      </Anchor>
      <SimpleGrid component="dl" cols={2} spacing="xs" mt="xs" mb={0}>
        <Fact label={t("participation.insurance.category")}>{l(item.categoryLabel)}</Fact>
        <Fact label={t("participation.insurance.provider")}>{item.provider ?? t("participation.detail.noProvider")}</Fact>
        <Fact label={t("participation.insurance.sessions")}>
          {formatNumber(item.sessions)}
          <Text component="span" size="xs" c="dimmed" display="block">
            {item.firstSession === item.lastSession
              ? formatDate(item.firstSession)
              : `${formatDate(item.firstSession)} – ${formatDate(item.lastSession)}`}
          </Text>
        </Fact>
        <Fact label={t("participation.insurance.participants")}>
          <span data-testid="insurance-participants">
            <CountOrSuppressed
              value={item.participants.value}
              suppressed={item.participants.suppressed}
              minGroupSize={minGroupSize}
              format={formatNumber}
            />
          </span>
        </Fact>
      </SimpleGrid>
      {item.certificationId ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t("participation.session.certified", { id: item.certificationId })}
        </Text>
      ) : null}
    </Paper>
  );
}
