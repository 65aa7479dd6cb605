import { Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ResultSourceNote } from "../../../components/ui/result-source-note";
import { formatDate } from "../../../lib/format";
import { formatEuro } from "../../../lib/money";
import { CreateInterventionLink } from "../../participation";
import type { PlannedInterventionItem } from "../api/types";
import { useCategoryLabel } from "./use-category-label";

/** The interventions the company took into its plan, each with the goal it serves and where it came from. */
export function AdoptedInterventions({
  items,
  proposedAgain = [],
}: {
  items: PlannedInterventionItem[];
  /** Proposals of later plans that repeat an adopted intervention. */
  proposedAgain?: PlannedInterventionItem[];
}) {
  const { t } = useTranslation();
  const category = useCategoryLabel();
  if (items.length === 0) return <Text size="sm">{t("planning.noneInPlan")}</Text>;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped data-testid="interventions-in-plan">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("planning.intervention")}</Table.Th>
            <Table.Th scope="col">{t("planning.category")}</Table.Th>
            <Table.Th scope="col">{t("planning.targetGroup")}</Table.Th>
            <Table.Th scope="col">{t("planning.schedule")}</Table.Th>
            <Table.Th scope="col">{t("planning.cost")}</Table.Th>
            <Table.Th scope="col">{t("planning.goal")}</Table.Th>
            <Table.Th scope="col">{t("planning.adoptedAt")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Th scope="row" fw={500}>
                <Badge color="green" variant="light" tt="none" mb={4}>
                  {t("planning.inPlanBadge")}
                </Badge>
                <Text fw={600}>{item.title}</Text>
                {item.source ? <ResultSourceNote source={item.source} /> : <Text size="xs">{t("planning.sourceWithdrawn")}</Text>}
                {proposedAgain
                  .filter((p) => p.alreadyInPlanId === item.id && p.source)
                  .map((p) => (
                    <Text key={p.id} size="xs" c="dimmed" data-testid="proposed-again">
                      {t("planning.proposedAgain", { provider: p.source?.providerName, version: p.source?.version })}
                    </Text>
                  ))}
                <CreateInterventionLink
                  source={{
                    kind: "planned",
                    id: item.id,
                    title: item.title,
                    description: item.description,
                    category: item.category,
                    targetGroup: item.targetGroup,
                    costEstimateCents: item.costEstimateCents,
                  }}
                />
              </Table.Th>
              <Table.Td>{category(item.category)}</Table.Td>
              <Table.Td>{item.targetGroup}</Table.Td>
              <Table.Td>{item.schedule}</Table.Td>
              <Table.Td>{formatEuro(item.costEstimateCents)}</Table.Td>
              <Table.Td>{item.goalTitle ?? t("planning.noGoal")}</Table.Td>
              <Table.Td>{item.decidedAt ? formatDate(item.decidedAt) : "–"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
