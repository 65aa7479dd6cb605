import { Button, Checkbox, Group, Paper, Radio, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { notify } from "../../../lib/notify";
import { type InvitationAudience, type InvitationResult, useAudienceGroups, useInviteToHealthDay } from "../api/invitations";
import type { HealthDayDetail } from "../api/types";
import { localizedError } from "../error-text";

type Mode = "all" | "some";

/**
 * Invitations by mail while registration is open: everyone active in the register, or some departments
 * and/or work locations (both narrow). Inviting again is allowed — a reminder round or a wider audience —
 * and the answer says how many got it before, so Petra sees what she is doing.
 */
export function InvitationsPanel({ day }: { day: HealthDayDetail }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>("all");
  const [departments, setDepartments] = useState<string[]>([]);
  const [locations, setLocations] = useState<string[]>([]);
  const [last, setLast] = useState<InvitationResult | null>(null);
  const groups = useAudienceGroups();
  const invite = useInviteToHealthDay(day.id);

  const audience: InvitationAudience | null =
    mode === "all"
      ? "all"
      : departments.length + locations.length > 0
        ? { ...(departments.length ? { departments } : {}), ...(locations.length ? { locations } : {}) }
        : null;

  function send() {
    if (!audience) return;
    invite.mutate(audience, {
      onSuccess: (result) => {
        setLast(result);
        notify({ color: "green", message: t("healthDays.invitations.sent", { count: result.invited }) });
      },
    });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="health-day-invitations-heading">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="health-day-invitations-heading">
          {t("healthDays.invitations.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("healthDays.invitations.description")}
        </Text>
        <Radio.Group value={mode} onChange={(v) => setMode(v as Mode)} label={t("healthDays.invitations.audience")}>
          <Stack gap="xs" mt="xs">
            <Radio
              value="all"
              label={
                groups.data ? t("healthDays.invitations.everyoneCount", { count: groups.data.total }) : t("healthDays.invitations.everyone")
              }
            />
            <Radio value="some" label={t("healthDays.invitations.some")} />
          </Stack>
        </Radio.Group>
        {mode === "some" ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Checkbox.Group value={departments} onChange={setDepartments} label={t("healthDays.invitations.departments")}>
              <Stack gap={6} mt="xs">
                {(groups.data?.departments ?? []).map((d) => (
                  <Checkbox key={d.name} value={d.name} label={`${d.name} (${d.count})`} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Checkbox.Group value={locations} onChange={setLocations} label={t("healthDays.invitations.locations")}>
              <Stack gap={6} mt="xs">
                {(groups.data?.locations ?? []).length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t("healthDays.invitations.noLocations")}
                  </Text>
                ) : (
                  (groups.data?.locations ?? []).map((l) => <Checkbox key={l.name} value={l.name} label={`${l.name} (${l.count})`} />)
                )}
              </Stack>
            </Checkbox.Group>
          </SimpleGrid>
        ) : null}
        {invite.error ? <ErrorAlert error={localizedError(invite.error, t)} /> : null}
        <Group gap="sm">
          <Button onClick={send} loading={invite.isPending} disabled={!audience}>
            {t("healthDays.invitations.send")}
          </Button>
          {mode === "some" && !audience ? (
            <Text size="sm" c="dimmed">
              {t("healthDays.invitations.chooseSome")}
            </Text>
          ) : null}
        </Group>
        {last ? (
          <Text data-testid="invitation-result" role="status">
            {t("healthDays.invitations.result", { count: last.invited, before: last.invitedBefore, total: last.invitedTotal })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
