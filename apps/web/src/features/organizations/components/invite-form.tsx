import { INVITABLE_ROLES, type MemberRole } from "@bgm/domain";
import { Alert, Button, Group, NativeSelect, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { notify } from "../../../lib/notify";
import { useCreateInvitation } from "../api/create-invitation";

export function InviteForm({ myRole }: { myRole: MemberRole }) {
  const { t } = useTranslation();
  const roles = INVITABLE_ROLES[myRole] ?? [];
  const create = useCreateInvitation();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<MemberRole | undefined>(roles[roles.length - 1]);

  if (roles.length === 0 || !role) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!role) return;
    const address = email.trim();
    create.mutate(
      { email: address, role },
      {
        onSuccess: () => {
          notify({ color: "green", message: t("team.invited", { email: address }) });
          setEmail("");
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t("team.inviteTitle")}>
      {create.error ? (
        <Alert color="red" role="alert" mb="sm">
          {errorMessage(create.error, t)}
        </Alert>
      ) : null}
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t("team.email")} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} w={280} />
        <NativeSelect
          label={t("team.role")}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as MemberRole)}
          data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <Button type="submit" loading={create.isPending} disabled={!email.trim()}>
          {t("team.invite")}
        </Button>
      </Group>
    </form>
  );
}
