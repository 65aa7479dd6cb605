import { Badge, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api-client";
import { useMyHealthDayTickets } from "../api/check-in";

/**
 * The employee's tickets for one health day: a QR code per place held (it carries a signed token, no name)
 * and the short code to give at the door when scanning fails. Nothing while the employee holds no place.
 */
export function MyHealthDayTickets({ dayId, dayTitle }: { dayId: string; dayTitle: string }) {
  const { t } = useTranslation();
  const tickets = useMyHealthDayTickets(dayId);
  if (isApiError(tickets.error, 403) || isApiError(tickets.error, 404)) return null;
  const items = tickets.data?.items ?? [];
  if (items.length === 0) return null;
  const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return (
    <Stack gap="xs" data-testid="my-health-day-tickets">
      <Title order={4} fz="h5">
        {t("healthDayCheckIn.tickets.title")}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {items.map((ticket) => (
          <Paper key={ticket.ticketId} withBorder p="sm" data-testid="my-health-day-ticket">
            <Group align="flex-start" wrap="nowrap" gap="sm">
              <Image
                src={ticket.qrUrl}
                w={120}
                h={120}
                alt={t("healthDayCheckIn.tickets.qrAlt", { station: ticket.stationTitle, day: dayTitle })}
              />
              <Stack gap={2}>
                <Text fw={600} size="sm">
                  {ticket.stationTitle}
                </Text>
                <Text size="sm">
                  {time(ticket.startsAt)}–{time(ticket.endsAt)}
                  {ticket.location ? ` · ${ticket.location}` : ""}
                </Text>
                <Text size="sm">
                  {t("healthDayCheckIn.tickets.code")}{" "}
                  <Text span ff="monospace" fw={700} data-testid="ticket-short-code">
                    {ticket.shortCode}
                  </Text>
                </Text>
                {ticket.status === "attended" ? (
                  // A light badge: the theme keeps its text at 4.5:1 (plain green.9 text on white is 4.4:1).
                  <Badge color="green" variant="light" tt="none" data-testid="ticket-used">
                    {t("healthDayCheckIn.tickets.used")}
                  </Badge>
                ) : null}
              </Stack>
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
