import { SUBSCRIBABLE_WEBHOOK_EVENTS, WEBHOOK_EVENTS, type WebhookEventType } from "@bgm/domain";
import { Alert, Badge, Button, Card, Checkbox, Code, CopyButton, Group, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ui/error-alert";
import { FormModal, ModalForm } from "../../components/ui/form-modal";
import { LoadMore } from "../../components/ui/load-more";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { loadedItems } from "../../lib/cursor-pages";
import {
  useCreateWebhook,
  useDeleteWebhook,
  useRotateWebhookSecret,
  useSendTestEvent,
  useUpdateWebhook,
  useWebhookAttempts,
  useWebhookEndpoints,
  type WebhookEndpointItem,
} from "./api";

/** The partner admin's webhooks: endpoints, their events, the secret shown once, the delivery log, a test button. */
export function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const endpoints = useWebhookEndpoints();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const items = loadedItems(endpoints.data);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("webhooks.title")}
        description={t("webhooks.description")}
        actions={<Button onClick={() => setCreating(true)}>{t("webhooks.add")}</Button>}
      />
      {secret ? <SecretOnce secret={secret} onDone={() => setSecret(null)} /> : null}
      {endpoints.isPending ? <LoadingState /> : null}
      {endpoints.isError ? <ErrorAlert error={endpoints.error} onRetry={() => void endpoints.refetch()} /> : null}
      {endpoints.data && items.length === 0 ? <Text c="dimmed">{t("webhooks.empty")}</Text> : null}
      {items.map((e) => (
        <EndpointCard key={e.id} endpoint={e} lang={i18n.language} onSecret={setSecret} />
      ))}
      <LoadMore query={endpoints} />
      <CreateWebhookModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(s) => {
          setCreating(false);
          setSecret(s);
        }}
      />
    </Stack>
  );
}

const label = (type: string, lang: string) => {
  const def = WEBHOOK_EVENTS[type as WebhookEventType];
  return def ? (lang.startsWith("en") ? def.en : def.de) : type;
};

function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t("webhooks.secretTitle")}>
      <Stack gap="xs">
        <Text size="sm">{t("webhooks.secretOnce")}</Text>
        <Code block>{secret}</Code>
        <Group>
          <CopyButton value={secret}>
            {({ copied, copy }) => <Button onClick={copy}>{copied ? t("webhooks.copied") : t("webhooks.copy")}</Button>}
          </CopyButton>
          <Button variant="default" onClick={onDone}>
            {t("webhooks.done")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function EndpointCard({ endpoint, lang, onSecret }: { endpoint: WebhookEndpointItem; lang: string; onSecret: (s: string) => void }) {
  const { t } = useTranslation();
  const [showLog, setShowLog] = useState(false);
  const test = useSendTestEvent();
  const rotate = useRotateWebhookSecret();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const active = endpoint.status === "active";
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} style={{ wordBreak: "break-all" }}>
            {endpoint.url}
          </Text>
          <Badge color={active ? "green" : "red"}>{active ? t("webhooks.active") : t("webhooks.disabled")}</Badge>
        </Group>
        {endpoint.disabledReason === "repeated_failures" ? <Alert color="red">{t("webhooks.disabledByFailures")}</Alert> : null}
        {endpoint.description ? <Text size="sm">{endpoint.description}</Text> : null}
        <Group gap={4}>
          {endpoint.events.map((e) => (
            <Badge key={e} variant="light">
              {label(e, lang)}
            </Badge>
          ))}
        </Group>
        <Group>
          <Button size="xs" onClick={() => test.mutate(endpoint.id)} loading={test.isPending} disabled={!active}>
            {t("webhooks.sendTest")}
          </Button>
          <Button size="xs" variant="default" onClick={() => setShowLog((v) => !v)}>
            {showLog ? t("webhooks.hideLog") : t("webhooks.showLog")}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={rotate.isPending}
            onClick={() => rotate.mutate(endpoint.id, { onSuccess: (r) => onSecret(r.secret) })}
          >
            {t("webhooks.rotate")}
          </Button>
          <Button size="xs" variant="default" onClick={() => update.mutate({ id: endpoint.id, status: active ? "disabled" : "active" })}>
            {active ? t("webhooks.pause") : t("webhooks.enable")}
          </Button>
          <Button size="xs" color="red" variant="subtle" onClick={() => remove.mutate(endpoint.id)}>
            {t("webhooks.delete")}
          </Button>
        </Group>
        {test.isSuccess ? <Text size="sm">{t("webhooks.testQueued")}</Text> : null}
        {[test, rotate, update, remove].map((m, i) => (m.error ? <ErrorAlert key={String(i)} error={m.error} /> : null))}
        {showLog ? <DeliveryLog id={endpoint.id} lang={lang} /> : null}
      </Stack>
    </Card>
  );
}

function DeliveryLog({ id, lang }: { id: string; lang: string }) {
  const { t } = useTranslation();
  const log = useWebhookAttempts(id);
  const items = loadedItems(log.data);
  const time = (iso: string) => new Date(iso).toLocaleString(lang);
  if (log.isPending) return <LoadingState />;
  if (log.isError) return <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />;
  if (!items.length) return <Text c="dimmed">{t("webhooks.logEmpty")}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("webhooks.log.at")}</Table.Th>
              <Table.Th>{t("webhooks.log.event")}</Table.Th>
              <Table.Th>{t("webhooks.log.attempt")}</Table.Th>
              <Table.Th>{t("webhooks.log.status")}</Table.Th>
              <Table.Th>{t("webhooks.log.latency")}</Table.Th>
              <Table.Th>{t("webhooks.log.next")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{time(a.at)}</Table.Td>
                <Table.Td>
                  {label(a.eventType, lang)}
                  <Text size="xs" c="dimmed">
                    {a.eventId}
                  </Text>
                </Table.Td>
                <Table.Td>{a.attempt}</Table.Td>
                <Table.Td>
                  <Badge color={a.ok ? "green" : "red"}>{a.statusCode ?? "—"}</Badge> {a.error ?? ""}
                </Table.Td>
                <Table.Td>{a.latencyMs} ms</Table.Td>
                <Table.Td>{a.nextAttemptAt ? time(a.nextAttemptAt) : "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore query={log} />
    </>
  );
}

function CreateWebhookModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (secret: string) => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateWebhook();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<string[]>([]);
  const ready = url.trim() !== "" && events.length > 0;
  return (
    <FormModal opened={opened} onClose={onClose} title={t("webhooks.add")}>
      {opened ? (
        <ModalForm
          onSubmit={() =>
            ready &&
            create.mutate(
              { url: url.trim(), events, description: description.trim() },
              {
                onSuccess: (r) => {
                  setUrl("");
                  setDescription("");
                  setEvents([]);
                  onCreated(r.secret);
                },
              },
            )
          }
          onCancel={onClose}
          submitLabel={t("webhooks.add")}
          pending={create.isPending}
          error={create.error}
          submitDisabled={!ready}
        >
          <TextInput
            label={t("webhooks.url")}
            description={t("webhooks.urlHint")}
            required
            type="url"
            data-autofocus
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
          />
          <TextInput
            label={t("webhooks.descriptionLabel")}
            maxLength={500}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Checkbox.Group label={t("webhooks.events")} required value={events} onChange={setEvents}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              {SUBSCRIBABLE_WEBHOOK_EVENTS.map((e) => (
                <Checkbox
                  key={e}
                  value={e}
                  label={`${label(e, i18n.language)}${WEBHOOK_EVENTS[e].planned ? ` (${t("webhooks.planned")})` : ""}`}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </ModalForm>
      ) : null}
    </FormModal>
  );
}
