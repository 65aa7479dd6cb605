import { Alert, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../../lib/format";
import { useLocalized } from "../../../lib/use-localized";
import type { DataDisclosureListResponse } from "../api/types";
import { GrantStateBadge } from "./badges";
import { useFieldNames } from "./field-names";

type Disclosure = DataDisclosureListResponse["items"][number];

/**
 * Art. 15: which partner received which of the employee's data, for what, how often, and whether it may
 * still fetch it — one card per grant, then how to object. Cards rather than a table: employees read
 * this on their phones.
 */
export function DisclosuresTable({ items }: { items: DataDisclosureListResponse["items"] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {items.length === 0 ? (
        <Text>{t("dataSharing.myData.empty")}</Text>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }} data-testid="my-disclosures">
          {items.map((item) => (
            <DisclosureCard key={`${item.grantId ?? item.scopeKey}-${item.providerName}`} item={item} />
          ))}
        </Stack>
      )}
      <Alert variant="light" color="blue" title={t("dataSharing.myData.objectTitle")}>
        {t("dataSharing.myData.objectBody")}
      </Alert>
    </Stack>
  );
}

function DisclosureCard({ item }: { item: Disclosure }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const fieldNames = useFieldNames();
  return (
    <Paper component="li" withBorder p="sm" data-testid="my-disclosure">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={600}>
            {item.providerName} · {localized(item.scopeLabel)}
          </Text>
          {item.state ? <GrantStateBadge state={item.state} /> : null}
        </Group>
        <Text size="sm">
          {t("dataSharing.myData.fields")}: {fieldNames(item.scopeKey, item.fields)}
        </Text>
        {item.purpose ? <Text size="sm">{t("dataSharing.myData.purpose", { purpose: localized(item.purpose) })}</Text> : null}
        <Text size="sm">
          {t("dataSharing.myData.deliveries", {
            count: item.deliveries,
            first: formatDateTime(item.firstAt),
            last: formatDateTime(item.at),
          })}
        </Text>
        {item.state === "active" && item.expiresAt ? (
          <Text size="sm">{t("dataSharing.myData.until", { date: formatDate(item.expiresAt) })}</Text>
        ) : null}
        {item.state === "revoked" && item.revokedAt ? (
          <Text size="sm">{t("dataSharing.myData.revokedAt", { date: formatDate(item.revokedAt) })}</Text>
        ) : null}
        {item.state && item.state !== "active" && item.state !== "revoked" ? (
          <Text size="sm">{t("dataSharing.myData.noLonger")}</Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
