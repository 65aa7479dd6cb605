import { AUDIT_ACTIONS, AUDIT_AREA_LABELS, type AuditActionDef, auditLink, isAuditAction, LEGAL_REQUIREMENTS } from "@bgm/domain";
import { Anchor, Badge, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { dateTimeFormat } from "../../../lib/intl";
import { type Language, languageOf, localeOf } from "../../../lib/language";
import type { AuditEntryItem } from "../api/types";

/** Audit times are read as German office time, whoever's browser shows them. */
function berlinTime(at: string, tag: string): string {
  return dateTimeFormat(localeOf(tag), { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" }).format(new Date(at));
}

function definition(action: string): AuditActionDef | null {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : null;
}

/** A legal requirement is named by the registry, not by a row the API would have to read. */
function registryTitle(item: AuditEntryItem, lang: Language): string | null {
  const key = item.details.requirementKey;
  return LEGAL_REQUIREMENTS.find((r) => r.key === key)?.label[lang] ?? null;
}

/** The object in words: „Rückenfit-Kurs“ · Upfit GmbH, or just the party, or nothing. */
function objectText(item: AuditEntryItem, lang: Language): string | null {
  const name = item.objectTitle ?? registryTitle(item, lang);
  const title = name ? `„${name}“` : null;
  const parts = [title, item.objectParty].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}

function Sentence({ item, lang }: { item: AuditEntryItem; lang: Language }) {
  const { t } = useTranslation();
  const def = definition(item.action);
  const phrase = def ? def[lang] : t("audit.unknownAction", { action: item.action });
  const object = objectText(item, lang);
  const link = auditLink(item);
  return (
    <Text size="sm" data-testid="audit-sentence">
      <Text span fw={600} inherit>
        {item.actorName ?? t("audit.system")}
      </Text>{" "}
      {phrase}
      {object || link ? ": " : null}
      {link ? (
        <Anchor component={Link} to={link} inherit underline="always">
          {object ?? t("audit.open")}
        </Anchor>
      ) : (
        object
      )}
    </Text>
  );
}

/** The technical record (action key, ids, details) for whoever audits, folded away by default. */
function TechnicalDetails({ item }: { item: AuditEntryItem }) {
  const { t } = useTranslation();
  const details = Object.keys(item.details).length ? JSON.stringify(item.details) : null;
  return (
    <Text component="details" size="xs" c="dimmed">
      <summary>{t("audit.technical")}</summary>
      <Text size="xs" ff="monospace" style={{ wordBreak: "break-word" }}>
        {item.action} · {item.entityType}
        {item.entityId ? ` ${item.entityId}` : ""}
        {details ? ` · ${details}` : ""}
        {item.ip ? ` · IP ${item.ip}` : ""}
      </Text>
    </Text>
  );
}

function AreaBadge({ item, lang }: { item: AuditEntryItem; lang: Language }) {
  const def = definition(item.action);
  if (!def) return null;
  return (
    <Badge variant="light" color="gray" c="dark" tt="none" style={{ flexShrink: 0 }}>
      {AUDIT_AREA_LABELS[def.area][lang]}
    </Badge>
  );
}

/** The log as sentences: a table from tablet width, one card per entry on phones. */
export function AuditEntries({ items }: { items: AuditEntryItem[] }) {
  const { t, i18n } = useTranslation();
  const lang = languageOf(i18n.language);
  const phone = useMediaQuery("(max-width: 48em)");
  if (items.length === 0) return <Text>{t("audit.empty")}</Text>;

  if (phone) {
    return (
      <Stack gap="sm" data-testid="audit-entries">
        {items.map((item) => (
          <Card key={item.id} withBorder padding="sm" component="article" data-testid="audit-entry">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed">
                  <time dateTime={item.at}>{berlinTime(item.at, i18n.language)}</time>
                </Text>
                <AreaBadge item={item} lang={lang} />
              </Group>
              <Sentence item={item} lang={lang} />
              <TechnicalDetails item={item} />
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table striped verticalSpacing="xs" data-testid="audit-entries">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>{t("audit.at")}</Table.Th>
          <Table.Th>{t("audit.what")}</Table.Th>
          <Table.Th w={190}>{t("audit.area")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id} data-testid="audit-entry">
            <Table.Td style={{ whiteSpace: "nowrap", verticalAlign: "top" }}>
              <time dateTime={item.at}>{berlinTime(item.at, i18n.language)}</time>
            </Table.Td>
            <Table.Td>
              <Sentence item={item} lang={lang} />
              <TechnicalDetails item={item} />
            </Table.Td>
            <Table.Td style={{ verticalAlign: "top" }}>
              <AreaBadge item={item} lang={lang} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
