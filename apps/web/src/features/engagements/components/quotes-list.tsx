import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../../lib/format";
import { formatEuro } from "../../../lib/money";
import type { QuoteItem } from "../api/types";

const STATUS_COLORS: Record<QuoteItem["status"], string> = {
  open: "blue",
  accepted: "green",
  rejected: "red",
  superseded: "gray",
  revision_requested: "orange",
};

/** Newest first: the current quote on top, superseded ones below it. */
export function QuotesList({ quotes }: { quotes: QuoteItem[] }) {
  const { t } = useTranslation();
  const sorted = [...quotes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section aria-labelledby="quotes-heading">
      <Title order={2} fz="h4" id="quotes-heading" mb="sm">
        {t("engagements.quotes")}
      </Title>
      {sorted.length === 0 ? <Text>{t("engagements.noQuotes")}</Text> : null}
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
        {sorted.map((q) => (
          <Paper
            key={q.id}
            component="li"
            withBorder
            p="md"
            data-testid="quote"
            data-status={q.status}
            data-expired={q.expired}
            bg={q.status === "superseded" ? "gray.0" : undefined}
          >
            <Stack gap={6}>
              <Group justify="space-between" wrap="wrap">
                <Text fw={700} fz="lg">
                  {formatEuro(q.priceCents)}
                </Text>
                <Group gap={6}>
                  <Badge color={STATUS_COLORS[q.status]} variant="light" tt="none">
                    {t(`engagements.quoteStatuses.${q.status}`)}
                  </Badge>
                  {q.expired ? (
                    <Badge color="red" variant="outline" tt="none" data-testid="quote-expired">
                      {t("engagements.expired")}
                    </Badge>
                  ) : null}
                </Group>
              </Group>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                <Text span c="dimmed" size="sm">
                  {t("engagements.quoteScope")}:{" "}
                </Text>
                {q.scopeOfWork}
              </Text>
              <Text size="sm">
                {t("engagements.quoteValidUntil")}: {formatDate(q.validUntil)} · {t("engagements.quoteSent")}: {formatDateTime(q.createdAt)}
              </Text>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </section>
  );
}
