import { TAX_FREE_HEALTH_BUDGET_CENTS } from "@bgm/domain";
import { Alert, Anchor, Badge, Group, NativeSelect, Paper, Progress, SimpleGrid, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import { PageHeader } from "../../../components/ui/page-header";
import { formatNumber } from "../../../lib/format";
import { formatEuro } from "../../../lib/money";
import { useHealthBudget } from "../api/health-budget";
import type { HealthBudgetEmployee, HealthBudgetIntervention, HealthBudgetResponse } from "../api/types";
import { formatShare } from "../format";
import { budgetYears, employeesToShow, remainingCents } from "../health-budget";
import { berlinYear } from "../report-period";

const STATUS_COLORS = { ok: "teal", near: "orange", over: "red" } as const;

/**
 * The tax-free health budget (§3 Nr. 34 EStG): what each intervention costs per participant, and which
 * employees come near the yearly tax-free amount through certified measures. It names people, so it is
 * the manager's alone (the API allows no one else) and never part of a report that leaves the company.
 */
export function HealthBudgetPage() {
  const { t } = useTranslation();
  const thisYear = berlinYear();
  const [year, setYear] = useState(thisYear);
  const budget = useHealthBudget(year);
  const data = budget.data;
  return (
    <Stack gap="lg">
      <PageHeader title={t("participation.budget.title")} description={t("participation.budget.description")} />
      <Paper withBorder p="md">
        <Text data-testid="budget-explanation">
          {t("participation.budget.explanation", {
            limit: formatEuro(data?.limitCents ?? TAX_FREE_HEALTH_BUDGET_CENTS),
            near: formatShare(data?.nearShare ?? 0.8),
          })}
        </Text>
        <Text size="sm" c="dimmed" mt="xs">
          {t("participation.budget.privacy")}
        </Text>
        <NativeSelect
          mt="sm"
          maw={200}
          label={t("participation.budget.year")}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={budgetYears(thisYear).map((y) => String(y))}
        />
      </Paper>
      {budget.isPending ? <LoadingState /> : null}
      {budget.isError ? <ErrorAlert error={budget.error} onRetry={() => void budget.refetch()} /> : null}
      {data ? <BudgetBody budget={data} /> : null}
    </Stack>
  );
}

function BudgetBody({ budget }: { budget: HealthBudgetResponse }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <Text fw={600} data-testid="budget-summary">
        {t("participation.budget.summary", {
          count: budget.summary.employees,
          employees: formatNumber(budget.summary.employees),
          near: formatNumber(budget.summary.near),
          over: formatNumber(budget.summary.over),
          year: String(budget.year),
        })}
      </Text>
      <section aria-labelledby="budget-people-heading">
        <Title order={2} fz="h3" id="budget-people-heading" mb="sm">
          {t("participation.budget.peopleTitle")}
        </Title>
        <People budget={budget} />
      </section>
      <section aria-labelledby="budget-interventions-heading">
        <Title order={2} fz="h3" id="budget-interventions-heading" mb="sm">
          {t("participation.budget.interventionsTitle")}
        </Title>
        <Interventions items={budget.interventions} />
      </section>
    </Stack>
  );
}

function People({ budget }: { budget: HealthBudgetResponse }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const shown = employeesToShow(budget.employees, showAll);
  return (
    <Stack gap="sm">
      <Switch
        checked={showAll}
        onChange={(e) => setShowAll(e.currentTarget.checked)}
        label={t("participation.budget.showAll", { count: budget.summary.employees })}
        disabled={budget.employees.length === 0}
      />
      {shown.length === 0 ? (
        <Alert color="teal" variant="light">
          {budget.employees.length === 0 ? t("participation.budget.nobody") : t("participation.budget.nobodyNear")}
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
          {shown.map((e) => (
            <EmployeeCard key={e.employeeId} employee={e} limitCents={budget.limitCents} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function EmployeeCard({ employee: e, limitCents }: { employee: HealthBudgetEmployee; limitCents: number }) {
  const { t } = useTranslation();
  const name = `${e.firstName} ${e.lastName}`;
  return (
    <Paper component="li" withBorder p="sm" data-testid="budget-employee">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: "anywhere" }}>
            {name}
          </Text>
          <Text size="sm" c="dimmed">
            {e.department}
          </Text>
        </div>
        <Badge color={STATUS_COLORS[e.status]} variant="light" tt="none" style={{ flexShrink: 0 }}>
          {t(`participation.budget.status.${e.status}`)}
        </Badge>
      </Group>
      <Text mt="xs">
        {t("participation.budget.used", {
          total: formatEuro(e.totalCents),
          limit: formatEuro(limitCents),
          share: formatShare(e.share),
        })}
      </Text>
      <Progress
        value={Math.min(100, e.share * 100)}
        color={STATUS_COLORS[e.status]}
        mt={4}
        aria-label={t("participation.budget.progressLabel", { name, share: formatShare(e.share) })}
      />
      <Text size="sm" c="dimmed" mt={4}>
        {e.status === "over"
          ? t("participation.budget.overBy", { amount: formatEuro(e.totalCents - limitCents) })
          : t("participation.budget.remaining", { amount: formatEuro(remainingCents(e.totalCents, limitCents)) })}
      </Text>
      <Stack gap={2} mt="xs" component="ul" p={0} style={{ listStyle: "none" }}>
        {e.items.map((i) => (
          <Text component="li" key={i.interventionId} size="sm">
            <Anchor component={Link} to={`/interventions/${i.interventionId}`} size="sm">
              {i.title}
            </Anchor>
            {`: ${formatEuro(i.cents)}`}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

/** Cost per participant of each intervention; only certified ones count towards the tax-free amount. */
function Interventions({ items }: { items: HealthBudgetIntervention[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text>{t("participation.budget.noInterventions")}</Text>;
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("participation.reports.intervention")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("participation.budget.cost")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("participation.budget.perParticipant")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.interventionId} data-testid="budget-intervention">
              <Table.Th scope="row" fw={400} style={{ overflowWrap: "anywhere" }}>
                <Anchor component={Link} to={`/interventions/${i.interventionId}`}>
                  {i.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {i.certified
                    ? t("participation.budget.certified", { id: i.certificationId ?? "" })
                    : t("participation.budget.notCertified")}
                  {" · "}
                  {t("participation.budget.participants", {
                    count: i.participants,
                    formattedCount: formatNumber(i.participants),
                    inYear: formatNumber(i.participantsInYear),
                  })}
                </Text>
              </Table.Th>
              <Table.Td ta="right">{i.costCents === null ? t("participation.budget.noCost") : formatEuro(i.costCents)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {i.costPerParticipantCents === null ? "–" : formatEuro(i.costPerParticipantCents)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
