import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { PasswordField } from "../../../components/ui/password-field";
import { apiRequest, isApiError } from "../../../lib/api-client";
import { AppLink } from "../../../lib/navigation";
import { signIn } from "../api/sign-in";

interface LoginFormProps {
  /** After the session cookie is set; the button keeps spinning until it settles (the next page is loading). */
  onSignedIn: () => Promise<void> | void;
  /** The company sign-in came back refused (`?sso_error=`). */
  ssoError: boolean;
}

/**
 * Without react-router and TanStack Query: it is the sign-in shell's page too (app/sign-in-shell.tsx), so
 * its links are AppLinks and its request state is its own.
 */
export function LoginForm({ onSignedIn, ssoError }: LoginFormProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // Company SSO (ADR 0021): after the address, ask whether its domain signs in with the company's provider.
  const [sso, setSso] = useState<{ email: string; passwordSignIn: boolean } | null>(null);
  function checkSso() {
    const address = email.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) return setSso(null);
    apiRequest<{ sso: boolean; passwordSignIn: boolean }>("/api/sso/discover", { method: "POST", json: { email: address } })
      .then((r) => setSso(r.sso ? { email: address, passwordSignIn: r.passwordSignIn } : null))
      .catch(() => setSso(null));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await signIn({ email: email.trim(), password });
      await onSignedIn();
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <PageHeader title={t("auth.login.title")} />
        {ssoError ? (
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
        <Button type="submit" loading={pending}>
          {t("auth.login.submit")}
        </Button>
        <AppLink to="/forgot-password" size="sm">
          {t("auth.login.forgot")}
        </AppLink>
        <Text size="sm">
          {t("auth.login.noAccount")} <AppLink to="/signup">{t("auth.login.toSignup")}</AppLink>
        </Text>
      </Stack>
    </form>
  );
}
