import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { Fact } from "../../../components/ui/fact";
import { LoadingState } from "../../../components/ui/loading-state";
import { NotFound } from "../../../components/ui/not-found";
import { PageHeader } from "../../../components/ui/page-header";
import { isApiError } from "../../../lib/api-client";
import { formatNumber } from "../../../lib/format";
import { formatEuro } from "../../../lib/money";
import { HealthDayCheckInLivePanel } from "../../health-day-checkin";
import { consolidatedReportPdfUrl } from "../api/feedback";
import { useHealthDay } from "../api/health-days";
import type { HealthDayDetail } from "../api/types";
import { formatDays, slotTime } from "../format";
import { ApprovalBadges } from "./approval-badges";
import { BookingBadge, HealthDayStatusBadge } from "./badges";
import { BudgetTracker } from "./budget-tracker";
import { RegistrationsLine } from "./health-day-card";
import { HealthDayFormModal } from "./health-day-form-modal";
import { InvitationsPanel } from "./invitations-panel";
import { ModuleCatalog } from "./module-catalog";
import { PlannerPanel } from "./planner-panel";
import { ReportPanel } from "./report-panel";
import { Timeline } from "./timeline";
import { TransitionButtons } from "./transition-buttons";

/** One health day: status and next steps, facts, stations, budget, the timeline per room and the catalog. */
export function HealthDayDetailPage() {
  const { id = "" } = useParams();
  const day = useHealthDay(id);
  if (day.isPending) return <LoadingState />;
  if (day.isError) {
    if ([400, 403, 404].some((status) => isApiError(day.error, status))) return <NotFound />;
    return <ErrorAlert error={day.error} onRetry={() => void day.refetch()} />;
  }
  return <HealthDayView day={day.data} />;
}

function Stations({ day }: { day: HealthDayDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="health-day-stations-heading">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="health-day-stations-heading">
          {t("healthDays.detail.stations")}
        </Title>
        {day.modules.length === 0 ? <Text c="dimmed">{t("healthDays.detail.noStations")}</Text> : null}
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
          {day.modules.map((m) => {
            const times = m.slots.filter((s) => s.status === "scheduled").map((s) => slotTime(s.startsAt, s.endsAt));
            return (
              <Paper component="li" key={m.id} withBorder p="sm" data-testid="station">
                <Stack gap={4}>
                  <Group gap="xs" wrap="wrap" justify="space-between">
                    <Text fw={600}>
                      {m.title} ({m.providerName})
                    </Text>
                    <Group gap={4}>
                      <ApprovalBadges station={m} />
                      <BookingBadge status={m.bookingStatus} />
                    </Group>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {[m.location || null, times.join(", ") || null, t("healthDays.detail.costPlanned", { amount: formatEuro(m.costCents) })]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                  {m.notes ? <Text size="sm">{m.notes}</Text> : null}
                  {m.engagementId ? (
                    <Anchor
                      component={Link}
                      to={`/engagements/${m.engagementId}`}
                      size="sm"
                      aria-label={t("healthDays.detail.engagementFor", { title: m.title })}
                    >
                      {t("healthDays.detail.engagement")}
                    </Anchor>
                  ) : null}
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** When scanning at the door makes sense (the day is near or running), and when the live figures do. */
const CHECK_IN_STATUSES = new Set(["registration_open", "live"]);
const LIVE_STATUSES = new Set(["live", "done"]);

function HealthDayView({ day }: { day: HealthDayDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editable = day.allowedActions.length > 0;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/health-days" size="sm">
        ← {t("healthDays.detail.back")}
      </Anchor>
      <PageHeader
        title={day.title}
        description={[
          formatDays(day.startsOn, day.endsOn),
          ...(day.budgetCents === null ? [] : [`Budget ${formatEuro(day.budgetCents)}`]),
        ].join(" · ")}
        actions={
          editable ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t("healthDays.detail.edit")}
            </Button>
          ) : null
        }
      />
      <Paper withBorder p="md" component="section" aria-labelledby="health-day-status-heading">
        <Stack gap="sm">
          <Group gap="sm">
            <Title order={2} fz="h4" id="health-day-status-heading">
              {t("healthDays.detail.status")}
            </Title>
            <HealthDayStatusBadge status={day.status} />
          </Group>
          <RegistrationsLine card={day.card} />
          <TransitionButtons day={day} />
          <Group gap="sm">
            {CHECK_IN_STATUSES.has(day.status) ? (
              <Button component={Link} to={`/health-days/${day.id}/check-in`} variant="light">
                {t("healthDays.detail.openCheckIn")}
              </Button>
            ) : null}
            {day.planner ? (
              <Button
                component="a"
                href={consolidatedReportPdfUrl(day.id)}
                download
                variant="default"
                data-testid="health-day-consolidated-pdf"
              >
                {t("healthDays.reports.consolidatedPdf")}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Paper>
      {day.status === "registration_open" ? <InvitationsPanel day={day} /> : null}
      {LIVE_STATUSES.has(day.status) ? <HealthDayCheckInLivePanel healthDayId={day.id} /> : null}
      {LIVE_STATUSES.has(day.status) ? <ReportPanel day={day} /> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" m={0}>
        <Fact label={t("healthDays.detail.date")}>{formatDays(day.startsOn, day.endsOn)}</Fact>
        <Fact label={t("healthDays.detail.locations")}>
          {day.locations.length > 0 ? day.locations.join(", ") : t("healthDays.detail.noLocations")}
        </Fact>
        <Fact label={t("healthDays.detail.headcount")}>{day.expectedHeadcount === null ? "–" : formatNumber(day.expectedHeadcount)}</Fact>
        <Fact label={t("healthDays.detail.responsible")}>{day.responsibleName ?? t("healthDays.detail.nobody")}</Fact>
        <Fact label={t("healthDays.detail.mode")}>{t(`healthDays.mode.${day.mode}`)}</Fact>
      </SimpleGrid>
      <PlannerPanel day={day} />
      <Stations day={day} />
      <BudgetTracker budget={day.budget} />
      <Timeline day={day} />
      <ModuleCatalog day={day} />
      <HealthDayFormModal opened={editing} onClose={() => setEditing(false)} day={day} />
    </Stack>
  );
}
