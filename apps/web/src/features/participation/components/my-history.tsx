import { Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format";
import type { MyParticipationItem } from "../api/types";
import { sessionWhen } from "../format";
import { ParticipationStatusBadge } from "./participation-status-badge";

/** The employee's own places, latest session first: registered, waitlisted, attended, cancelled … (a list: it fits a phone). */
export function MyHistory({ items }: { items: MyParticipationItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text>{t("participation.home.noHistory")}</Text>;
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }} data-testid="my-history">
      {items.map((item) => (
        <Paper key={item.sessionId} withBorder p="sm" component="li" data-testid="history-row">
          <Group justify="space-between" align="flex-start" gap="xs">
            <div>
              <Text fw={600}>{item.interventionTitle}</Text>
              <Text size="sm">{sessionWhen(item)}</Text>
              {item.sessionStatus === "cancelled" ? (
                <Text size="sm" c="red.9">
                  {t("participation.session.cancelled")}
                </Text>
              ) : null}
            </div>
            <Stack gap={2} align="flex-end">
              <ParticipationStatusBadge status={item.status} />
              {item.status === "waitlisted" && item.waitlistPosition ? (
                <Text size="xs">{t("participation.session.waitlisted", { position: formatNumber(item.waitlistPosition) })}</Text>
              ) : null}
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
