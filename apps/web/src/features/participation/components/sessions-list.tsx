import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatNumber } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useCancelSession, useReopenSession } from "../api/sessions";
import type { InterventionDetail, SessionItem } from "../api/types";
import { localizedError } from "../error-text";
import { sessionWhen } from "../format";
import { ConfirmModal } from "./confirm-modal";
import { SessionFormModal } from "./session-form-modal";
import { SessionPlace } from "./session-place";

/** The sessions of an intervention with their counts, and what the manager does with each. */
export function SessionsList({ intervention }: { intervention: InterventionDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<SessionItem | null>(null);
  const [cancelling, setCancelling] = useState<SessionItem | null>(null);
  const cancel = useCancelSession();
  const [reopening, setReopening] = useState<SessionItem | null>(null);
  const reopen = useReopenSession();
  const editable = intervention.status === "open";

  if (intervention.sessions.length === 0) return <Text>{t("participation.detail.noSessions")}</Text>;
  return (
    <>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {intervention.sessions.map((s) => {
          const when = sessionWhen(s);
          return (
            <Paper key={s.id} withBorder p="sm" component="li" data-testid="session" data-session-id={s.id}>
              <Stack gap={6}>
                <Group justify="space-between" gap="xs">
                  <Text fw={600}>{when}</Text>
                  {s.status === "cancelled" ? (
                    <Badge color="red" variant="light" tt="none">
                      {t("participation.session.cancelled")}
                    </Badge>
                  ) : null}
                </Group>
                <SessionPlace location={s.location} onlineUrl={s.onlineUrl} />
                <Text size="sm" data-testid="session-counts">
                  {t("participation.detail.counts", {
                    registered: formatNumber(s.counts.registered),
                    capacity: formatNumber(s.capacity),
                    waitlisted: formatNumber(s.counts.waitlisted),
                  })}
                  {s.waitlistEnabled ? null : ` · ${t("participation.detail.waitlistOff")}`}
                </Text>
                <Text size="sm">
                  {t("participation.detail.attended", { attended: formatNumber(s.counts.attended), noShow: formatNumber(s.counts.noShow) })}
                </Text>
                {s.status === "scheduled" ? (
                  <Group gap="sm">
                    <Button
                      component={Link}
                      to={`/interventions/${intervention.id}/sessions/${s.id}/attendance`}
                      size="sm"
                      aria-label={t("participation.detail.attendanceFor", { when })}
                    >
                      {t("participation.detail.attendance")}
                    </Button>
                    {editable ? (
                      <>
                        <Button
                          variant="default"
                          size="sm"
                          aria-label={t("participation.detail.editSessionFor", { when })}
                          onClick={() => setEditing(s)}
                        >
                          {t("participation.detail.editSession")}
                        </Button>
                        <Button
                          variant="outline"
                          color="red"
                          size="sm"
                          aria-label={t("participation.detail.cancelSessionFor", { when })}
                          onClick={() => {
                            cancel.reset();
                            setCancelling(s);
                          }}
                        >
                          {t("participation.detail.cancelSession")}
                        </Button>
                      </>
                    ) : null}
                  </Group>
                ) : null}
                {/* Called off by mistake: a session still ahead can be taken up again (the API refuses started ones). */}
                {s.status === "cancelled" && editable && Date.parse(s.startsAt) > Date.now() ? (
                  <Group gap="sm">
                    <Button
                      variant="default"
                      size="sm"
                      aria-label={t("participation.detail.reopenSessionFor", { when })}
                      onClick={() => {
                        reopen.reset();
                        setReopening(s);
                      }}
                    >
                      {t("participation.detail.reopenSession")}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
      <SessionFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        interventionId={intervention.id}
        session={editing ?? undefined}
      />
      <ConfirmModal
        opened={cancelling !== null}
        title={t("participation.detail.cancelSession")}
        body={cancelling ? t("participation.detail.cancelSessionConfirm", { when: sessionWhen(cancelling) }) : ""}
        confirmLabel={t("participation.detail.cancelSession")}
        loading={cancel.isPending}
        error={localizedError(cancel.error, t)}
        onClose={() => setCancelling(null)}
        onConfirm={() =>
          cancelling &&
          cancel.mutate(cancelling.id, {
            onSuccess: () => {
              notify({ color: "green", message: t("participation.detail.sessionCancelled") });
              setCancelling(null);
            },
          })
        }
      />
      <ConfirmModal
        opened={reopening !== null}
        title={t("participation.detail.reopenSession")}
        body={reopening ? t("participation.detail.reopenSessionConfirm", { when: sessionWhen(reopening) }) : ""}
        confirmLabel={t("participation.detail.reopenSession")}
        danger={false}
        loading={reopen.isPending}
        error={localizedError(reopen.error, t)}
        onClose={() => setReopening(null)}
        onConfirm={() =>
          reopening &&
          reopen.mutate(reopening.id, {
            onSuccess: () => {
              notify({ color: "green", message: t("participation.detail.sessionReopened") });
              setReopening(null);
            },
          })
        }
      />
    </>
  );
}
