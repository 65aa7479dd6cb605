import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { PasswordField } from "../../../components/ui/password-field";
import { isApiError } from "../../../lib/api-client";
import { useSignIn } from "../api/sign-in";

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  }

  const error = signIn.error;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageHeader title={t("auth.login.title")} />
        {error ? (
          <Alert color="red" role="alert">
            {isApiError(error, 401) ? t("auth.login.invalid") : errorMessage(error, t)}
          </Alert>
        ) : null}
        <TextInput
          label={t("auth.email")}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <PasswordField
          label={t("auth.password")}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button type="submit" loading={signIn.isPending}>
          {t("auth.login.submit")}
        </Button>
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t("auth.login.forgot")}
        </Anchor>
        <Text size="sm">
          {t("auth.login.noAccount")}{" "}
          <Anchor component={Link} to="/signup">
            {t("auth.login.toSignup")}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
