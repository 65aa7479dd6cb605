import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ResultSourceNote } from "../../../components/ui/result-source-note";
import { formatDate } from "../../../lib/format";
import type { CopsoqAnalysisItem } from "../api/types";

interface CopsoqHistoryProps {
  items: CopsoqAnalysisItem[];
  selected: number;
  onSelect: (index: number) => void;
}

/** Every accepted analysis, newest first; the first is the current one, the others can be shown for comparison. */
export function CopsoqHistory({ items, selected, onSelect }: CopsoqHistoryProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="copsoq-history-heading" data-testid="copsoq-history">
      <Title order={3} fz="h4" id="copsoq-history-heading">
        {t("analysis.history")}
      </Title>
      <Text size="sm" mb="sm">
        {t("analysis.historyIntro")}
      </Text>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {items.map((item, index) => {
          const period = t("analysis.surveyOf", {
            from: formatDate(item.payload.surveyPeriod.from),
            to: formatDate(item.payload.surveyPeriod.to),
          });
          const isShown = index === selected;
          return (
            <Card
              component="li"
              key={item.source.resultId}
              withBorder
              padding="sm"
              bg={isShown ? "var(--mantine-color-blue-light)" : undefined}
            >
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={600}>{period}</Text>
                    {index === 0 ? (
                      <Badge variant="light" tt="none">
                        {t("analysis.current")}
                      </Badge>
                    ) : null}
                  </Group>
                  <ResultSourceNote source={item.source} />
                </Stack>
                {isShown ? (
                  <Text size="sm" fw={600} aria-current="true">
                    {t("analysis.shown")}
                  </Text>
                ) : (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t("analysis.showNamed", {
                      version: item.source.version,
                      date: formatDate(item.source.acceptedAt ?? item.source.submittedAt),
                    })}
                    onClick={() => onSelect(index)}
                  >
                    {t("analysis.show")}
                  </Button>
                )}
              </Group>
            </Card>
          );
        })}
      </Stack>
    </section>
  );
}
