import { Anchor, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import { formatDate } from "../../../lib/format";
import { useCopsoqAnalyses } from "../api/get-copsoq-analyses";
import { CopsoqChart } from "./copsoq-chart";
import { CopsoqGroupsTable } from "./copsoq-groups-table";
import { CopsoqHistory } from "./copsoq-history";
import { CopsoqScalesTable } from "./copsoq-scales-table";
import { CopsoqSummary } from "./copsoq-summary";
import { PendingCopsoqNotice } from "./pending-copsoq-notice";

/** Phase 2 "Analyse": the current accepted COPSOQ analysis, or an earlier one the user picks. */
export function CopsoqAnalysisPanel() {
  const { t } = useTranslation();
  const analyses = useCopsoqAnalyses();
  const [selected, setSelected] = useState(0);

  if (analyses.isPending) return <LoadingState />;
  if (analyses.isError) return <ErrorAlert error={analyses.error} onRetry={() => void analyses.refetch()} />;
  const items = analyses.data;
  if (items.length === 0) {
    return (
      <Stack gap="md">
        <PendingCopsoqNotice />
        <Card withBorder padding="lg" data-testid="copsoq-empty">
          <Text fw={600}>{t("analysis.empty")}</Text>
          <Text size="sm" mt={4}>
            {t("analysis.emptyHint")}
          </Text>
          <Group gap="md" mt="sm">
            <Anchor component={Link} to="/marketplace">
              {t("analysis.toMarketplace")}
            </Anchor>
            <Anchor component={Link} to="/engagements">
              {t("analysis.toEngagements")}
            </Anchor>
          </Group>
        </Card>
      </Stack>
    );
  }
  // A refetch may bring fewer items than before; fall back to the current analysis.
  const index = selected < items.length ? selected : 0;
  const { payload, source } = items[index] as (typeof items)[number];

  return (
    <Stack gap="lg" data-testid="copsoq-analysis">
      <PendingCopsoqNotice />
      <section aria-labelledby="copsoq-summary-heading">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={3} fz="h4" id="copsoq-summary-heading">
            {index === 0
              ? t("analysis.currentHeading")
              : t("analysis.earlierHeading", {
                  period: t("analysis.surveyOf", {
                    from: formatDate(payload.surveyPeriod.from),
                    to: formatDate(payload.surveyPeriod.to),
                  }),
                })}
          </Title>
          {index > 0 ? (
            <Button size="xs" variant="default" onClick={() => setSelected(0)}>
              {t("analysis.backToCurrent")}
            </Button>
          ) : null}
        </Group>
        <CopsoqSummary analysis={payload} source={source} />
      </section>
      <section aria-labelledby="copsoq-chart-heading">
        <Title order={3} fz="h4" id="copsoq-chart-heading" mb="sm">
          {t("analysis.chartTitle")}
        </Title>
        <CopsoqChart analysis={payload} />
      </section>
      <section aria-labelledby="copsoq-table-heading">
        <Title order={3} fz="h4" id="copsoq-table-heading" mb="sm">
          {t("analysis.tableTitle")}
        </Title>
        <CopsoqScalesTable analysis={payload} />
      </section>
      <section aria-labelledby="copsoq-groups-heading">
        <Title order={3} fz="h4" id="copsoq-groups-heading" mb="sm">
          {t("analysis.groupsTitle")}
        </Title>
        <CopsoqGroupsTable analysis={payload} />
      </section>
      {items.length > 1 ? <CopsoqHistory items={items} selected={index} onSelect={setSelected} /> : null}
    </Stack>
  );
}
