import type { CopsoqAnalysis, ResultSource } from "@bgm/domain";
import { SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ResultSourceNote } from "../../../components/ui/result-source-note";
import { formatDate, formatNumber } from "../../../lib/format";

interface CopsoqSummaryProps {
  analysis: CopsoqAnalysis;
  source: ResultSource;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" fw={600} m={0}>
        {value}
      </Text>
    </div>
  );
}

export function CopsoqSummary({ analysis, source }: CopsoqSummaryProps) {
  const { t } = useTranslation();
  const rate = analysis.invitedCount > 0 ? Math.round((analysis.respondingCount / analysis.invitedCount) * 100) : 0;
  return (
    <Stack gap="xs">
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 4 }} m={0}>
        <Fact label={t("analysis.questionnaire")} value={analysis.questionnaireVersion} />
        <Fact
          label={t("analysis.period")}
          value={t("analysis.periodValue", { from: formatDate(analysis.surveyPeriod.from), to: formatDate(analysis.surveyPeriod.to) })}
        />
        <Fact
          label={t("analysis.participation")}
          value={t("analysis.participationValue", {
            invited: formatNumber(analysis.invitedCount),
            responding: formatNumber(analysis.respondingCount),
            rate: formatNumber(rate),
          })}
        />
        <Fact label={t("analysis.occupationGroup")} value={analysis.occupationGroup} />
      </SimpleGrid>
      <ResultSourceNote source={source} />
    </Stack>
  );
}
