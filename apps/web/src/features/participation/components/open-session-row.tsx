import { Anchor, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { sessionIcsUrl, useRegistration } from "../api/registration";
import type { OpenSessionItem } from "../api/types";
import { participationError } from "../error-text";
import { sessionMoment, sessionWhen } from "../format";
import { ParticipationStatusBadge } from "./participation-status-badge";
import { SessionPlace } from "./session-place";

const HOLDS_PLACE = new Set(["registered", "attended", "no_show"]);

/** One session on the employee's start page: when and where, free places, and the one-click action. */
export function OpenSessionRow({ session, title }: { session: OpenSessionItem; title: string }) {
  const { t } = useTranslation();
  const whenId = useId();
  const registration = useRegistration();
  const when = sessionWhen(session);
  const mine = session.mine && session.mine.status !== "cancelled" ? session.mine : null;
  const pending = registration.isPending;

  function act(action: "register" | "cancel") {
    registration.mutate(
      { sessionId: session.id, action },
      {
        onSuccess: (place) => {
          if (action === "cancel") notify({ color: "green", message: t("participation.session.cancelledToast", { title }) });
          else if (place.status === "waitlisted")
            notify({
              color: "orange",
              message: t("participation.session.waitlistedToast", {
                title,
                position: place.waitlistPosition ? formatNumber(place.waitlistPosition) : "–",
              }),
            });
          else notify({ color: "green", message: t("participation.session.registeredToast", { title }) });
        },
        onError: (error) => notify({ color: "red", message: participationError(error, t) }),
      },
    );
  }

  return (
    <Paper withBorder p="sm" component="li" data-testid="open-session" data-session-id={session.id}>
      <Stack gap={6}>
        <Text fw={600} id={whenId}>
          {when}
        </Text>
        <SessionPlace location={session.location} onlineUrl={session.onlineUrl} />
        {session.status === "cancelled" ? (
          <Text size="sm" c="red.9">
            {t("participation.session.cancelled")}
          </Text>
        ) : (
          <>
            {mine ? (
              <Group gap="xs" data-testid="my-place">
                <ParticipationStatusBadge status={mine.status} />
                {mine.status === "waitlisted" ? (
                  <Text size="sm" fw={500}>
                    {mine.waitlistPosition
                      ? t("participation.session.waitlisted", { position: formatNumber(mine.waitlistPosition) })
                      : t("participation.session.waitlistedNoPosition")}
                  </Text>
                ) : null}
              </Group>
            ) : (
              <Text size="sm" data-testid="free-places">
                {session.freePlaces > 0
                  ? t("participation.session.freePlaces", { count: session.freePlaces })
                  : session.waitlistEnabled
                    ? t("participation.session.fullWithWaitlist")
                    : t("participation.session.full")}
                {session.registrationDeadline && session.registrationOpen
                  ? ` · ${t("participation.session.deadline", { date: sessionMoment(session.registrationDeadline) })}`
                  : null}
              </Text>
            )}
            <Group gap="sm">
              {mine && HOLDS_PLACE.has(mine.status) ? (
                <Anchor href={sessionIcsUrl(session.id)} download aria-label={t("participation.session.icsFor", { title, when })} size="sm">
                  {t("participation.session.ics")}
                </Anchor>
              ) : null}
              {mine?.status === "registered" ? (
                <Button variant="outline" color="red" size="sm" loading={pending} aria-describedby={whenId} onClick={() => act("cancel")}>
                  {t("participation.session.cancelPlace")}
                </Button>
              ) : null}
              {mine?.status === "waitlisted" ? (
                <Button variant="outline" color="red" size="sm" loading={pending} aria-describedby={whenId} onClick={() => act("cancel")}>
                  {t("participation.session.leaveWaitlist")}
                </Button>
              ) : null}
              {!mine && session.registrationOpen && (session.freePlaces > 0 || session.waitlistEnabled) ? (
                <Button size="sm" loading={pending} aria-describedby={whenId} onClick={() => act("register")}>
                  {session.freePlaces > 0 ? t("participation.session.register") : t("participation.session.joinWaitlist")}
                </Button>
              ) : null}
              {!mine && !session.registrationOpen ? (
                <Text size="sm" c="dimmed">
                  {t("participation.session.registrationClosed")}
                </Text>
              ) : null}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
