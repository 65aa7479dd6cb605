import partnerJobsExample from "@bgm/api-client/examples/partner-jobs.ts?raw";
import { Anchor, Code, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatBytes } from "../../../lib/format";
import type { OutputTypeInfoItem } from "../api/types";
import { CodeBlock } from "./code-block";
import { jsonCurl, multipartCurl, VALIDATION_ERROR_EXAMPLE } from "./upload-examples";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

interface ApiReferenceIntroProps {
  /** The type the curl examples use; the examples are real, so they pass validation as they are. */
  sample: OutputTypeInfoItem | undefined;
  maxFileBytes: number | undefined;
}

/** Authentication, endpoints, the two upload forms and the rules every upload is checked against. */
export function ApiReferenceIntro({ sample, maxFileBytes }: ApiReferenceIntroProps) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const endpoints = [
    { method: "POST", path: "/api/partner/engagements/{id}/results", text: t("apiRef.endpointUpload") },
    { method: "GET", path: "/api/engagements/{id}/results", text: t("apiRef.endpointList") },
    { method: "GET", path: "/api/output-types", text: t("apiRef.endpointTypes") },
  ];

  return (
    <>
      <Section id="auth-heading" title={t("apiRef.authTitle")}>
        <Text>{t("apiRef.authBody")}</Text>
        <Anchor component={Link} to="/partner/api-keys" w="fit-content">
          {t("apiRef.apiKeysLink")}
        </Anchor>
      </Section>
      <Section id="endpoints-heading" title={t("apiRef.endpointsTitle")}>
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Tbody>
              {endpoints.map((e) => (
                <Table.Tr key={e.path + e.method}>
                  <Table.Td>
                    <Code>{e.method}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Code>{e.path}</Code>
                  </Table.Td>
                  <Table.Td>{e.text}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {sample ? (
          <>
            <Title order={3} fz="h5">
              {t("apiRef.jsonTitle")}
            </Title>
            <Text size="sm">{t("apiRef.jsonBody")}</Text>
            <CodeBlock code={jsonCurl(origin, sample)} maxHeight={360} />
            <Title order={3} fz="h5">
              {t("apiRef.multipartTitle")}
            </Title>
            <Text size="sm">{t("apiRef.multipartBody")}</Text>
            <CodeBlock code={multipartCurl(origin, sample)} />
          </>
        ) : null}
      </Section>
      <Section id="client-heading" title={t("apiRef.clientTitle")}>
        <Text>{t("apiRef.clientBody")}</Text>
        <CodeBlock code={partnerJobsExample} maxHeight={360} />
      </Section>
      <Section id="rules-heading" title={t("apiRef.rulesTitle")}>
        <List spacing="xs">
          <List.Item>{t("apiRef.rules.declared")}</List.Item>
          <List.Item>{t("apiRef.rules.inProgress")}</List.Item>
          <List.Item>{t("apiRef.rules.validation")}</List.Item>
          <List.Item>{t("apiRef.rules.files", { size: maxFileBytes ? formatBytes(maxFileBytes) : "–" })}</List.Item>
          <List.Item>{t("apiRef.rules.versions")}</List.Item>
          <List.Item>{t("apiRef.rules.retries")}</List.Item>
        </List>
        <Title order={3} fz="h5">
          {t("apiRef.errorTitle")}
        </Title>
        <CodeBlock code={VALIDATION_ERROR_EXAMPLE} />
      </Section>
    </>
  );
}
