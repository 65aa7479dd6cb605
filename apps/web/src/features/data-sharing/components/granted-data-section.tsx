import { dataFieldLabel } from "@bgm/domain";
import { Alert, Anchor, Button, Code, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import { formatDate } from "../../../lib/format";
import { languageOf } from "../../../lib/language";
import { usePartnerGrants } from "../api/partner-grants";
import { GrantStateBadge } from "./badges";

/**
 * The partner's side of data sharing on one engagement: which scopes the company granted, which
 * fields, for what purpose and until when, and where to fetch them while they are active.
 */
export function GrantedDataSection({ engagementId }: { engagementId: string }) {
  const { t, i18n } = useTranslation();
  const grants = usePartnerGrants(engagementId);
  const lang = languageOf(i18n.language);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="granted-data-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="granted-data-title">
          {t("dataSharing.partnerView.title")}
        </Title>
        {grants.isPending ? <LoadingState /> : null}
        {grants.isError ? <ErrorAlert error={grants.error} onRetry={() => void grants.refetch()} /> : null}
        {grants.data && grants.data.items.length === 0 ? <Text c="dimmed">{t("dataSharing.partnerView.none")}</Text> : null}
        {grants.data && grants.data.items.length > 0 ? (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("dataSharing.partnerView.scope")}</Table.Th>
                    <Table.Th>{t("dataSharing.partnerView.fields")}</Table.Th>
                    <Table.Th>{t("dataSharing.partnerView.until")}</Table.Th>
                    <Table.Th>{t("dataSharing.partnerView.state")}</Table.Th>
                    <Table.Th>{t("dataSharing.partnerView.endpoint")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {grants.data.items.map((g) => (
                    <Table.Tr key={g.id}>
                      <Table.Td>
                        <Text fw={600}>{g.label[lang]}</Text>
                        <Text size="sm" c="dimmed">
                          {t("dataSharing.partnerView.purpose", { purpose: g.purpose[lang] })}
                        </Text>
                        {g.narrowed ? <Text size="sm">{t("dataSharing.partnerView.narrowed")}</Text> : null}
                      </Table.Td>
                      <Table.Td>
                        <SharedFields scopeKey={g.scopeKey} fields={g.fields} lang={lang} />
                      </Table.Td>
                      <Table.Td>{formatDate(g.expiresAt)}</Table.Td>
                      <Table.Td>
                        <GrantStateBadge state={g.state} />
                      </Table.Td>
                      <Table.Td>{g.state === "active" ? <Downloads dataPath={g.dataPath} scopeLabel={g.label[lang]} /> : "–"}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Alert variant="light" color="blue">
              {t("dataSharing.partnerView.hint")}
            </Alert>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Each field in plain words, with the column name the partner finds in the JSON or CSV beside it. */
function SharedFields({ scopeKey, fields, lang }: { scopeKey: string; fields: string[]; lang: "de" | "en" }) {
  return (
    <Stack gap={2}>
      {fields.map((field) => (
        <Text key={field} size="sm">
          {dataFieldLabel(scopeKey, field)[lang]} <Code>{field}</Code>
        </Text>
      ))}
    </Stack>
  );
}

/**
 * The people who receive the data often work in Excel, not with an API client: one click gives them the
 * granted rows as a workbook (or German-Excel CSV); the API path stays beside it for integrations.
 * Downloads go through the same route as the API, so each one is checked against the live grant and logged.
 */
function Downloads({ dataPath, scopeLabel }: { dataPath: string; scopeLabel: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} align="flex-start">
      <Group gap="xs">
        <Button
          component="a"
          href={`${dataPath}?format=xlsx`}
          download
          size="xs"
          aria-label={t("dataSharing.partnerView.downloadFor", { format: "Excel", scope: scopeLabel })}
        >
          {t("dataSharing.partnerView.downloadXlsx")}
        </Button>
        <Anchor
          href={`${dataPath}?format=csv`}
          download
          size="sm"
          aria-label={t("dataSharing.partnerView.downloadFor", { format: "CSV", scope: scopeLabel })}
        >
          {t("dataSharing.partnerView.downloadCsv")}
        </Anchor>
      </Group>
      <Code>{`GET ${dataPath}`}</Code>
    </Stack>
  );
}
