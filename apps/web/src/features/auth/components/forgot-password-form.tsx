import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { useRequestPasswordReset } from "../api/request-password-reset";

export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate(email.trim());
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageHeader title={t("auth.forgot.title")} />
        <Text>{t("auth.forgot.intro")}</Text>
        {request.isSuccess ? (
          <Alert color="green" role="status">
            {t("auth.forgot.sent")}
          </Alert>
        ) : null}
        {request.error ? (
          <Alert color="red" role="alert">
            {errorMessage(request.error, t)}
          </Alert>
        ) : null}
        <TextInput
          label={t("auth.email")}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <Button type="submit" loading={request.isPending}>
          {t("auth.forgot.submit")}
        </Button>
        <Anchor component={Link} to="/login" size="sm">
          {t("auth.forgot.toLogin")}
        </Anchor>
      </Stack>
    </form>
  );
}
