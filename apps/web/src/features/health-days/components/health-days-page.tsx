import { HEALTH_DAY_STATUS_KEYS, HEALTH_DAY_STATUSES, type HealthDayStatus } from "@bgm/domain";
import { Anchor, Button, Card, Group, NativeSelect, Skeleton, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadMore } from "../../../components/ui/load-more";
import { LoadingState } from "../../../components/ui/loading-state";
import { PageHeader } from "../../../components/ui/page-header";
import { loadedItems } from "../../../lib/cursor-pages";
import { useLocalized } from "../../../lib/use-localized";
import { useHealthDay, useHealthDayList } from "../api/health-days";
import type { HealthDaySummaryItem } from "../api/types";
import { formatDays } from "../format";
import { HealthDayCard } from "./health-day-card";
import { HealthDayFormModal } from "./health-day-form-modal";

/**
 * One day of the list as the brief's card. The list answers summaries; the card's stations, ✓/⏳ and
 * counter come with the day itself (the same query the day's page uses, so opening it is instant).
 */
function HealthDayListItem({ summary }: { summary: HealthDaySummaryItem }) {
  const day = useHealthDay(summary.id);
  if (day.data) return <HealthDayCard day={day.data} linked />;
  return (
    <Card withBorder padding="md" data-testid="health-day-card">
      <Anchor component={Link} to={`/health-days/${summary.id}`} fw={600}>
        {summary.title} · {formatDays(summary.startsOn, summary.endsOn)}
      </Anchor>
      {day.isError ? <ErrorAlert error={day.error} onRetry={() => void day.refetch()} /> : <Skeleton height={48} mt="sm" />}
    </Card>
  );
}

/** The manager's health days: each as the brief's card, and "Neuer Gesundheitstag". */
export function HealthDaysPage() {
  const { t } = useTranslation();
  const l = useLocalized();
  const [status, setStatus] = useState<HealthDayStatus | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const list = useHealthDayList({ status });
  const items = loadedItems(list.data);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("healthDays.list.title")}
        description={t("healthDays.list.description")}
        actions={<Button onClick={() => setCreating(true)}>{t("healthDays.list.new")}</Button>}
      />
      <Group>
        <NativeSelect
          label={t("healthDays.list.filterStatus")}
          value={status ?? ""}
          onChange={(e) => setStatus((e.currentTarget.value || undefined) as HealthDayStatus | undefined)}
          data={[
            { value: "", label: t("healthDays.list.allStatuses") },
            ...HEALTH_DAY_STATUS_KEYS.map((s) => ({
              value: s,
              label: l(HEALTH_DAY_STATUSES.find((x) => x.key === s)?.label ?? { de: s, en: s }),
            })),
          ]}
        />
      </Group>
      {list.isPending ? <LoadingState /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? (
        <Card withBorder padding="lg" data-testid="health-days-empty">
          <Text>{t("healthDays.list.empty")}</Text>
        </Card>
      ) : null}
      <Stack gap="md">
        {items.map((d) => (
          <HealthDayListItem key={d.id} summary={d} />
        ))}
      </Stack>
      <LoadMore query={list} />
      <HealthDayFormModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
