import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";

/**
 * The line of a KPI card, in a module of its own: recharts is the largest library of the dashboard, and the
 * card loads it only when a card has a trend to draw (kpi-card.tsx), so the dashboard shows without it.
 */
export default function KpiTrendChart({
  data,
  seriesLabel,
  h,
}: {
  data: { label: string; value: number }[];
  seriesLabel: string;
  h: number;
}) {
  return (
    <LineChart
      h={h}
      data={data}
      dataKey="label"
      series={[{ name: "value", label: seriesLabel, color: "blue.8" }]}
      accessibilityLayer={false}
      withYAxis={false}
      withTooltip={false}
      gridAxis="none"
      curveType="linear"
      xAxisProps={{ interval: "preserveStartEnd" }}
    />
  );
}
