import { Badge, Button, Collapse, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Fact } from "../../../components/ui/fact";
import { useLocalized } from "../../../lib/use-localized";
import type { OutputTypeInfoItem } from "../api/types";
import { CodeBlock } from "./code-block";
import { fileTypesLabel } from "./file-type-labels";

/** One output type as partners need it: what it is, what it accepts, where it lands, its schema and example. */
export function OutputTypeReference({ type }: { type: OutputTypeInfoItem }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const [schemaShown, { toggle }] = useDisclosure(false);
  const headingId = `type-${type.key}`;
  const schemaId = `type-${type.key}-schema`;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={3} fz="h4" id={headingId}>
            {l(type.label)}
          </Title>
          <Badge variant="light" tt="none" ff="monospace">
            {type.key}
          </Badge>
        </Group>
        <Text>{l(type.description)}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
          <Fact valueProps={{ size: "sm" }} label={t("apiRef.key")}>
            <Text span ff="monospace" size="sm">
              {type.key}
            </Text>
          </Fact>
          <Fact valueProps={{ size: "sm" }} label={t("apiRef.acceptedFiles")}>
            {type.fileTypes.length === 0
              ? t("apiRef.noFiles")
              : `${fileTypesLabel(type.fileTypes)} (${type.fileRequired ? t("apiRef.fileRequired") : t("apiRef.fileOptional")})`}
          </Fact>
          <Fact valueProps={{ size: "sm" }} label={t("apiRef.landsIn")}>
            {t(`offering.integrationPoints.${type.landsIn}`)}
          </Fact>
        </SimpleGrid>
        <div>
          <Button variant="subtle" size="xs" onClick={toggle} aria-expanded={schemaShown} aria-controls={schemaId} px={0}>
            {schemaShown ? t("apiRef.hideSchema") : t("apiRef.showSchema")}
          </Button>
          <Collapse expanded={schemaShown} id={schemaId}>
            <Title order={4} fz="sm" my="xs">
              {t("apiRef.schema")}
            </Title>
            <CodeBlock code={JSON.stringify(type.jsonSchema, null, 2)} maxHeight={480} />
          </Collapse>
        </div>
        <div>
          <Title order={4} fz="sm" mb="xs">
            {t("apiRef.example")}
          </Title>
          <CodeBlock code={JSON.stringify(type.example, null, 2)} copyLabel={`${t("apiRef.copy")}: ${l(type.label)}`} maxHeight={480} />
        </div>
      </Stack>
    </Paper>
  );
}
