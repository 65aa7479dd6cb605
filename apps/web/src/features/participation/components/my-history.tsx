import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format";
import type { MyParticipationItem } from "../api/types";
import { sessionWhen } from "../format";
import { ParticipationStatusBadge } from "./participation-status-badge";

/** The employee's own places, latest first: registered, waitlisted, attended, cancelled … */
export function MyHistory({ items }: { items: MyParticipationItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text>{t("participation.home.noHistory")}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped data-testid="my-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("participation.history.intervention")}</Table.Th>
            <Table.Th scope="col">{t("participation.history.when")}</Table.Th>
            <Table.Th scope="col">{t("participation.history.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.sessionId} data-testid="history-row">
              <Table.Th scope="row" fw={500}>
                {item.interventionTitle}
              </Table.Th>
              <Table.Td>
                {sessionWhen(item)}
                {item.sessionStatus === "cancelled" ? (
                  <Text size="xs" c="red.9">
                    {t("participation.history.sessionCancelled")}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <ParticipationStatusBadge status={item.status} />
                {item.status === "waitlisted" && item.waitlistPosition ? (
                  <Text size="xs">{t("participation.session.waitlisted", { position: formatNumber(item.waitlistPosition) })}</Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
