import { LEGAL_REQUIREMENTS, type LegalRequirement } from "@bgm/domain";
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLocalized } from "../../../lib/use-localized";
import { RequirementStatusBadge } from "./requirement-status-badge";

export function RequirementsList({ requirements }: { requirements: LegalRequirement[] }) {
  const { t } = useTranslation();
  const l = useLocalized();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {requirements.map((req) => {
        const meta = LEGAL_REQUIREMENTS.find((r) => r.key === req.key);
        const done = req.steps.filter((s) => s.done).length;
        return (
          <Card withBorder padding="lg" key={req.id}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Title order={2} fz="h4">
                  <Anchor component={Link} to={`/legal/${req.key}`} c="dark" inherit>
                    {meta ? l(meta.label) : req.key}
                  </Anchor>
                </Title>
                <RequirementStatusBadge status={req.status} />
              </Group>
              {meta ? (
                <Text size="sm">
                  {t("legal.law")}: {meta.law}
                </Text>
              ) : null}
              <Text size="sm">{t("legal.stepsDone", { done, total: req.steps.length })}</Text>
              <Text size="sm" fw={req.missing.length > 0 ? 600 : undefined} c={req.missing.length > 0 ? "red.9" : undefined}>
                {req.missing.length > 0 ? t("legal.missingCount", { count: req.missing.length }) : t("legal.missingNone")}
              </Text>
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
