import { MAX_MESSAGE_ATTACHMENTS, MESSAGE_TEXT_MAX, MESSAGE_TOPIC_MAX } from "@bgm/domain";
import { Alert, Anchor, Badge, Button, FileInput, Group, List, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadMore } from "../../../components/ui/load-more";
import { isApiError } from "../../../lib/api-client";
import { loadedItems } from "../../../lib/cursor-pages";
import { formatDateTime } from "../../../lib/format";
import { attachmentUrl, useMarkMessagesRead, useMessages, usePostMessage } from "../api/messages";
import type { Message, PersonalDataMatch } from "../api/types";

type Side = "company" | "provider";

/** The composer's text field (one thread per engagement page). */
const COMPOSER_TEXT_ID = "message-composer-text";

/**
 * Brings the composer into view and puts the cursor in its text: for "Nachricht an …" buttons elsewhere on
 * the engagement page. Scrolls without animation when the user asks for reduced motion.
 */
export function focusMessageComposer(): void {
  const input = document.getElementById(COMPOSER_TEXT_ID);
  if (!input) return;
  const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches === true;
  input.scrollIntoView({ behavior: reduced ? "auto" : "smooth", block: "center" });
  input.focus({ preventScroll: true });
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function MessageItem({ m, side, engagementId }: { m: Message; side: Side; engagementId: string }) {
  const { t } = useTranslation();
  const own = m.senderSide === side;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg={own ? "var(--mantine-color-blue-light)" : undefined}
      data-testid="message-item"
      data-side={m.senderSide}
      data-unread={m.unread ? "true" : "false"}
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {m.senderName ?? t(`engagements.sides.${m.senderSide}`)} ({t(`engagements.sides.${m.senderSide}`)})
        </Text>
        <Group gap="xs">
          {m.unread ? (
            <Badge size="sm" color="red.9">
              {t("messaging.new")}
            </Badge>
          ) : null}
          <Text size="xs" c="dimmed">
            {formatDateTime(m.createdAt)}
          </Text>
        </Group>
      </Group>
      {m.topic ? (
        <Text size="sm" c="dimmed">
          {t("messaging.topic")}: {m.topic}
        </Text>
      ) : null}
      <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} data-testid="message-text">
        {m.text}
      </Text>
      {m.attachments.length > 0 ? (
        <List size="sm" mt="xs" spacing={2}>
          {m.attachments.map((a) => (
            <List.Item key={a.id}>
              <Anchor
                href={attachmentUrl(engagementId, m.id, a.id)}
                download={a.fileName}
                data-testid="message-attachment"
                style={{ overflowWrap: "anywhere" }}
              >
                {a.fileName}
              </Anchor>{" "}
              <Text span size="xs" c="dimmed">
                ({formatSize(a.sizeBytes)})
              </Text>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Paper>
  );
}

function Composer({ engagementId, side }: { engagementId: string; side: Side }) {
  const { t } = useTranslation();
  const post = usePostMessage(engagementId);
  const [text, setText] = useState("");
  const [topic, setTopic] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [warning, setWarning] = useState<PersonalDataMatch[] | null>(null);

  const send = (acknowledgePersonalData: boolean) => {
    post.mutate(
      { text, topic: topic.trim() || null, acknowledgePersonalData, files },
      {
        onSuccess: () => {
          setText("");
          setTopic("");
          setFiles([]);
          setWarning(null);
        },
        onError: (err) => {
          if (isApiError(err, 422) && err.code === "personal_data_warning") {
            setWarning(((err.details as { matches?: PersonalDataMatch[] } | undefined)?.matches ?? []) as PersonalDataMatch[]);
          }
        },
      },
    );
  };
  const otherError = post.error && !(isApiError(post.error, 422) && post.error.code === "personal_data_warning") ? post.error : null;

  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) send(false);
      }}
    >
      <TextInput
        label={t("messaging.topic")}
        description={t("messaging.topicHint")}
        value={topic}
        maxLength={MESSAGE_TOPIC_MAX}
        onChange={(e) => setTopic(e.currentTarget.value)}
      />
      <Textarea
        id={COMPOSER_TEXT_ID}
        label={t("messaging.text")}
        description={side === "company" ? t("messaging.namesStayInside") : undefined}
        required
        autosize
        minRows={3}
        maxLength={MESSAGE_TEXT_MAX}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setWarning(null);
        }}
        data-testid="message-input"
      />
      <FileInput
        multiple
        clearable
        clearButtonProps={{ "aria-label": t("common.clearFile") }}
        label={t("messaging.attachments")}
        description={t("messaging.attachmentsHint", { max: MAX_MESSAGE_ATTACHMENTS })}
        placeholder={t("common.chooseFile")}
        accept="application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        value={files}
        onChange={(f) => setFiles(f.slice(0, MAX_MESSAGE_ATTACHMENTS))}
        data-testid="message-files"
      />
      {warning ? (
        <Alert color="orange" title={t("messaging.warningTitle")} data-testid="message-warning">
          <Text size="sm">{t("messaging.warningBody")}</Text>
          <List size="sm" my="xs">
            {warning.map((m) => (
              <List.Item key={`${m.kind}:${m.value}`}>
                {t(`messaging.match.${m.kind}`)}: {m.value}
              </List.Item>
            ))}
          </List>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setWarning(null)}>
              {t("messaging.edit")}
            </Button>
            <Button size="xs" color="orange" loading={post.isPending} onClick={() => send(true)} data-testid="message-send-anyway">
              {t("messaging.sendAnyway")}
            </Button>
          </Group>
        </Alert>
      ) : null}
      {otherError ? <ErrorAlert error={otherError} /> : null}
      <Group justify="flex-end">
        <Button type="submit" loading={post.isPending} disabled={!text.trim() || warning !== null} data-testid="message-send">
          {t("messaging.send")}
        </Button>
      </Group>
    </Stack>
  );
}

/** The engagement's thread for either side: composer, messages newest first, read marking when unread ones are shown. */
export function MessagesPanel({ engagementId, side }: { engagementId: string; side: Side }) {
  const { t } = useTranslation();
  const thread = useMessages(engagementId);
  const markRead = useMarkMessagesRead(engagementId);
  const messages = loadedItems(thread.data);
  // Shown is read: the newest unread message marks the thread read once (not again while the list refetches).
  const newestUnread = messages.find((m) => m.unread)?.id ?? null;
  const marked = useRef<string | null>(null);
  const { mutate } = markRead;
  useEffect(() => {
    if (newestUnread && marked.current !== newestUnread) {
      marked.current = newestUnread;
      mutate();
    }
  }, [newestUnread, mutate]);

  return (
    <section aria-labelledby="messages-heading" data-testid="messages-panel">
      <Title order={2} fz="h4" id="messages-heading" mb="sm">
        {t("messaging.title")}
      </Title>
      <Stack gap="md">
        <Composer engagementId={engagementId} side={side} />
        {thread.isError ? <ErrorAlert error={thread.error} onRetry={() => void thread.refetch()} /> : null}
        {thread.isSuccess && messages.length === 0 ? <Text c="dimmed">{t("messaging.empty")}</Text> : null}
        <Stack gap="xs" data-testid="message-list">
          {messages.map((m) => (
            <MessageItem key={m.id} m={m} side={side} engagementId={engagementId} />
          ))}
        </Stack>
        <LoadMore query={thread} />
      </Stack>
    </section>
  );
}
