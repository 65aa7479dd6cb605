import "@mantine/charts/styles.css";
import type { CopsoqAnalysis } from "@bgm/domain";
import { BarChart } from "@mantine/charts";
import { Box, ColorSwatch, Group, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format";

/**
 * Company mean against both references, one bar group per scale. The chart is an image to assistive
 * technology (its label says so and points to the table below, which holds every value); recharts'
 * own keyboard layer is off because a focusable element inside an image would be unreachable noise.
 */
const MARK = { better: "▲", worse: "▼", no_difference: "=" } as const;

export function CopsoqChart({ analysis }: { analysis: CopsoqAnalysis }) {
  const { t } = useTranslation();
  // The partner's better/worse verdicts travel with each scale's label: first against all occupations,
  // then against the occupation group (the legend under the chart says so; the table spells them out).
  const data = analysis.scales.map((s) => ({
    scale: `${s.name} ${MARK[s.reference.allOccupations.comparison]}${MARK[s.reference.occupationGroup.comparison]}`,
    company: s.mean,
    allOccupations: s.reference.allOccupations.mean,
    occupationGroup: s.reference.occupationGroup.mean,
  }));
  // On a phone recharts' legend wraps onto several lines inside its fixed 40 px and overlaps the bars (issue 14,
  // item 9): there the legend is plain HTML above the chart, and the scale names get less room.
  const phone = useMediaQuery("(max-width: 48em)", false, { getInitialValueInEffect: false }) ?? false;
  const series = [
    { name: "company", label: t("analysis.seriesCompany"), color: "blue.8" },
    { name: "allOccupations", label: t("analysis.seriesAll"), color: "gray.6" },
    { name: "occupationGroup", label: `${t("analysis.seriesGroup")}: ${analysis.occupationGroup}`, color: "teal.7" },
  ];
  // Three bars of ~12 px plus spacing per scale keep long scale lists readable without a scrollbar.
  const height = Math.max(260, analysis.scales.length * 56 + 80);
  return (
    <Box
      data-testid="copsoq-chart"
      role="img"
      aria-label={t("analysis.chartAlt", { count: analysis.scales.length, group: analysis.occupationGroup })}
    >
      {phone ? (
        <Group gap="xs" mb="xs" data-testid="copsoq-legend">
          {series.map((item) => (
            <Group key={item.name} gap={6} wrap="nowrap">
              <ColorSwatch color={`var(--mantine-color-${item.color.replace(".", "-")})`} size={12} withShadow={false} />
              <Text size="xs">{item.label}</Text>
            </Group>
          ))}
        </Group>
      ) : null}
      <BarChart
        h={height}
        data={data}
        dataKey="scale"
        orientation="vertical"
        accessibilityLayer={false}
        withLegend={!phone}
        legendProps={{ verticalAlign: "top", height: 40 }}
        series={series}
        xAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100] }}
        yAxisProps={{ width: phone ? 120 : 210 }}
        gridAxis="y"
        // Ticks read "25", tooltips "58,2": up to one decimal, in the UI language.
        valueFormatter={(value) => formatNumber(Math.round(value * 10) / 10)}
        maxBarWidth={14}
      />
      <Text size="xs" c="dimmed" mt="xs">
        {t("analysis.chartMarkers")}
      </Text>
    </Box>
  );
}
