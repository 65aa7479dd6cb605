import type { Offering } from "@bgm/domain";
import { Button, Card, Group, List, SimpleGrid, Stack, Switch, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import { notify } from "../../../lib/notify";
import { useLocalized } from "../../../lib/use-localized";
import { RequestQuoteModal } from "../../engagements";
import { OfferingFacts } from "../../marketplace";
import {
  type ProactiveSuggestionItem,
  useDigestSetting,
  useDismissSuggestion,
  useProactiveSuggestions,
  useSetDigest,
} from "../api/proactive-suggestions";

/**
 * "Neue Partnervorschläge": partners the matching suggested on its own after a result, a new phase or a goal
 * (ADR 0022), each with its reasons, a quote request and "Ausblenden"; and the manager's weekly e-mail opt-in.
 */
export function ProactiveSuggestionsPanel() {
  const { t } = useTranslation();
  const list = useProactiveSuggestions();
  const [requesting, setRequesting] = useState<Offering | null>(null);
  return (
    <Stack gap="md" data-testid="proactive-suggestions">
      <DigestToggle />
      {list.isPending ? <LoadingState /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? <Text>{t("proactive.empty")}</Text> : null}
      {list.data && list.data.items.length > 0 ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {list.data.items.map((s) => (
            <SuggestionCard key={s.id} suggestion={s} onRequestQuote={setRequesting} />
          ))}
        </SimpleGrid>
      ) : null}
      <RequestQuoteModal offering={requesting} taskKey={null} onClose={() => setRequesting(null)} />
    </Stack>
  );
}

function SuggestionCard({ suggestion, onRequestQuote }: { suggestion: ProactiveSuggestionItem; onRequestQuote: (o: Offering) => void }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const dismiss = useDismissSuggestion();
  const o = suggestion.offering as Offering;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`proactive-${suggestion.id}`} data-testid="proactive-suggestion">
      <Stack gap="xs">
        <div>
          <Title order={2} fz="h4" id={`proactive-${suggestion.id}`}>
            {o.title}
          </Title>
          <Text size="sm" c="dimmed">
            {t("marketplace.by", { provider: o.providerName })} · {t(`proactive.topic.${suggestion.topic}`)}
          </Text>
        </div>
        <OfferingFacts offering={o} />
        <List size="sm" spacing={2} aria-label={t("suggestions.why")}>
          {suggestion.reasons.map((r) => (
            <List.Item key={r.text.de}>{l(r.text)}</List.Item>
          ))}
        </List>
        <Group gap="sm">
          <Button
            component={Link}
            to={`/marketplace/offerings/${o.id}`}
            variant="default"
            size="xs"
            aria-label={t("marketplace.learnMoreNamed", { title: o.title })}
          >
            {t("marketplace.learnMore")}
          </Button>
          <Button size="xs" onClick={() => onRequestQuote(o)} aria-label={t("marketplace.requestQuoteNamed", { title: o.title })}>
            {t("marketplace.requestQuote")}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            loading={dismiss.isPending}
            onClick={() =>
              dismiss.mutate(suggestion.id, {
                onSuccess: () => notify({ message: t("proactive.dismissed", { title: o.title }) }),
                onError: (e) => notify({ message: e.message, color: "red" }),
              })
            }
            aria-label={t("proactive.dismissNamed", { title: o.title })}
          >
            {t("proactive.dismiss")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function DigestToggle() {
  const { t } = useTranslation();
  const setting = useDigestSetting();
  const save = useSetDigest();
  if (!setting.data) return setting.isError ? <ErrorAlert error={setting.error} onRetry={() => void setting.refetch()} /> : null;
  return (
    <Switch
      checked={setting.data.enabled}
      disabled={save.isPending}
      onChange={(e) =>
        save.mutate(e.currentTarget.checked, {
          onSuccess: (d) => notify({ message: t(d.enabled ? "proactive.digestOn" : "proactive.digestOff") }),
          onError: (err) => notify({ message: err.message, color: "red" }),
        })
      }
      label={t("proactive.digest")}
      description={t("proactive.digestHint")}
      data-testid="proactive-digest"
    />
  );
}
