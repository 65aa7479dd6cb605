import { Badge, Group, Paper, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format";
import { useLiveCheckIns } from "../api/check-in";

/**
 * The live check-in figures of one health day, pushed by the server: per station and slot, people checked
 * in of people holding a place, and the day's duplicate and refused scans. Aggregates only, no names.
 */
export function HealthDayCheckInLivePanel({ healthDayId }: { healthDayId: string }) {
  const { t } = useTranslation();
  const { data, connected } = useLiveCheckIns(healthDayId);
  const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return (
    <Paper withBorder p="md" data-testid="checkin-live">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t("healthDayCheckIn.live.title")}</Title>
          <Badge color={connected ? "green" : "gray"} variant="light" tt="none">
            {connected ? t("healthDayCheckIn.live.connected") : t("healthDayCheckIn.live.disconnected")}
          </Badge>
        </Group>
        {data && (
          <>
            <Text fw={700} size="lg" data-testid="checkin-live-total">
              {t("healthDayCheckIn.live.totals", {
                checkedIn: formatNumber(data.totals.checkedIn),
                registered: formatNumber(data.totals.registered),
              })}
            </Text>
            <Progress
              aria-label={t("healthDayCheckIn.live.title")}
              value={data.totals.registered === 0 ? 0 : (100 * data.totals.checkedIn) / data.totals.registered}
            />
            <Group gap="lg">
              <Text size="sm">{t("healthDayCheckIn.live.duplicates", { count: data.totals.duplicates })}</Text>
              <Text size="sm">{t("healthDayCheckIn.live.refused", { count: data.totals.refused })}</Text>
            </Group>
            {data.stations.length === 0 && <Text c="dimmed">{t("healthDayCheckIn.live.empty")}</Text>}
            {data.stations.map((station) => (
              <Stack key={station.id} gap={4}>
                <Group justify="space-between">
                  <Text fw={600}>{station.title}</Text>
                  <Text>{t("healthDayCheckIn.live.slotCount", { checkedIn: station.checkedIn, registered: station.registered })}</Text>
                </Group>
                <Table>
                  <Table.Tbody>
                    {station.slots.map((slot) => (
                      <Table.Tr key={slot.id}>
                        <Table.Td>
                          {time(slot.startsAt)}–{time(slot.endsAt)}
                        </Table.Td>
                        <Table.Td ta="right">
                          {t("healthDayCheckIn.live.slotCount", { checkedIn: slot.checkedIn, registered: slot.registered })}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}
