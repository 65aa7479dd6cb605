import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../../components/ui/date-field";
import { FormModal, ModalForm } from "../../../components/ui/form-modal";
import { useCreateApiKey } from "../api/api-keys";
import type { CreatedApiKeyResponse } from "../api/types";

/** Creates a key and shows the plaintext exactly once, with a copy button. */
export function CreateApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedApiKeyResponse | null>(null);

  function close() {
    setCreated(null);
    onClose();
  }

  return (
    <FormModal opened={opened} onClose={close} title={created ? t("dataSharing.apiKeys.createdTitle") : t("dataSharing.apiKeys.create")}>
      {created ? <CreatedKey created={created} onDone={close} /> : opened ? <CreateForm onCreated={setCreated} onCancel={close} /> : null}
    </FormModal>
  );
}

function CreateForm({ onCreated, onCancel }: { onCreated: (key: CreatedApiKeyResponse) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const create = useCreateApiKey();
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState<string | null>(null);

  function submit() {
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), ...(expiry ? { expiresAt: new Date(`${expiry}T23:59:59.000Z`).toISOString() } : {}) },
      { onSuccess: onCreated },
    );
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={t("dataSharing.apiKeys.create")}
      pending={create.isPending}
      error={create.error}
      submitDisabled={!name.trim()}
    >
      <TextInput
        label={t("dataSharing.apiKeys.name")}
        required
        maxLength={200}
        data-autofocus
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <DateField label={t("dataSharing.apiKeys.expiresOptional")} value={expiry} onChange={setExpiry} />
    </ModalForm>
  );
}

function CreatedKey({ created, onDone }: { created: CreatedApiKeyResponse; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="orange">{t("dataSharing.apiKeys.createdBody")}</Alert>
      <TextInput label={t("dataSharing.apiKeys.key")} value={created.key} readOnly onFocus={(e) => e.currentTarget.select()} />
      <Group justify="space-between">
        <CopyButton value={created.key}>
          {({ copied, copy }) => (
            <Button variant="light" color={copied ? "green" : undefined} onClick={copy}>
              {copied ? t("dataSharing.apiKeys.copied") : t("dataSharing.apiKeys.copy")}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>{t("dataSharing.apiKeys.done")}</Button>
      </Group>
      <Text size="xs" c="dimmed">
        {created.name}
      </Text>
    </Stack>
  );
}
