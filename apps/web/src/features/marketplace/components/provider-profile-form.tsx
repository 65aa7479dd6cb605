import { Alert, Button, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { notify } from "../../../lib/notify";
import { useUpdateProviderProfile } from "../api/provider-profile";
import type { ProviderProfileResponse } from "../api/types";

const splitList = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function ProviderProfileForm({ profile, canEdit }: { profile: ProviderProfileResponse; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateProviderProfile();
  const [description, setDescription] = useState(profile.description);
  const [regions, setRegions] = useState(profile.regions.join(", "));
  const [certifications, setCertifications] = useState(profile.certifications.join(", "));
  const [contactEmail, setContactEmail] = useState(profile.contactEmail);
  const [website, setWebsite] = useState(profile.website);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      {
        description: description.trim(),
        regions: splitList(regions),
        certifications: splitList(certifications),
        contactEmail: contactEmail.trim(),
        website: website.trim(),
      },
      { onSuccess: () => notify({ color: "green", message: t("partner.profileSaved") }) },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={720}>
        {update.error ? (
          <Alert color="red" role="alert">
            {errorMessage(update.error, t)}
          </Alert>
        ) : null}
        <TextInput label={t("partner.name")} value={profile.name} readOnly disabled />
        <Textarea
          label={t("partner.description")}
          autosize
          minRows={4}
          maxLength={5000}
          readOnly={!canEdit}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <TextInput
          label={t("partner.regions")}
          description={t("partner.regionsHint")}
          readOnly={!canEdit}
          value={regions}
          onChange={(e) => setRegions(e.currentTarget.value)}
        />
        <TextInput
          label={t("partner.profileCertifications")}
          description={t("partner.certificationsHint")}
          readOnly={!canEdit}
          value={certifications}
          onChange={(e) => setCertifications(e.currentTarget.value)}
        />
        <TextInput
          label={t("partner.contactEmail")}
          type="email"
          maxLength={254}
          readOnly={!canEdit}
          value={contactEmail}
          onChange={(e) => setContactEmail(e.currentTarget.value)}
        />
        <TextInput
          label={t("partner.website")}
          type="url"
          maxLength={300}
          readOnly={!canEdit}
          value={website}
          onChange={(e) => setWebsite(e.currentTarget.value)}
        />
        {canEdit ? (
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
