import { PASSWORD_LENGTH } from "@bgm/domain";
import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { PasswordField } from "../../../components/ui/password-field";
import { useSignUp } from "../api/sign-up";

export function SignupForm({ onSignedUp, loginHref }: { onSignedUp: () => void; loginHref: string }) {
  const { t } = useTranslation();
  const signUp = useSignUp();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    signUp.mutate({ name: name.trim(), email: email.trim(), password }, { onSuccess: onSignedUp });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageHeader title={t("auth.signup.title")} />
        {signUp.error ? (
          <Alert color="red" role="alert">
            {errorMessage(signUp.error, t)}
          </Alert>
        ) : null}
        <TextInput label={t("auth.name")} autoComplete="name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <TextInput
          label={t("auth.email")}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <PasswordField
          label={t("auth.password")}
          description={t("auth.signup.passwordHint", { min: PASSWORD_LENGTH.min })}
          autoComplete="new-password"
          required
          minLength={PASSWORD_LENGTH.min}
          maxLength={PASSWORD_LENGTH.max}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button type="submit" loading={signUp.isPending}>
          {t("auth.signup.submit")}
        </Button>
        <Text size="sm">
          {t("auth.signup.haveAccount")}{" "}
          <Anchor component={Link} to={loginHref}>
            {t("auth.signup.toLogin")}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
