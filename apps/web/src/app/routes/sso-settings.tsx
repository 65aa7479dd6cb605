import { Alert, Button, Card, Checkbox, Code, Group, NativeSelect, PasswordInput, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../components/ui/error-message";
import { PageHeader } from "../../components/ui/page-header";
import { apiRequest } from "../../lib/api-client";

type Role = "employee" | "bgm_manager";
interface SsoConfig {
  issuer: string;
  clientId: string;
  domains: string[];
  defaultRole: Role;
  roleClaim: string | null;
  roleMapping: Record<string, Role>;
  passwordSignInDisabled: boolean;
}
interface SsoState {
  config: SsoConfig | null;
  redirectUri: string;
}
interface TestResult {
  ok: boolean;
  message: string | null;
}

const KEY = ["organization", "sso"] as const;

/**
 * Company login (SSO, ADR 0021): the company's OpenID Connect provider. A page of its own, loaded lazily,
 * so the sign-in page's bundle stays small. The client secret is write-only: empty means "keep".
 */
export function SsoSettingsRoute() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: KEY, queryFn: () => apiRequest<SsoState>("/api/organization/sso") });
  const [issuer, setIssuer] = useState("");
  const [clientId, setClientId] = useState("");
  const [clientSecret, setClientSecret] = useState("");
  const [domains, setDomains] = useState("");
  const [defaultRole, setDefaultRole] = useState<Role>("employee");
  const [roleClaim, setRoleClaim] = useState("");
  const [managerValues, setManagerValues] = useState("");
  const [passwordOff, setPasswordOff] = useState(false);

  const config = state.data?.config;
  useEffect(() => {
    if (!config) return;
    setIssuer(config.issuer);
    setClientId(config.clientId);
    setDomains(config.domains.join(", "));
    setDefaultRole(config.defaultRole);
    setRoleClaim(config.roleClaim ?? "");
    setManagerValues(
      Object.entries(config.roleMapping)
        .filter(([, role]) => role === "bgm_manager")
        .map(([value]) => value)
        .join(", "),
    );
    setPasswordOff(config.passwordSignInDisabled);
  }, [config]);

  const list = (text: string) =>
    text
      .split(/[\s,;]+/)
      .map((v) => v.trim())
      .filter(Boolean);

  const save = useMutation({
    mutationFn: () =>
      apiRequest<SsoState>("/api/organization/sso", {
        method: "PUT",
        json: {
          issuer: issuer.trim(),
          clientId: clientId.trim(),
          ...(clientSecret ? { clientSecret } : {}),
          domains: list(domains).map((d) => d.toLowerCase()),
          defaultRole,
          roleClaim: roleClaim.trim() || null,
          roleMapping: Object.fromEntries(list(managerValues).map((v) => [v, "bgm_manager"])),
          passwordSignInDisabled: passwordOff,
        },
      }),
    onSuccess: (data) => {
      setClientSecret("");
      queryClient.setQueryData(KEY, data);
    },
  });
  const remove = useMutation({
    mutationFn: () => apiRequest<SsoState>("/api/organization/sso", { method: "DELETE" }),
    onSuccess: (data) => queryClient.setQueryData(KEY, data),
  });
  const test = useMutation({
    mutationFn: () => apiRequest<TestResult>("/api/organization/sso/test", { method: "POST", json: { issuer: issuer.trim() } }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <Stack gap="lg">
      <PageHeader title={t("sso.title")} />
      <Card withBorder>
        <form onSubmit={submit} noValidate>
          <Stack>
            {state.data ? (
              <Text size="sm">
                {t("sso.redirectUri")} <Code>{state.data.redirectUri}</Code>
              </Text>
            ) : null}
            <Group align="end">
              <TextInput
                style={{ flex: 1 }}
                label={t("sso.issuer")}
                placeholder="https://login.example.com/realms/firma"
                required
                value={issuer}
                onChange={(e) => setIssuer(e.currentTarget.value)}
              />
              <Button variant="default" onClick={() => test.mutate()} loading={test.isPending} disabled={!issuer.trim()}>
                {t("sso.test")}
              </Button>
            </Group>
            {test.data ? (
              <Alert color={test.data.ok ? "green" : "red"} role="status">
                {test.data.ok ? t("sso.testOk") : `${t("sso.testFailed")} ${test.data.message ?? ""}`}
              </Alert>
            ) : null}
            {test.error ? <Alert color="red">{errorMessage(test.error, t)}</Alert> : null}
            <TextInput label={t("sso.clientId")} required value={clientId} onChange={(e) => setClientId(e.currentTarget.value)} />
            <PasswordInput
              label={t("sso.clientSecret")}
              required={!config}
              autoComplete="off"
              value={clientSecret}
              onChange={(e) => setClientSecret(e.currentTarget.value)}
            />
            <Textarea label={t("sso.domains")} required autosize value={domains} onChange={(e) => setDomains(e.currentTarget.value)} />
            <NativeSelect
              label={t("sso.defaultRole")}
              value={defaultRole}
              onChange={(e) => setDefaultRole(e.currentTarget.value as Role)}
              data={[
                { value: "employee", label: t("roles.employee") },
                { value: "bgm_manager", label: t("roles.bgm_manager") },
              ]}
            />
            <Group grow>
              <TextInput
                label={t("sso.roleClaim")}
                placeholder="groups"
                value={roleClaim}
                onChange={(e) => setRoleClaim(e.currentTarget.value)}
              />
              <TextInput
                label={t("sso.managerValues")}
                placeholder="bgm-admins"
                value={managerValues}
                onChange={(e) => setManagerValues(e.currentTarget.value)}
              />
            </Group>
            <Checkbox label={t("sso.passwordOff")} checked={passwordOff} onChange={(e) => setPasswordOff(e.currentTarget.checked)} />
            {save.error ? <Alert color="red">{errorMessage(save.error, t)}</Alert> : null}
            {save.isSuccess ? <Alert color="green">{t("common.saved")}</Alert> : null}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t("common.save")}
              </Button>
              {config ? (
                <Button color="red" variant="light" onClick={() => remove.mutate()} loading={remove.isPending}>
                  {t("sso.remove")}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
