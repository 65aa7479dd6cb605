import type { Goal } from "@bgm/domain";
import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { Fact } from "../../../components/ui/fact";
import { ResultSourceNote } from "../../../components/ui/result-source-note";
import { formatEuro } from "../../../lib/money";
import { notify } from "../../../lib/notify";
import { useAdoptIntervention } from "../api/adopt-intervention";
import { useDismissIntervention } from "../api/dismiss-intervention";
import type { PlannedInterventionItem } from "../api/types";
import { useCategoryLabel } from "./use-category-label";

interface ProposalCardProps {
  intervention: PlannedInterventionItem;
  goals: Goal[];
}

export function ProposalCard({ intervention: item, goals }: ProposalCardProps) {
  const { t } = useTranslation();
  const category = useCategoryLabel();
  const adopt = useAdoptIntervention();
  const dismiss = useDismissIntervention();
  // The API matched the partner's goal title to a company goal where it could; that is the default.
  const [goalId, setGoalId] = useState(item.goalId ?? "");
  const headingId = `intervention-${item.id}-heading`;
  const busy = adopt.isPending || dismiss.isPending;
  const onError = (err: unknown) => notify({ color: "red", message: errorMessage(err, t) });
  const selectable = goals.filter((g) => g.status !== "dropped" || g.id === item.goalId);

  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId} data-testid={`intervention-${item.id}`}>
      <Stack gap="sm">
        <Title order={4} fz="h5" id={headingId}>
          {item.title}
        </Title>
        {item.description ? <Text size="sm">{item.description}</Text> : null}
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} m={0}>
          <Fact label={t("planning.category")}>{category(item.category)}</Fact>
          <Fact label={t("planning.targetGroup")}>{item.targetGroup}</Fact>
          <Fact label={t("planning.schedule")}>{item.schedule}</Fact>
          <Fact label={t("planning.cost")}>{formatEuro(item.costEstimateCents)}</Fact>
        </SimpleGrid>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t("planning.goalSelect", { title: item.title })}
            value={goalId}
            onChange={(e) => setGoalId(e.currentTarget.value)}
            data={[{ value: "", label: t("planning.noGoal") }, ...selectable.map((g) => ({ value: g.id, label: g.title }))]}
            miw={240}
            disabled={busy}
          />
          <Button
            loading={adopt.isPending}
            disabled={dismiss.isPending}
            aria-label={t("planning.adoptNamed", { title: item.title })}
            onClick={() =>
              adopt.mutate(
                { id: item.id, goalId: goalId || null },
                { onSuccess: () => notify({ color: "green", message: t("planning.adopted", { title: item.title }) }), onError },
              )
            }
          >
            {t("planning.adopt")}
          </Button>
          <Button
            variant="default"
            loading={dismiss.isPending}
            disabled={adopt.isPending}
            aria-label={t("planning.dismissNamed", { title: item.title })}
            onClick={() =>
              dismiss.mutate(item.id, {
                onSuccess: () => notify({ color: "green", message: t("planning.dismissed", { title: item.title }) }),
                onError,
              })
            }
          >
            {t("planning.dismiss")}
          </Button>
        </Group>
        {item.source ? <ResultSourceNote source={item.source} /> : null}
      </Stack>
    </Card>
  );
}
