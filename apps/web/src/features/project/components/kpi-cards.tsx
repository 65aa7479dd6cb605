import { SimpleGrid } from "@mantine/core";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import { useKpis } from "../api/get-kpis";
import { KpiCard } from "./kpi-card";

export function KpiCards() {
  const kpis = useKpis();
  if (kpis.isPending) return <LoadingState />;
  if (kpis.isError) return <ErrorAlert error={kpis.error} onRetry={() => void kpis.refetch()} />;
  // Built-in cards first, custom (e.g. partner statistics) after, as the registry promises.
  const cards = [...kpis.data.cards].sort((a, b) => Number(a.source === "custom") - Number(b.source === "custom"));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {cards.map((card) => (
        <KpiCard key={card.key} card={card} />
      ))}
    </SimpleGrid>
  );
}
