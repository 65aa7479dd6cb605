import { BUILTIN_KPI_CARDS, PHASES } from "@bgm/domain";
import { Card, SimpleGrid, Skeleton, Stack, VisuallyHidden } from "@mantine/core";
import { useDeferredValue } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { useKpis } from "../api/get-kpis";
import { KpiCard } from "./kpi-card";

export function KpiCards() {
  const kpis = useKpis();
  // The cards are drawn in a background render React can interrupt (slices of a few ms), not in the one long
  // task of the query's update; the skeleton stays until then (issue 14: blocking time on phones).
  const data = useDeferredValue(kpis.data);
  if (kpis.isError) return <ErrorAlert error={kpis.error} onRetry={() => void kpis.refetch()} />;
  if (!data) return <KpiCardsSkeleton />;
  // Built-in cards first, custom (e.g. partner statistics) after, as the registry promises.
  const cards = [...data.cards].sort((a, b) => Number(a.source === "custom") - Number(b.source === "custom"));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {cards.map((card) => (
        <KpiCard key={card.key} card={card} />
      ))}
    </SimpleGrid>
  );
}

/** The list lines a built-in card is sure to have: the largest lists the tasks done in each phase. */
const skeletonLines = (key: string) => (key === "tasks_done_per_phase" ? PHASES.map((phase) => phase.key) : []);

/**
 * While the cards load: the built-in cards' outline at about their height (title, value, the per-phase
 * list), so the phases below do not jump down when the numbers arrive (CLS on the dashboard).
 */
function KpiCardsSkeleton() {
  const { t } = useTranslation();
  return (
    <>
      <VisuallyHidden role="status">{t("common.loading")}</VisuallyHidden>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-hidden data-testid="kpi-skeleton">
        {BUILTIN_KPI_CARDS.map((card) => (
          <Card key={card.key} withBorder padding="lg">
            <Skeleton h={18} w="60%" mt={3} />
            <Skeleton h={34} w="35%" mt={18} mb={4} />
            {skeletonLines(card.key).map((line, index) => (
              <Stack key={line} gap={0} mt={index === 0 ? "xs" : 2} h={20} justify="center">
                <Skeleton h={12} w="70%" />
              </Stack>
            ))}
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
