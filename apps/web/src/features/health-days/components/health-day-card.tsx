import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatNumber } from "../../../lib/format";
import { formatEuro } from "../../../lib/money";
import type { HealthDayDetail } from "../api/types";
import { formatDays, slotTime } from "../format";
import { BookingBadge, HealthDayStatusBadge } from "./badges";

type CardSlot = Pick<HealthDayDetail["modules"][number]["slots"][number], "status" | "startsAt" | "endsAt">;
type CardStation = Pick<HealthDayDetail["modules"][number], "id" | "title" | "providerName" | "bookingStatus"> & {
  slots: readonly CardSlot[];
};
/** A day as the card needs it: the manager's day or its planner's (ADR 0015). */
type CardDay = Pick<HealthDayDetail, "id" | "title" | "startsOn" | "endsOn" | "budgetCents" | "status" | "card"> & {
  modules: readonly CardStation[];
};

/** The first scheduled slot of a station, for "09:00–09:45 Rückenscreening". */
function firstSlot(station: CardStation) {
  return station.slots
    .filter((s) => s.status === "scheduled")
    .reduce<CardSlot | null>((min, s) => (min && Date.parse(min.startsAt) <= Date.parse(s.startsAt) ? min : s), null);
}

/** "Anmeldungen: 87/120 (72 %)", from the API's count (people, not places), in the UI language. */
export function RegistrationsLine({ card }: { card: HealthDayDetail["card"] }) {
  const { t } = useTranslation();
  const r = card.registrations;
  const values = { people: formatNumber(r.people), of: formatNumber(r.of), percent: r.percent === null ? "" : formatNumber(r.percent) };
  return (
    <Text fw={600} data-testid="health-day-registrations">
      {r.percent === null ? t("healthDays.card.registrations", values) : t("healthDays.card.registrationsPercent", values)}
    </Text>
  );
}

/**
 * The brief's card: "Fit for Work · 15. März 2027 · Budget 5.000 €", the stations with time, provider and
 * ✓/⏳, "Anmeldungen: 87/120 (72 %)" and the status. `linked`: the title leads to the day's page.
 */
export function HealthDayCard({ day, linked = false }: { day: CardDay; linked?: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  const headline = [
    day.title,
    formatDays(day.startsOn, day.endsOn),
    ...(day.budgetCents === null ? [] : [`Budget ${formatEuro(day.budgetCents)}`]),
  ];
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="health-day-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={2} fz="h4" id={titleId}>
            {linked ? (
              <Anchor component={Link} to={`/health-days/${day.id}`} inherit>
                {headline.join(" · ")}
              </Anchor>
            ) : (
              headline.join(" · ")
            )}
          </Title>
          <HealthDayStatusBadge status={day.status} />
        </Group>
        {day.modules.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("healthDays.list.noStations")}
          </Text>
        ) : (
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {day.modules.map((m) => {
              const first = firstSlot(m);
              return (
                <Group component="li" key={m.id} gap="xs" wrap="wrap" data-testid="health-day-station">
                  <Text size="sm" fw={500} miw="6.5rem" ff="monospace">
                    {first ? slotTime(first.startsAt, first.endsAt) : "–"}
                  </Text>
                  <Text size="sm">
                    {m.title} ({m.providerName})
                  </Text>
                  <BookingBadge status={m.bookingStatus} />
                </Group>
              );
            })}
          </Stack>
        )}
        <RegistrationsLine card={day.card} />
      </Stack>
    </Card>
  );
}
