import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { Fact } from "../../../components/ui/fact";
import { FormModal, ModalForm } from "../../../components/ui/form-modal";
import { LoadingState } from "../../../components/ui/loading-state";
import { MoneyInput } from "../../../components/ui/money-input";
import { formatDateTime } from "../../../lib/format";
import { eurosToCents, formatEuro } from "../../../lib/money";
import { notify } from "../../../lib/notify";
import { EngagementStatusBadge } from "../../engagements";
import { useApprovePlan, useDecideModule, useFullServiceCandidates, useSetPlanner } from "../api/planner";
import type { HealthDayDetail, HealthDayModuleItem } from "../api/types";
import { healthDayError, localizedError } from "../error-text";
import { fullServiceBookings } from "../planner-view";
import { ApprovalBadges } from "./approval-badges";

/**
 * Full-service mode, the company's side (ADR 0015): hand the day to a running full-service booking with an
 * approval limit; then the planner's state, "Plan und Budget freigeben", and each of its stations to decide.
 */
export function PlannerPanel({ day }: { day: HealthDayDetail }) {
  const { t } = useTranslation();
  // Held here, not in the form: the form gives way to the planner's state as soon as the day comes back.
  const set = useSetPlanner(day.id);
  if (day.mode !== "full_service") return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="health-day-planner-heading" data-testid="planner-panel">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="health-day-planner-heading">
          {t("healthDays.plannerPanel.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("healthDays.plannerPanel.intro")}
        </Text>
        {day.planner ? <PlannerState day={day} planner={day.planner} /> : <HandOverForm day={day} set={set} />}
      </Stack>
    </Paper>
  );
}

function HandOverForm({ day, set }: { day: HealthDayDetail; set: ReturnType<typeof useSetPlanner> }) {
  const { t } = useTranslation();
  const editable = day.allowedActions.length > 0;
  const candidates = useFullServiceCandidates(editable);
  const [engagementId, setEngagementId] = useState("");
  const [limitEuros, setLimitEuros] = useState<number | null>(null);
  if (!editable) return null;
  if (candidates.isPending) return <LoadingState />;
  if (candidates.isError) return <ErrorAlert error={candidates.error} onRetry={() => void candidates.refetch()} />;
  const bookings = fullServiceBookings(candidates.data.engagements, candidates.data.offeringIds);
  if (bookings.length === 0) return <Text data-testid="planner-no-bookings">{t("healthDays.plannerPanel.noBookings")}</Text>;
  const chosen = engagementId || (bookings[0]?.id ?? "");

  function submit(e: React.FormEvent) {
    e.preventDefault();
    set.mutate(
      { engagementId: chosen, approvalLimitCents: limitEuros === null ? null : eurosToCents(limitEuros) },
      {
        onSuccess: (changed) =>
          notify({ color: "green", message: t("healthDays.plannerPanel.handedOver", { name: changed.planner?.name ?? "" }) }),
      },
    );
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("healthDays.plannerPanel.booking")}
            value={chosen}
            onChange={(e) => setEngagementId(e.currentTarget.value)}
            data={bookings.map((b) => ({ value: b.id, label: `${b.providerName} – ${b.offeringTitle}` }))}
          />
          <MoneyInput
            label={t("healthDays.plannerPanel.limit")}
            description={t("healthDays.plannerPanel.limitHint")}
            value={limitEuros}
            onChange={setLimitEuros}
            min={0}
          />
        </SimpleGrid>
        {set.error ? <ErrorAlert error={localizedError(set.error, t)} /> : null}
        <Group>
          <Button type="submit" loading={set.isPending}>
            {t("healthDays.plannerPanel.handOver")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PlannerState({ day, planner }: { day: HealthDayDetail; planner: NonNullable<HealthDayDetail["planner"]> }) {
  const { t } = useTranslation();
  const approve = useApprovePlan(day.id);
  const [rejecting, setRejecting] = useState<HealthDayModuleItem | null>(null);
  const editable = day.allowedActions.length > 0;
  const plannerStations = day.modules.filter((m) => m.addedByPlanner || m.approval !== "not_required");
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} component="dl" m={0}>
        <Fact label={t("healthDays.plannerPanel.planner")}>{planner.name}</Fact>
        <Fact label={t("healthDays.plannerPanel.bookingStatus")}>
          <EngagementStatusBadge status={planner.engagementStatus} />
        </Fact>
        <Fact label={t("healthDays.plannerPanel.limit")}>
          {planner.approvalLimitCents === null ? t("healthDays.plannerPanel.noLimit") : formatEuro(planner.approvalLimitCents)}
        </Fact>
        <Fact label={t("healthDays.plannerPanel.approvals")}>
          <span data-testid="planner-pending">{t("healthDays.plannerPanel.pending", { count: planner.pendingApprovals })}</span>
        </Fact>
      </SimpleGrid>
      <Text size="sm" data-testid="planner-plan-approved">
        {planner.planApprovedAt
          ? t("healthDays.plannerPanel.planApprovedAt", { date: formatDateTime(planner.planApprovedAt) })
          : t("healthDays.plannerPanel.planNotApproved")}
      </Text>
      {editable ? (
        <Group>
          <Button
            loading={approve.isPending}
            onClick={() =>
              approve.mutate(undefined, {
                onSuccess: () => notify({ color: "green", message: t("healthDays.plannerPanel.planApprovedToast") }),
                onError: (error) => notify({ color: "red", message: healthDayError(error, t) }),
              })
            }
          >
            {t("healthDays.plannerPanel.approvePlan")}
          </Button>
        </Group>
      ) : null}
      <Title order={3} fz="h5">
        {t("healthDays.plannerPanel.stations")}
      </Title>
      {plannerStations.length === 0 ? <Text c="dimmed">{t("healthDays.plannerPanel.noPlannerStations")}</Text> : null}
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
        {plannerStations.map((m) => (
          <PlannerStationRow key={m.id} day={day} station={m} editable={editable} onReject={() => setRejecting(m)} />
        ))}
      </Stack>
      <FormModal
        opened={rejecting !== null}
        onClose={() => setRejecting(null)}
        title={t("healthDays.plannerPanel.rejectTitle", { title: rejecting?.title ?? "" })}
      >
        {rejecting ? <RejectForm day={day} station={rejecting} onClose={() => setRejecting(null)} /> : null}
      </FormModal>
    </Stack>
  );
}

function PlannerStationRow({
  day,
  station,
  editable,
  onReject,
}: {
  day: HealthDayDetail;
  station: HealthDayModuleItem;
  editable: boolean;
  onReject: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideModule(day.id);
  return (
    <Paper component="li" withBorder p="sm" data-testid="planner-station">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Text fw={600}>
            {station.title} ({station.providerName})
          </Text>
          <Text size="sm" c="dimmed">
            {t("healthDays.detail.costPlanned", { amount: formatEuro(station.costCents) })}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap">
          <ApprovalBadges station={station} />
          {editable && station.approval === "pending" ? (
            <>
              <Button
                size="xs"
                loading={decide.isPending}
                aria-label={t("healthDays.plannerPanel.approveFor", { title: station.title })}
                onClick={() =>
                  decide.mutate(
                    { moduleId: station.id, input: { decision: "approve" } },
                    {
                      onSuccess: () =>
                        notify({ color: "green", message: t("healthDays.plannerPanel.approvedToast", { title: station.title }) }),
                      onError: (error) => notify({ color: "red", message: healthDayError(error, t) }),
                    },
                  )
                }
              >
                {t("healthDays.plannerPanel.approve")}
              </Button>
              <Button
                size="xs"
                variant="outline"
                color="red"
                aria-label={t("healthDays.plannerPanel.rejectFor", { title: station.title })}
                onClick={onReject}
              >
                {t("healthDays.plannerPanel.reject")}
              </Button>
            </>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}

function RejectForm({ day, station, onClose }: { day: HealthDayDetail; station: HealthDayModuleItem; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useDecideModule(day.id);
  const [message, setMessage] = useState("");
  return (
    <ModalForm
      onSubmit={() =>
        decide.mutate(
          { moduleId: station.id, input: { decision: "reject", message: message.trim() } },
          {
            onSuccess: () => {
              notify({ color: "green", message: t("healthDays.plannerPanel.rejectedToast", { title: station.title }) });
              onClose();
            },
          },
        )
      }
      onCancel={onClose}
      submitLabel={t("healthDays.plannerPanel.reject")}
      submitColor="red"
      pending={decide.isPending}
      error={localizedError(decide.error, t)}
    >
      <Text size="sm">{t("healthDays.plannerPanel.rejectBody")}</Text>
      <Textarea
        label={t("healthDays.plannerPanel.rejectMessage")}
        data-autofocus
        autosize
        minRows={2}
        maxLength={5000}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
      />
    </ModalForm>
  );
}
