import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import { PageHeader } from "../../../components/ui/page-header";
import { EngagementStatusBadge } from "../../engagements";
import { type PlannerDaySummaryItem, usePlannedDays } from "../api/planner";
import { formatDays } from "../format";
import { HealthDayStatusBadge } from "./badges";

function PlannedDayItem({ item }: { item: PlannerDaySummaryItem }) {
  const { t } = useTranslation();
  const titleId = useId();
  const d = item.healthDay;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="planner-day">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="h4" id={titleId}>
            {item.companyName}
          </Title>
          <EngagementStatusBadge status={item.engagementStatus} />
        </Group>
        {d ? (
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/planner/health-days/${item.engagementId}`} fw={600}>
              {d.title} · {formatDays(d.startsOn, d.endsOn)}
            </Anchor>
            <HealthDayStatusBadge status={d.status} />
          </Group>
        ) : (
          <Text c="dimmed">{t("healthDays.plannerPortal.noDay")}</Text>
        )}
      </Stack>
    </Card>
  );
}

/** The planner's portal: the full-service bookings of its organization and the day each company handed over. */
export function PlannerHealthDaysPage() {
  const { t } = useTranslation();
  const list = usePlannedDays();
  return (
    <Stack gap="lg">
      <PageHeader title={t("healthDays.plannerPortal.title")} description={t("healthDays.plannerPortal.description")} />
      {list.isPending ? <LoadingState /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.length === 0 ? (
        <Card withBorder padding="lg">
          <Text>{t("healthDays.plannerPortal.empty")}</Text>
        </Card>
      ) : null}
      <Stack gap="md">
        {list.data?.map((item) => (
          <PlannedDayItem key={item.engagementId} item={item} />
        ))}
      </Stack>
    </Stack>
  );
}
