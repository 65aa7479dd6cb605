import { taskTemplate } from "@bgm/domain";
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Fact } from "../../../components/ui/fact";
import { formatNumber } from "../../../lib/format";
import { formatEuro } from "../../../lib/money";
import { useLocalized } from "../../../lib/use-localized";
import type { EngagementDetail } from "../api/types";

/** What the company asked for, as both sides see it. */
export function EngagementBrief({ engagement, side }: { engagement: EngagementDetail; side: "company" | "provider" }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const { brief } = engagement;
  const task = engagement.taskKey ? taskTemplate(engagement.taskKey) : undefined;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="brief-heading">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="brief-heading">
          {t("engagements.brief")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
          <Fact label={t("engagements.briefWhat")}>{brief.what}</Fact>
          <Fact label={t("engagements.briefWhen")}>{brief.when || t("offering.none")}</Fact>
          <Fact label={t("engagements.briefEmployees")}>
            {brief.employeeCount === null ? t("offering.none") : formatNumber(brief.employeeCount)}
          </Fact>
          <Fact label={t("engagements.briefBudget")}>
            {brief.budgetCents === null ? t("offering.none") : formatEuro(brief.budgetCents)}
          </Fact>
          {task ? (
            <Fact label={t("engagements.linkedTask")}>
              {side === "company" ? (
                <Anchor component={Link} to={`/tasks/${task.key}`}>
                  {l(task.label)}
                </Anchor>
              ) : (
                l(task.label)
              )}
            </Fact>
          ) : null}
          {engagement.progressPercent !== null ? (
            <Fact label={t("engagements.progress")}>{t("engagements.progressValue", { percent: engagement.progressPercent })}</Fact>
          ) : null}
        </SimpleGrid>
        {brief.message ? (
          <div>
            <Text size="sm" c="dimmed">
              {t("engagements.briefMessage")}
            </Text>
            <Text style={{ whiteSpace: "pre-wrap" }}>{brief.message}</Text>
          </div>
        ) : null}
      </Stack>
    </Paper>
  );
}
