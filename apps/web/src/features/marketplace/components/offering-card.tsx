import type { Offering } from "@bgm/domain";
import { Button, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { OfferingFacts } from "./offering-facts";

interface OfferingCardProps {
  offering: Offering;
  /** Why the offering is shown (suggestions only), already in the current language. */
  reasons?: string[];
  headingOrder: 2 | 3 | 4;
  onRequestQuote?: (offering: Offering) => void;
}

export function OfferingCard({ offering, reasons, headingOrder, onRequestQuote }: OfferingCardProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`offering-${offering.id}`} data-testid="offering-card">
      <Stack gap="xs">
        <div>
          <Title order={headingOrder} fz="h4" id={`offering-${offering.id}`}>
            {offering.title}
          </Title>
          <Text size="sm" c="dimmed">
            {t("marketplace.by", { provider: offering.providerName })}
          </Text>
        </div>
        <OfferingFacts offering={offering} />
        {reasons && reasons.length > 0 ? (
          <List size="sm" spacing={2} aria-label={t("suggestions.why")}>
            {reasons.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" lineClamp={2}>
            {offering.description}
          </Text>
        )}
        <Group gap="sm">
          <Button
            component={Link}
            to={`/marketplace/offerings/${offering.id}`}
            variant="default"
            size="xs"
            aria-label={t("marketplace.learnMoreNamed", { title: offering.title })}
          >
            {t("marketplace.learnMore")}
          </Button>
          {onRequestQuote ? (
            <Button
              size="xs"
              onClick={() => onRequestQuote(offering)}
              aria-label={t("marketplace.requestQuoteNamed", { title: offering.title })}
            >
              {t("marketplace.requestQuote")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
