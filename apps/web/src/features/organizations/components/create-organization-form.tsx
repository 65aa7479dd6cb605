import type { OrgKind } from "@bgm/domain";
import { Alert, Button, Radio, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { useCreateOrganization } from "../api/create-organization";

export function CreateOrganizationForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const create = useCreateOrganization();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<OrgKind>("company");

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name: name.trim(), kind }, { onSuccess: onCreated });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageHeader title={t("onboarding.title")} />
        <Text>{t("onboarding.intro")}</Text>
        {create.error ? (
          <Alert color="red" role="alert">
            {errorMessage(create.error, t)}
          </Alert>
        ) : null}
        <TextInput label={t("onboarding.name")} required maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Radio.Group label={t("onboarding.kind")} value={kind} onChange={(v) => setKind(v as OrgKind)} required>
          <Stack gap="xs" mt="xs">
            <Radio value="company" label={t("onboarding.kindCompany")} />
            <Radio value="provider" label={t("onboarding.kindProvider")} />
          </Stack>
        </Radio.Group>
        <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
          {t("onboarding.submit")}
        </Button>
      </Stack>
    </form>
  );
}
