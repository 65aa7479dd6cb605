import { Anchor, Badge, Button, Card, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { lazy, Suspense, useId } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import { isApiError } from "../../../lib/api-client";
import { formatNumber } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { slotIcsUrl, useOpenHealthDays, useSlotRegistration } from "../api/my-health-days";
import type { MyHealthDayItem, MyHealthDaySlotItem, MyHealthDayStation } from "../api/types";
import { healthDayError, localizedError } from "../error-text";
import { formatDays, slotDayAndTime, slotTime } from "../format";

// The tickets (QR codes) come from the check-in feature, which brings its scanner page, signature check and
// offline store along: loaded when a health day is open, not with every start page.
const MyHealthDayTickets = lazy(() => import("../../health-day-checkin").then((module) => ({ default: module.MyHealthDayTickets })));

const HOLDS_PLACE = new Set(["registered", "attended", "no_show"]);

/** One slot: time and room, free places or my place, one click to register or cancel, the .ics for a place held. */
function SlotRow({ day, station, slot }: { day: MyHealthDayItem; station: MyHealthDayStation; slot: MyHealthDaySlotItem }) {
  const { t } = useTranslation();
  const whenId = useId();
  const registration = useSlotRegistration();
  const when = day.startsOn === day.endsOn ? slotTime(slot.startsAt, slot.endsAt) : slotDayAndTime(slot.startsAt, slot.endsAt);
  const mine = slot.mine && slot.mine.status !== "cancelled" ? slot.mine : null;
  const title = station.title;

  function act(action: "register" | "cancel") {
    registration.mutate(
      { dayId: day.id, slotId: slot.id, action },
      {
        onSuccess: (place) => {
          if (action === "cancel") notify({ color: "green", message: t("healthDays.employee.cancelledToast", { title }) });
          else if (place.status === "waitlisted")
            notify({
              color: "orange",
              message: t("healthDays.employee.waitlistedToast", {
                title,
                position: place.waitlistPosition ? formatNumber(place.waitlistPosition) : "–",
              }),
            });
          else notify({ color: "green", message: t("healthDays.employee.registeredToast", { title }) });
        },
        onError: (error) => notify({ color: "red", message: healthDayError(error, t) }),
      },
    );
  }

  const actionLabel = (action: string) => t("healthDays.employee.actionFor", { action, title, when });
  return (
    <Paper component="li" withBorder p="xs" data-testid="health-day-slot" data-slot-id={slot.id}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={2}>
          <Text fw={600} size="sm" id={whenId}>
            {when}
            {slot.location ? ` · ${slot.location}` : ""}
          </Text>
          {mine ? (
            <Badge
              color={mine.status === "waitlisted" ? "orange" : "blue"}
              variant="light"
              tt="none"
              data-testid="my-slot-place"
              data-status={mine.status}
            >
              {mine.status === "waitlisted"
                ? t("healthDays.employee.waitlisted", { position: mine.waitlistPosition ? formatNumber(mine.waitlistPosition) : "–" })
                : t("healthDays.employee.registered")}
            </Badge>
          ) : (
            <Text size="sm" data-testid="slot-free-places">
              {slot.freePlaces > 0
                ? t("healthDays.employee.freePlaces", { count: slot.freePlaces })
                : slot.registrationOpen
                  ? t("healthDays.employee.full")
                  : t("healthDays.employee.fullNoWaitlist")}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {mine && HOLDS_PLACE.has(mine.status) ? (
            <Anchor href={slotIcsUrl(slot.id)} download size="sm" aria-label={t("healthDays.employee.icsFor", { title, when })}>
              {t("healthDays.employee.ics")}
            </Anchor>
          ) : null}
          {mine?.status === "registered" || mine?.status === "waitlisted" ? (
            <Button
              size="xs"
              variant="outline"
              color="red"
              loading={registration.isPending}
              aria-label={actionLabel(
                mine.status === "waitlisted" ? t("healthDays.employee.leaveWaitlist") : t("healthDays.employee.cancel"),
              )}
              onClick={() => act("cancel")}
            >
              {mine.status === "waitlisted" ? t("healthDays.employee.leaveWaitlist") : t("healthDays.employee.cancel")}
            </Button>
          ) : null}
          {!mine && slot.registrationOpen ? (
            <Button
              size="xs"
              loading={registration.isPending}
              aria-label={actionLabel(slot.freePlaces > 0 ? t("healthDays.employee.register") : t("healthDays.employee.joinWaitlist"))}
              onClick={() => act("register")}
            >
              {slot.freePlaces > 0 ? t("healthDays.employee.register") : t("healthDays.employee.joinWaitlist")}
            </Button>
          ) : null}
          {!mine && !slot.registrationOpen ? (
            <Text size="sm" c="dimmed">
              {t("healthDays.employee.closed")}
            </Text>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}

function OpenHealthDayCard({ day }: { day: MyHealthDayItem }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="open-health-day">
      <Stack gap="sm">
        <Title order={3} fz="h4" id={titleId}>
          {day.title} · {formatDays(day.startsOn, day.endsOn)}
        </Title>
        {day.modules.map((m) => (
          <Stack key={m.id} gap={4} data-testid="open-health-day-station">
            <Text fw={600}>
              {m.title}{" "}
              <Text span size="sm" c="dimmed">
                {t("healthDays.employee.provider", { provider: m.providerName })}
              </Text>
            </Text>
            <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: "none" }}>
              {m.slots.map((s) => (
                <SlotRow key={s.id} day={day} station={m} slot={s} />
              ))}
            </Stack>
          </Stack>
        ))}
        <Suspense fallback={null}>
          <MyHealthDayTickets dayId={day.id} dayTitle={day.title} />
        </Suspense>
      </Stack>
    </Card>
  );
}

/**
 * The employee's start page section: health days open for registration, their stations and slots. Shows
 * nothing while none is open, so the start page stays as it was for companies without health days.
 */
export function OpenHealthDays() {
  const { t } = useTranslation();
  const open = useOpenHealthDays();
  // Not in the employee register: the interventions section above already says so.
  if (isApiError(open.error, 403)) return null;
  if (open.data && open.data.length === 0) return null;
  return (
    <section aria-labelledby="open-health-days-heading">
      <Title order={2} fz="h3" id="open-health-days-heading" mb="sm">
        {t("healthDays.employee.title")}
      </Title>
      {open.isPending ? <LoadingState /> : null}
      {open.isError ? <ErrorAlert error={localizedError(open.error, t)} onRetry={() => void open.refetch()} /> : null}
      {open.data ? (
        <Stack gap="md">
          {open.data.map((d) => (
            <OpenHealthDayCard key={d.id} day={d} />
          ))}
        </Stack>
      ) : null}
    </section>
  );
}
