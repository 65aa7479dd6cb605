import { Alert, Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { errorMessage } from "../../../components/ui/error-message";
import { LoadingState } from "../../../components/ui/loading-state";
import { PageHeader } from "../../../components/ui/page-header";
import { formatDateTime } from "../../../lib/format";
import { useMe } from "../../auth";
import { useAcceptInvitation } from "../api/accept-invitation";
import { useInvitation } from "../api/get-invitation";

export function InvitationView({ id, token, onAccepted }: { id: string; token?: string; onAccepted: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const invitation = useInvitation(id, Boolean(me.data));
  const accept = useAcceptInvitation();
  const here = encodeURIComponent(`/invite/${id}${token ? `?token=${encodeURIComponent(token)}` : ""}`);

  if (me.isPending) return <LoadingState />;
  // Who arrives from the mail is usually signed out: the invitation is shown only to its addressee,
  // so first sign in or sign up (the link, token included, is kept for the way back).
  if (!me.data) {
    return (
      <Stack>
        <PageHeader title={t("invite.title")} />
        <Text>{t("invite.signInFirst")}</Text>
        <Group>
          <Button component={Link} to={`/login?from=${here}`}>
            {t("auth.login.submit")}
          </Button>
          <Anchor component={Link} to={`/signup?from=${here}`}>
            {t("auth.login.toSignup")}
          </Anchor>
        </Group>
      </Stack>
    );
  }
  if (invitation.isPending) return <LoadingState />;
  if (invitation.isError) {
    return (
      <Stack>
        <PageHeader title={t("invite.title")} />
        <ErrorAlert error={invitation.error} />
      </Stack>
    );
  }
  const inv = invitation.data;
  return (
    <Stack>
      <PageHeader title={t("invite.title")} />
      <Text>
        {t("invite.body", {
          org: inv.organizationName ?? "",
          role: t(`roles.${inv.role}`),
          email: inv.email,
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t("invite.expires", { date: formatDateTime(inv.expiresAt) })}
      </Text>
      {inv.status !== "pending" ? (
        <Alert color="yellow">{t("invite.notPending", { status: t(`team.statuses.${inv.status}`) })}</Alert>
      ) : (
        <>
          {accept.error ? (
            <Alert color="red" role="alert">
              {errorMessage(accept.error, t)}
            </Alert>
          ) : null}
          <Button loading={accept.isPending} onClick={() => accept.mutate({ id, token }, { onSuccess: onAccepted })}>
            {t("invite.accept")}
          </Button>
        </>
      )}
    </Stack>
  );
}
