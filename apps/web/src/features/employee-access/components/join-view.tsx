import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { LoadingState } from "../../../components/ui/loading-state";
import { PageHeader } from "../../../components/ui/page-header";
import { isApiError } from "../../../lib/api-client";
import { useJoinInfo, useRequestSignInLink } from "../api/join";

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The public join page behind the company link: the company's name and one field. Whatever the address,
 * the page says the same ("if it is in the register, a link is on its way"), as the server does.
 */
export function JoinView({ token }: { token: string }) {
  const { t } = useTranslation();
  const info = useJoinInfo(token);
  const request = useRequestSignInLink(token);
  const [email, setEmail] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (info.isPending) return <LoadingState />;
  if (info.isError) {
    if (isApiError(info.error, 404)) {
      return (
        <Stack>
          <PageHeader title={t("employeeAccess.join.invalidTitle")} />
          <Text>{t("employeeAccess.join.invalidBody")}</Text>
        </Stack>
      );
    }
    return (
      <Alert color="red" role="alert">
        {errorMessage(info.error, t)}
      </Alert>
    );
  }
  const org = info.data.organizationName;

  if (sentTo) {
    return (
      <Stack>
        <PageHeader title={t("employeeAccess.join.sentTitle")} />
        <Text role="status">{t("employeeAccess.join.sent", { email: sentTo, org, minutes: info.data.signInLinkMinutes })}</Text>
        <Text size="sm" c="dimmed">
          {t("employeeAccess.join.sentHint")}
        </Text>
        <Button
          variant="default"
          onClick={() => {
            request.reset();
            setSentTo(null);
          }}
        >
          {t("employeeAccess.join.otherAddress")}
        </Button>
      </Stack>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = email.trim();
    if (!LOOKS_LIKE_EMAIL.test(value)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    request.mutate(value, { onSuccess: () => setSentTo(value) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageHeader title={t("employeeAccess.join.title", { org })} description={t("employeeAccess.join.intro", { org })} />
        {request.error ? (
          <Alert color="red" role="alert">
            {isApiError(request.error, 404) ? t("employeeAccess.join.invalidBody") : errorMessage(request.error, t)}
          </Alert>
        ) : null}
        <TextInput
          label={t("employeeAccess.join.email")}
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          value={email}
          error={invalid ? t("employeeAccess.join.emailInvalid") : undefined}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <Button type="submit" loading={request.isPending}>
          {t("employeeAccess.join.submit")}
        </Button>
      </Stack>
    </form>
  );
}
