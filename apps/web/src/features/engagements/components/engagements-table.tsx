import { taskTemplate } from "@bgm/domain";
import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../../../lib/format";
import { useLocalized } from "../../../lib/use-localized";
import type { EngagementSummaryItem } from "../api/types";
import { EngagementStatusBadge } from "./engagement-status-badge";

interface EngagementsTableProps {
  items: EngagementSummaryItem[];
  /** Which side is looking: a company sees the partner, a provider sees the company. */
  side: "company" | "provider";
  caption: string;
}

export function EngagementsTable({ items, side, caption }: EngagementsTableProps) {
  const { t } = useTranslation();
  const l = useLocalized();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={caption} data-testid="engagements-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("engagements.offering")}</Table.Th>
            <Table.Th>{side === "company" ? t("engagements.partner") : t("engagements.company")}</Table.Th>
            <Table.Th>{t("engagements.status")}</Table.Th>
            <Table.Th>{t("engagements.task")}</Table.Th>
            <Table.Th>{t("engagements.lastActivity")}</Table.Th>
            <Table.Th>{t("engagements.nextAction")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => {
            const task = e.taskKey ? taskTemplate(e.taskKey) : undefined;
            return (
              <Table.Tr key={e.id} data-testid="engagement-row">
                <Table.Td>
                  <Anchor component={Link} to={`/engagements/${e.id}`}>
                    {e.offeringTitle}
                  </Anchor>
                </Table.Td>
                <Table.Td>{side === "company" ? e.providerName : e.companyName}</Table.Td>
                <Table.Td>
                  <EngagementStatusBadge status={e.status} />
                  {e.pendingResults > 0 ? (
                    <Text size="xs" c="orange.9" fw={600} mt={4}>
                      {t("engagements.pendingResults", { count: e.pendingResults })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{task ? l(task.label) : <Text span>{t("offering.none")}</Text>}</Table.Td>
                <Table.Td>{formatDateTime(e.lastActivityAt)}</Table.Td>
                <Table.Td>
                  {e.nextActionBy === null
                    ? t("engagements.nextBy.none")
                    : e.nextActionBy === side
                      ? t("engagements.nextByYou")
                      : t(`engagements.nextBy.${e.nextActionBy}`)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
