import { Button, Group, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { ResultSourceNote } from "../../../components/ui/result-source-note";
import { notify } from "../../../lib/notify";
import { useAdoptIntervention } from "../api/adopt-intervention";
import type { PlannedInterventionItem } from "../api/types";

/** Dismissing is not final: a dismissed proposal can still be taken into the plan. */
export function DismissedInterventions({ items }: { items: PlannedInterventionItem[] }) {
  const { t } = useTranslation();
  const adopt = useAdoptIntervention();
  return (
    <List size="sm" spacing="xs" data-testid="interventions-dismissed">
      {items.map((item) => (
        <List.Item key={item.id}>
          <Group gap="sm" wrap="wrap" align="flex-start">
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {item.title}
              </Text>
              {item.source ? <ResultSourceNote source={item.source} /> : null}
            </Stack>
            <Button
              size="xs"
              variant="default"
              loading={adopt.isPending && adopt.variables?.id === item.id}
              aria-label={t("planning.adoptAnywayNamed", { title: item.title })}
              onClick={() =>
                adopt.mutate(
                  { id: item.id, goalId: null },
                  {
                    onSuccess: () => notify({ color: "green", message: t("planning.adopted", { title: item.title }) }),
                    onError: (err) => notify({ color: "red", message: errorMessage(err, t) }),
                  },
                )
              }
            >
              {t("planning.adoptAnyway")}
            </Button>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
