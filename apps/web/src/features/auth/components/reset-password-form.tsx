import { PASSWORD_LENGTH } from "@bgm/domain";
import { Alert, Anchor, Button, Stack } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { PasswordField } from "../../../components/ui/password-field";
import { useResetPassword } from "../api/reset-password";

export function ResetPasswordForm({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const [password, setPassword] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (token) reset.mutate({ newPassword: password, token });
  }

  if (reset.isSuccess) {
    return (
      <Stack>
        <PageHeader title={t("auth.reset.title")} />
        <Alert color="green" role="status">
          {t("auth.reset.done")}
        </Alert>
        <Anchor component={Link} to="/login">
          {t("auth.reset.toLogin")}
        </Anchor>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageHeader title={t("auth.reset.title")} />
        {!token ? (
          <Alert color="red" role="alert">
            {t("auth.reset.missingToken")}
          </Alert>
        ) : null}
        {reset.error ? (
          <Alert color="red" role="alert">
            {errorMessage(reset.error, t)}
          </Alert>
        ) : null}
        <PasswordField
          label={t("auth.reset.newPassword")}
          description={t("auth.signup.passwordHint", { min: PASSWORD_LENGTH.min })}
          autoComplete="new-password"
          required
          minLength={PASSWORD_LENGTH.min}
          maxLength={PASSWORD_LENGTH.max}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button type="submit" loading={reset.isPending} disabled={!token}>
          {t("auth.reset.submit")}
        </Button>
      </Stack>
    </form>
  );
}
