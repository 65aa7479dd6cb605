import type { CopsoqAnalysis, ResultSource } from "@bgm/domain";
import { SimpleGrid, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Fact } from "../../../components/ui/fact";
import { ResultSourceNote } from "../../../components/ui/result-source-note";
import { formatDate, formatNumber } from "../../../lib/format";

interface CopsoqSummaryProps {
  analysis: CopsoqAnalysis;
  source: ResultSource;
}

export function CopsoqSummary({ analysis, source }: CopsoqSummaryProps) {
  const { t } = useTranslation();
  const rate = analysis.invitedCount > 0 ? Math.round((analysis.respondingCount / analysis.invitedCount) * 100) : 0;
  return (
    <Stack gap="xs">
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 4 }} m={0}>
        <Fact valueProps={{ fw: 600 }} label={t("analysis.questionnaire")}>
          {analysis.questionnaireVersion}
        </Fact>
        <Fact valueProps={{ fw: 600 }} label={t("analysis.period")}>
          {t("analysis.periodValue", { from: formatDate(analysis.surveyPeriod.from), to: formatDate(analysis.surveyPeriod.to) })}
        </Fact>
        <Fact valueProps={{ fw: 600 }} label={t("analysis.participation")}>
          {t("analysis.participationValue", {
            invited: formatNumber(analysis.invitedCount),
            responding: formatNumber(analysis.respondingCount),
            rate: formatNumber(rate),
          })}
        </Fact>
        <Fact valueProps={{ fw: 600 }} label={t("analysis.occupationGroup")}>
          {analysis.occupationGroup}
        </Fact>
      </SimpleGrid>
      <ResultSourceNote source={source} />
    </Stack>
  );
}
