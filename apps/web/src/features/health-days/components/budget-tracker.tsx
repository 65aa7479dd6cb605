import { Alert, Paper, Progress, ScrollArea, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format";
import { formatEuro } from "../../../lib/money";
import type { HealthDayBudgetView } from "../api/types";
import { budgetLevel, budgetPercent } from "../budget-view";

/** Planned vs booked (accepted quotes) vs invoiced, per station and in total, with the API's warnings. */
export function BudgetTracker({ budget }: { budget: HealthDayBudgetView }) {
  const { t } = useTranslation();
  const level = budgetLevel(budget);
  const bookedPercent = budgetPercent(budget.bookedCents, budget.budgetCents);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="health-day-budget-heading" data-testid="budget-tracker">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="health-day-budget-heading">
          {t("healthDays.budget.title")}
        </Title>
        {budget.budgetCents === null ? <Text c="dimmed">{t("healthDays.budget.none")}</Text> : null}
        {budget.warnings.map((w) => (
          <Alert key={w} color={level === "exceeded" ? "red" : "orange"} data-testid="budget-warning">
            {t(`healthDays.budget.${w}`)}
          </Alert>
        ))}
        {bookedPercent !== null ? (
          <Stack gap={4}>
            <Text size="sm">{t("healthDays.budget.bookedShare", { percent: formatNumber(bookedPercent) })}</Text>
            <Progress
              value={bookedPercent}
              color={level === "exceeded" ? "red" : level === "near" ? "orange" : "teal"}
              aria-label={t("healthDays.budget.bookedShare", { percent: formatNumber(bookedPercent) })}
            />
          </Stack>
        ) : null}
        <ScrollArea type="auto">
          <Table striped withTableBorder miw={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("healthDays.budget.station")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("healthDays.budget.planned")}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("healthDays.budget.booked")}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("healthDays.budget.invoiced")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {budget.modules.map((m) => (
                <Table.Tr key={m.moduleId}>
                  <Table.Th scope="row" fw={400}>
                    {m.title}
                  </Table.Th>
                  <Table.Td ta="right">{formatEuro(m.plannedCents)}</Table.Td>
                  <Table.Td ta="right">{formatEuro(m.bookedCents)}</Table.Td>
                  <Table.Td ta="right">{formatEuro(m.invoicedCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={600}>
                <Table.Th scope="row">{t("healthDays.budget.sum")}</Table.Th>
                <Table.Td ta="right" data-testid="budget-planned">
                  {formatEuro(budget.plannedCents)}
                </Table.Td>
                <Table.Td ta="right" data-testid="budget-booked">
                  {formatEuro(budget.bookedCents)}
                </Table.Td>
                <Table.Td ta="right">{formatEuro(budget.invoicedCents)}</Table.Td>
              </Table.Tr>
              {budget.budgetCents !== null ? (
                <>
                  <Table.Tr>
                    <Table.Th scope="row">{t("healthDays.budget.total")}</Table.Th>
                    <Table.Td ta="right" colSpan={3} data-testid="budget-total">
                      {formatEuro(budget.budgetCents)}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">{t("healthDays.budget.remaining")}</Table.Th>
                    <Table.Td ta="right" colSpan={3} c={(budget.remainingCents ?? 0) < 0 ? "red.9" : undefined}>
                      {budget.remainingCents === null ? "–" : formatEuro(budget.remainingCents)}
                    </Table.Td>
                  </Table.Tr>
                </>
              ) : null}
            </Table.Tfoot>
          </Table>
        </ScrollArea>
        <Text size="xs" c="dimmed">
          {t("healthDays.budget.invoicedNote")}
        </Text>
      </Stack>
    </Paper>
  );
}
