import type { Phase } from "@bgm/domain";
import { Anchor, Badge, Card, Group, Progress, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLocalized } from "../../../lib/use-localized";

interface PhaseCardProps {
  phase: Phase;
  tasksDone: number;
  tasksTotal: number;
  current: boolean;
  /** The project is still loading: the name and description show, the progress is a placeholder of its size. */
  loading?: boolean;
}

export function PhaseCard({ phase, tasksDone, tasksTotal, current, loading = false }: PhaseCardProps) {
  const { t } = useTranslation();
  const l = useLocalized();
  const name = l(phase.label);
  const percent = tasksTotal > 0 ? Math.round((tasksDone / tasksTotal) * 100) : 0;
  return (
    <Card
      withBorder
      padding="lg"
      data-testid={`phase-card-${phase.number}`}
      data-current={current ? "true" : undefined}
      aria-current={current ? "step" : undefined}
      style={current ? { borderColor: "var(--mantine-color-blue-8)", borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600}>
            {t("phase.short", { number: phase.number })}
          </Text>
          {current ? (
            <Badge color="blue" variant="filled">
              {t("phase.current")}
            </Badge>
          ) : null}
        </Group>
        <Title order={3} fz="h4">
          <Anchor component={Link} to={`/phases/${phase.number}`} c="dark" inherit>
            {name}
          </Anchor>
        </Title>
        <Text size="sm">{l(phase.description)}</Text>
        {loading ? (
          <>
            <Skeleton h={8} radius="xl" aria-hidden />
            <Skeleton h={21} w="40%" aria-hidden />
          </>
        ) : (
          <>
            <Progress value={percent} aria-label={t("phase.progressLabel", { name })} color={current ? "blue" : "teal"} />
            <Text size="sm">{t("phase.progress", { done: tasksDone, total: tasksTotal })}</Text>
          </>
        )}
      </Stack>
    </Card>
  );
}
