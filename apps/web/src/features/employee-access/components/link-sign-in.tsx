import { Alert, Anchor, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { isApiError } from "../../../lib/api-client";
import { useCompleteSignIn } from "../api/join";

/**
 * The page the mailed sign-in link opens. Signing in takes a click on purpose: mail filters and link
 * previews open links on their own, and the link works only once.
 */
export function LinkSignIn({ token, onSignedIn }: { token: string | null; onSignedIn: () => void }) {
  const { t } = useTranslation();
  const complete = useCompleteSignIn();

  const refused = complete.error
    ? isApiError(complete.error, 400)
      ? t("employeeAccess.signIn.invalid")
      : errorMessage(complete.error, t)
    : null;

  return (
    <Stack>
      <PageHeader title={t("employeeAccess.signIn.title")} description={token ? t("employeeAccess.signIn.intro") : undefined} />
      {!token ? <Text>{t("employeeAccess.signIn.missing")}</Text> : null}
      {refused ? (
        <Alert color="red" role="alert">
          {refused}
        </Alert>
      ) : null}
      {token && !refused ? (
        <Button loading={complete.isPending} onClick={() => complete.mutate(token, { onSuccess: onSignedIn })}>
          {t("employeeAccess.signIn.submit")}
        </Button>
      ) : null}
      <Anchor component={Link} to="/login" size="sm">
        {t("employeeAccess.signIn.toLogin")}
      </Anchor>
    </Stack>
  );
}
