import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import { useGoals } from "../../project";
import { useInterventions } from "../api/get-interventions";
import { AdoptedInterventions } from "./adopted-interventions";
import { DismissedInterventions } from "./dismissed-interventions";
import { ProposalCard } from "./proposal-card";

/** Phase 3 "Planung": what partners proposed in accepted intervention plans, and what the company took on. */
export function InterventionProposals() {
  const { t } = useTranslation();
  const interventions = useInterventions();
  const goals = useGoals();

  if (interventions.isPending) return <LoadingState />;
  if (interventions.isError) return <ErrorAlert error={interventions.error} onRetry={() => void interventions.refetch()} />;
  const items = interventions.data;
  if (items.length === 0) {
    return (
      <Card withBorder padding="lg" data-testid="interventions-empty">
        <Text fw={600}>{t("planning.empty")}</Text>
        <Text size="sm" mt={4}>
          {t("planning.emptyHint")}
        </Text>
        <Anchor component={Link} to="/marketplace" mt="sm" display="inline-block">
          {t("planning.toMarketplace")}
        </Anchor>
      </Card>
    );
  }
  // A proposal of something already adopted is not offered twice: the adopted row says it was proposed again.
  const proposed = items.filter((i) => i.status === "proposed" && !i.alreadyInPlanId);
  const proposedAgain = items.filter((i) => i.status === "proposed" && i.alreadyInPlanId);
  const adopted = items.filter((i) => i.status === "adopted");
  const dismissed = items.filter((i) => i.status === "dismissed");
  // Without goals the proposals can still be adopted; the goal select then offers only "no goal".
  const goalList = goals.data ?? [];

  return (
    <Stack gap="lg">
      <section aria-labelledby="proposals-heading">
        <Title order={3} fz="h4" id="proposals-heading" mb="sm">
          {t("planning.proposals", { count: proposed.length })}
        </Title>
        {proposed.length === 0 ? (
          <Text size="sm">{t("planning.noProposals")}</Text>
        ) : (
          <Stack gap="sm">
            {proposed.map((item) => (
              <ProposalCard key={item.id} intervention={item} goals={goalList} />
            ))}
          </Stack>
        )}
      </section>
      <section aria-labelledby="in-plan-heading">
        <Title order={3} fz="h4" id="in-plan-heading" mb="sm">
          {t("planning.inPlan", { count: adopted.length })}
        </Title>
        <AdoptedInterventions items={adopted} proposedAgain={proposedAgain} />
      </section>
      {dismissed.length > 0 ? (
        <section aria-labelledby="dismissed-heading">
          <Title order={3} fz="h4" id="dismissed-heading" mb="sm">
            {t("planning.dismissedList", { count: dismissed.length })}
          </Title>
          <DismissedInterventions items={dismissed} />
        </section>
      ) : null}
    </Stack>
  );
}
