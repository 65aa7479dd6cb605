import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadMore } from "../../../components/ui/load-more";
import { LoadingState } from "../../../components/ui/loading-state";
import { loadedItems } from "../../../lib/cursor-pages";
import { useMe } from "../../auth";
import type { EngagementDetail } from "../../engagements";
import { useResults } from "../api/get-results";
import type { PartnerResultItem } from "../api/types";
import { ResultTypeGroup } from "./result-type-group";
import type { ResultViewer } from "./result-version";
import { UploadResultButton } from "./upload-result-button";

/** Versions per output type, in the order of their newest version (the API lists newest first). */
function groupByType(items: PartnerResultItem[]): PartnerResultItem[][] {
  const groups = new Map<string, PartnerResultItem[]>();
  for (const item of items) groups.set(item.outputType, [...(groups.get(item.outputType) ?? []), item]);
  return [...groups.values()];
}

interface ResultsSectionProps {
  engagement: EngagementDetail;
  side: "company" | "provider";
}

/** The partner's deliverables on an engagement: uploads on one side, decisions on the other. */
export function ResultsSection({ engagement, side }: ResultsSectionProps) {
  const { t } = useTranslation();
  const me = useMe().data;
  const results = useResults(engagement.id);
  const viewer: ResultViewer = side === "provider" ? "provider" : me?.active?.role === "bgm_manager" ? "manager" : "company";
  const groups = groupByType(loadedItems(results.data));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="results-heading">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="h4" id="results-heading">
            {t("results.title")}
          </Title>
          {side === "provider" ? <UploadResultButton engagement={engagement} /> : null}
        </Group>
        {side === "provider" && engagement.status !== "in_progress" ? (
          <Text size="sm" c="dimmed">
            {t("results.uploadHintNotInProgress")}
          </Text>
        ) : null}
        {results.isPending ? <LoadingState /> : null}
        {results.isError ? (
          <ErrorAlert title={t("results.loadError")} error={results.error} onRetry={() => void results.refetch()} />
        ) : null}
        {results.isSuccess && groups.length === 0 ? (
          <Text>{side === "provider" ? t("results.emptyProvider") : t("results.empty")}</Text>
        ) : null}
        {groups.map((versions) => (
          <ResultTypeGroup key={versions[0]?.outputType} versions={versions} viewer={viewer} />
        ))}
        <LoadMore query={results} />
      </Stack>
    </Paper>
  );
}
