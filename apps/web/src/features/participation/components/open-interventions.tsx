import { Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { OpenInterventionItem } from "../api/types";
import { useCategoryLabel } from "../use-category-label";
import { CourseActions } from "./course-actions";
import { OpenSessionRow } from "./open-session-row";

/** One intervention open to the employee, as a card with its sessions. */
function OpenInterventionCard({ intervention }: { intervention: OpenInterventionItem }) {
  const { t } = useTranslation();
  const titleId = useId();
  const category = useCategoryLabel();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="open-intervention">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color="teal" tt="none">
            {category(intervention.category)}
          </Badge>
          {intervention.certificationId ? (
            <Badge variant="light" color="grape" tt="none">
              {t("participation.session.certified", { id: intervention.certificationId })}
            </Badge>
          ) : null}
        </Group>
        <Title order={3} fz="h4" id={titleId}>
          {intervention.title}
        </Title>
        {intervention.providerName ? (
          <Text size="sm" c="dimmed">
            {t("participation.session.provider", { provider: intervention.providerName })}
          </Text>
        ) : null}
        {intervention.description ? <Text size="sm">{intervention.description}</Text> : null}
        {intervention.targetGroup ? <Text size="sm">{intervention.targetGroup}</Text> : null}
        <Text size="sm" fw={500}>
          {t("participation.session.sessions", { count: intervention.sessions.length })}
        </Text>
        <CourseActions intervention={intervention} />
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
          {intervention.sessions.map((s) => (
            <OpenSessionRow key={s.id} session={s} title={intervention.title} />
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

export function OpenInterventions({ items }: { items: OpenInterventionItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text>{t("participation.home.noneOpen")}</Text>;
  return (
    <Stack gap="md">
      {items.map((i) => (
        <OpenInterventionCard key={i.id} intervention={i} />
      ))}
    </Stack>
  );
}
