import { PHASES } from "@bgm/domain";
import { Card, List, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { KpiCardItem } from "../../../lib/api-types";
import { formatNumber } from "../../../lib/format";
import { useLocalized } from "../../../lib/use-localized";

/** Breakdown rows of the per-phase card name a phase (the API sends the German label); show it in the UI language. */
function usePhaseAwareLabel(): (label: string) => string {
  const l = useLocalized();
  return (label) => {
    const phase = PHASES.find((p) => String(p.number) === label || p.key === label || p.label.de === label || p.label.en === label);
    return phase ? l(phase.label) : label;
  };
}

export function KpiCard({ card }: { card: KpiCardItem }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const label = usePhaseAwareLabel();
  return (
    <Card withBorder padding="lg" data-testid={`kpi-${card.key}`}>
      <Title order={3} fz="md" fw={600}>
        {l(card.title)}
      </Title>
      <Text fz={32} fw={700} mt="xs">
        {card.value === null ? t("dashboard.noValue") : formatNumber(card.value)}
        {card.value !== null && card.unit ? (
          <Text span fz="md" fw={500} ml={6}>
            {card.unit}
          </Text>
        ) : null}
      </Text>
      {card.breakdown.length > 0 ? (
        <List size="sm" mt="xs" spacing={2}>
          {card.breakdown.map((item) => (
            <List.Item key={item.label}>
              {label(item.label)}: {formatNumber(item.value)}
              {item.total !== undefined ? ` / ${formatNumber(item.total)}` : ""}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Card>
  );
}
