import { type Offering, phaseByNumber, taskTemplate } from "@bgm/domain";
import { Anchor, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import { useLocalized } from "../../../lib/use-localized";
import { RequestQuoteModal } from "../../engagements";
import { useSuggestions } from "../api/get-suggestions";
import { OfferingCard } from "./offering-card";

interface PartnerSuggestionsProps {
  phase: number;
  /** In a task view: suggestions for exactly this task, and a quote request is linked to it. */
  taskKey?: string;
}

/** "Partners who can help with …": the marketplace brought to the step the manager is working on. */
export function PartnerSuggestions({ phase, taskKey }: PartnerSuggestionsProps) {
  const { t } = useTranslation();
  const l = useLocalized();
  const [requesting, setRequesting] = useState<Offering | null>(null);
  const suggestions = useSuggestions({ phase, taskKey, limit: 5 });
  const task = taskKey ? taskTemplate(taskKey) : undefined;
  const phaseInfo = phaseByNumber(phase);
  const headingId = `partner-suggestions-${taskKey ?? phase}`;
  const title = task
    ? t("suggestions.titleTask", { task: l(task.label) })
    : t("suggestions.titlePhase", { number: phase, name: phaseInfo ? l(phaseInfo.label) : "" });

  return (
    <Stack gap="sm" role="region" aria-labelledby={headingId} data-testid="partner-suggestions">
      <Group justify="space-between">
        <Title order={2} fz="h3" id={headingId}>
          {title}
        </Title>
        <Anchor component={Link} to={`/marketplace?phase=${phase}`} size="sm">
          {t("suggestions.toMarketplace")}
        </Anchor>
      </Group>
      {suggestions.isPending ? <LoadingState /> : null}
      {suggestions.isError ? <ErrorAlert error={suggestions.error} onRetry={() => void suggestions.refetch()} /> : null}
      {suggestions.data && suggestions.data.items.length === 0 ? <Text>{t("suggestions.empty")}</Text> : null}
      {suggestions.data && suggestions.data.items.length > 0 ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {suggestions.data.items.map((s) => (
            <OfferingCard
              key={s.offering.id}
              offering={s.offering}
              reasons={s.reasons.map((r) => l(r.text))}
              headingOrder={3}
              onRequestQuote={setRequesting}
            />
          ))}
        </SimpleGrid>
      ) : null}
      <RequestQuoteModal offering={requesting} taskKey={taskKey ?? null} onClose={() => setRequesting(null)} />
    </Stack>
  );
}
