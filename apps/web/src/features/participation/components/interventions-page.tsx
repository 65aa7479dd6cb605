import { Anchor, Button, Card, Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadMore } from "../../../components/ui/load-more";
import { LoadingState } from "../../../components/ui/loading-state";
import { PageHeader } from "../../../components/ui/page-header";
import { loadedItems } from "../../../lib/cursor-pages";
import { formatNumber } from "../../../lib/format";
import { type InterventionFilters, useInterventionList } from "../api/interventions";
import type { InterventionSummaryItem } from "../api/types";
import { sessionMoment } from "../format";
import { useCategoryLabel } from "../use-category-label";
import { InterventionStatusBadge } from "./intervention-status-badge";

const STATUSES = ["open", "closed", "cancelled"] as const;

/** The manager's interventions: each with its sessions' totals and the next date, newest first. */
export function InterventionsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<InterventionFilters["status"]>(undefined);
  const list = useInterventionList({ status });
  const items = loadedItems(list.data);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("participation.interventions.title")}
        description={t("participation.interventions.description")}
        actions={
          <>
            <Button variant="default" component={Link} to="/participation/reports">
              {t("participation.interventions.toReports")}
            </Button>
            <Button component={Link} to="/interventions/new">
              {t("participation.interventions.new")}
            </Button>
          </>
        }
      />
      <Group>
        <NativeSelect
          label={t("participation.interventions.filterStatus")}
          value={status ?? ""}
          onChange={(e) => setStatus((e.currentTarget.value || undefined) as InterventionFilters["status"])}
          data={[
            { value: "", label: t("participation.interventions.allStatuses") },
            ...STATUSES.map((s) => ({ value: s, label: t(`participation.status.${s}`) })),
          ]}
        />
      </Group>
      {list.isPending ? <LoadingState /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? (
        <Card withBorder padding="lg" data-testid="interventions-empty">
          <Text>{t("participation.interventions.empty")}</Text>
          <Anchor component={Link} to="/phases/3" mt="sm" display="inline-block">
            {t("participation.interventions.toPlanning")}
          </Anchor>
        </Card>
      ) : null}
      {items.length > 0 ? <InterventionsTable items={items} /> : null}
      <LoadMore query={list} />
    </Stack>
  );
}

function InterventionsTable({ items }: { items: InterventionSummaryItem[] }) {
  const { t } = useTranslation();
  const category = useCategoryLabel();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="interventions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("participation.interventions.columnTitle")}</Table.Th>
            <Table.Th scope="col">{t("participation.interventions.columnCategory")}</Table.Th>
            <Table.Th scope="col">{t("participation.interventions.columnSessions")}</Table.Th>
            <Table.Th scope="col">{t("participation.interventions.columnNext")}</Table.Th>
            <Table.Th scope="col">{t("participation.interventions.columnPlaces")}</Table.Th>
            <Table.Th scope="col">{t("participation.interventions.columnStatus")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id} data-testid="intervention-row">
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/interventions/${i.id}`}>
                  {i.title}
                </Anchor>
                {i.providerName ? (
                  <Text size="xs" c="dimmed">
                    {i.providerName}
                  </Text>
                ) : null}
              </Table.Th>
              <Table.Td>{category(i.category)}</Table.Td>
              <Table.Td>{formatNumber(i.sessionCount)}</Table.Td>
              <Table.Td>{i.nextSessionStartsAt ? sessionMoment(i.nextSessionStartsAt) : t("participation.interventions.noNext")}</Table.Td>
              <Table.Td>
                {t("participation.interventions.placesSummary", {
                  registered: formatNumber(i.counts.registered),
                  waitlisted: formatNumber(i.counts.waitlisted),
                })}
              </Table.Td>
              <Table.Td>
                <InterventionStatusBadge status={i.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
