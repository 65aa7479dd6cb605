import { PHASES } from "@bgm/domain";
import { Box, Card, List, Stack, Text, Title } from "@mantine/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { ResultSourceNote } from "../../../components/ui/result-source-note";
import { formatDate, formatNumber } from "../../../lib/format";
import { useLocalized } from "../../../lib/use-localized";
import { useSeen } from "../../../lib/use-seen";
import type { KpiCardItem } from "../api/types";

const KpiTrendChart = lazy(() => import("./kpi-trend-chart"));
/** The chart's height, reserved while the chart loads so nothing below it moves. */
const TREND_HEIGHT = 90;

/** Breakdown rows of the per-phase card name a phase (the API sends the German label); show it in the UI language. */
function usePhaseAwareLabel(): (label: string) => string {
  const l = useLocalized();
  return (label) => {
    const phase = PHASES.find((p) => String(p.number) === label || p.key === label || p.label.de === label || p.label.en === label);
    return phase ? l(phase.label) : label;
  };
}

const ISO_PERIOD = /^(\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})$/;

/** Trend points of partner results are labelled with their period in ISO dates; show them as dates of the UI language. */
export function formatPointLabel(label: string): string {
  const period = ISO_PERIOD.exec(label);
  return period ? `${formatDate(period[1])} – ${formatDate(period[2])}` : label;
}

/**
 * A small line of the card's values over time. To assistive technology it is one image whose label
 * lists every point, so nothing is only visible; recharts' keyboard layer stays off inside the image.
 */
function KpiTrend({ title, trend, unit }: { title: string; trend: KpiCardItem["trend"]; unit: string | null }) {
  const { t } = useTranslation();
  const suffix = unit ? ` ${unit}` : "";
  const points = trend.map((point) => ({ ...point, label: formatPointLabel(point.label) }));
  const values = points.map((point) => `${point.label}: ${formatNumber(point.value)}${suffix}`).join(", ");
  // The chart library and the drawing wait until the card comes near the screen (below the fold on a phone).
  const { ref, seen } = useSeen<HTMLDivElement>();
  return (
    <Box ref={ref} role="img" aria-label={t("kpiTrend.alt", { title, values })} mt="sm" h={TREND_HEIGHT} data-testid="kpi-trend">
      {seen ? (
        <Suspense fallback={null}>
          <KpiTrendChart data={points} seriesLabel={t("kpiTrend.label")} h={TREND_HEIGHT} />
        </Suspense>
      ) : null}
    </Box>
  );
}

export function KpiCard({ card }: { card: KpiCardItem }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const label = usePhaseAwareLabel();
  const { trend, sources } = card;
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
      {card.counts ? (
        <Text size="sm" data-testid="kpi-counts">
          {t("kpiCounts.participation", { attended: formatNumber(card.counts.attended), registered: formatNumber(card.counts.registered) })}
        </Text>
      ) : null}
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
      {trend.length > 1 ? <KpiTrend title={l(card.title)} trend={trend} unit={card.unit} /> : null}
      {sources.length > 0 ? (
        <Stack gap={2} mt="sm" data-testid="kpi-sources">
          {sources.map((source) => (
            <ResultSourceNote key={source.resultId} source={source} />
          ))}
        </Stack>
      ) : null}
    </Card>
  );
}
