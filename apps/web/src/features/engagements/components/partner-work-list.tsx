import type { EngagementStatus } from "@bgm/domain";
import { Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import { formatDateTime } from "../../../lib/format";
import { useLatestEngagementsByStatus } from "../api/get-engagements";

/** The states in which the partner is the one to act (or at work), in the order of the process. */
const GROUPS = ["requested", "revision_requested", "accepted", "in_progress"] as const satisfies readonly EngagementStatus[];

/** Enough to see what is waiting; the inbox has the full list. */
const PER_GROUP = 5;
/** Counted up to one page; beyond it the count shows "100+". */
const COUNT_LIMIT = 100;

/** The partner's start page: new inquiries, revision requests and running work, each a link to the engagement. */
export function PartnerWorkList() {
  const { t } = useTranslation();
  // One query per state: each group is a filtered list, so a busy state cannot push the others off a page.
  const lists = useLatestEngagementsByStatus(GROUPS, COUNT_LIMIT);
  if (lists.some((l) => l.isPending)) return <LoadingState />;
  const failed = lists.find((l) => l.isError);
  if (failed) return <ErrorAlert error={failed.error} onRetry={() => void Promise.all(lists.map((l) => l.refetch()))} />;
  const groups = GROUPS.map((status, i) => {
    const page = lists[i]?.data;
    return { status, items: page?.items ?? [], more: Boolean(page?.nextCursor) };
  }).filter((g) => g.items.length > 0);

  return (
    <section aria-labelledby="partner-work-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4" id="partner-work-heading">
          {t("partner.homeWork")}
        </Title>
        <Anchor component={Link} to="/inbox" size="sm">
          {t("partner.homeWorkMore")}
        </Anchor>
      </Group>
      {groups.length === 0 ? <Text>{t("partner.homeWorkEmpty")}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {groups.map(({ status, items, more }) => (
          <Paper key={status} withBorder p="md" data-testid={`partner-work-${status}`}>
            <Stack gap="xs">
              <Title order={3} fz="h5" id={`partner-work-${status}`}>
                {t(`partner.homeWorkGroups.${status}`)} ({more ? `${items.length}+` : items.length})
              </Title>
              <List size="sm" spacing={4} listStyleType="none" aria-labelledby={`partner-work-${status}`}>
                {items.slice(0, PER_GROUP).map((e) => (
                  <List.Item key={e.id}>
                    <Anchor component={Link} to={`/engagements/${e.id}`}>
                      {t("partner.homeWorkItem", { title: e.offeringTitle, company: e.companyName })}
                    </Anchor>
                    <Text span size="xs" c="dimmed">
                      {" · "}
                      {formatDateTime(e.lastActivityAt)}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
