import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/format";
import type { OutboxMail } from "../api/types";

const URL_PATTERN = /(https?:\/\/\S+)/;

/** Links in mails (password reset, invitations) are made clickable so developers can follow them. */
function MailText({ text }: { text: string }) {
  // split() with a capturing group puts the URLs at the odd indices.
  const parts = text.split(URL_PATTERN).map((value, index) => ({ value, isUrl: index % 2 === 1, offset: index }));
  return (
    <Text size="sm" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
      {parts.map((part) =>
        part.isUrl ? (
          <Anchor key={part.offset} href={part.value}>
            {part.value}
          </Anchor>
        ) : (
          part.value
        ),
      )}
    </Text>
  );
}

export function OutboxList({ mails }: { mails: OutboxMail[] }) {
  const { t } = useTranslation();
  if (mails.length === 0) return <Text>{t("outbox.empty")}</Text>;
  return (
    <Stack>
      {[...mails]
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((mail) => (
          <Card withBorder key={mail.id} padding="md" component="article" aria-labelledby={`mail-${mail.id}`}>
            <Title order={2} fz="h5" id={`mail-${mail.id}`}>
              {mail.subject}
            </Title>
            <Text size="sm">
              {t("outbox.to")}: {mail.to} · {formatDateTime(mail.createdAt)}
            </Text>
            <MailText text={mail.text} />
          </Card>
        ))}
    </Stack>
  );
}
