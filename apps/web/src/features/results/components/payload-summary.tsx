import { List, SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PartnerResultItem } from "../api/types";
import { payloadFacts } from "./payload-facts";

/** A readable digest of a version's payload; the full data lands in its place once accepted. */
export function PayloadSummary({ result }: { result: PartnerResultItem }) {
  const { t } = useTranslation();
  const facts = payloadFacts(result.outputType, result.payload, t);
  if (!facts) return <Text size="sm">{t("results.summary.unreadable")}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0} spacing="xs" verticalSpacing="xs">
      {facts.map((fact) => (
        <div key={fact.label} style={fact.items ? { gridColumn: "1 / -1" } : undefined}>
          <Text size="sm" c="dimmed" component="dt">
            {fact.label}
          </Text>
          <Text component="dd" m={0} size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {fact.items ? (
              <List size="sm">
                {fact.items.map((item, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: titles may repeat; the order is the identity here
                  <List.Item key={i}>{item}</List.Item>
                ))}
              </List>
            ) : (
              fact.value
            )}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
