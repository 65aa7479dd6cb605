import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { errorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { PasswordField } from "../../../components/ui/password-field";
import { apiRequest, isApiError } from "../../../lib/api-client";
import { useSignIn } from "../api/sign-in";

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // Company SSO (ADR 0021): after the address, ask whether its domain signs in with the company's provider.
  const [sso, setSso] = useState<{ email: string; passwordSignIn: boolean } | null>(null);
  const [params] = useSearchParams();
  function checkSso() {
    const address = email.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) return setSso(null);
    apiRequest<{ sso: boolean; passwordSignIn: boolean }>("/api/sso/discover", { method: "POST", json: { email: address } })
      .then((r) => setSso(r.sso ? { email: address, passwordSignIn: r.passwordSignIn } : null))
      .catch(() => setSso(null));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  }

  const error = signIn.error;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageHeader title={t("auth.login.title")} />
        {params.get("sso_error") ? (
          <Alert color="red" role="alert">
            {t("auth.login.ssoError")}
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" role="alert">
            {isApiError(error, 401)
              ? t("auth.login.invalid")
              : isApiError(error, 403)
                ? t("auth.login.passwordOff")
                : errorMessage(error, t)}
          </Alert>
        ) : null}
        <TextInput
          label={t("auth.email")}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          onBlur={checkSso}
        />
        {sso ? (
          <Button component="a" href={`/api/sso/start?email=${encodeURIComponent(sso.email)}`}>
            {t("auth.login.sso")}
          </Button>
        ) : null}
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
