import { SIGN_IN_LINK_MINUTES } from "@bgm/domain";
import { Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { FormModal, ModalForm } from "../../../components/ui/form-modal";
import { LoadingState } from "../../../components/ui/loading-state";
import { formatDateTime } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useCreateJoinLink, useDisableJoinLink, useJoinLink } from "../api/join-link";

type Confirming = "rotate" | "disable" | null;

/**
 * The manager's card for the company's join link: shown with a copy button, replaced (the old link dies at
 * once) or disabled. Employees in the register sign in through it without being invited one by one.
 */
export function JoinLinkCard() {
  const { t } = useTranslation();
  const link = useJoinLink();
  const create = useCreateJoinLink();
  const disable = useDisableJoinLink();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const close = () => setConfirming(null);
  const current = link.data?.link ?? null;

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="join-link-title" data-testid="join-link-card">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="join-link-title">
          {t("employeeAccess.card.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("employeeAccess.card.intro", { minutes: SIGN_IN_LINK_MINUTES })}
        </Text>
        {link.isPending ? <LoadingState /> : null}
        {link.isError ? <ErrorAlert error={link.error} onRetry={() => void link.refetch()} /> : null}
        {create.error && !confirming ? <ErrorAlert error={create.error} /> : null}
        {link.data && current ? (
          <>
            <TextInput
              label={t("employeeAccess.card.linkLabel")}
              value={current.url}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            />
            <Group gap="sm" wrap="wrap">
              <CopyButton value={current.url}>
                {({ copied, copy }) => (
                  <Button color={copied ? "green" : undefined} onClick={copy}>
                    {copied ? t("employeeAccess.card.copied") : t("employeeAccess.card.copy")}
                  </Button>
                )}
              </CopyButton>
              <Button variant="default" onClick={() => setConfirming("rotate")}>
                {t("employeeAccess.card.rotate")}
              </Button>
              <Button variant="subtle" color="red" onClick={() => setConfirming("disable")}>
                {t("employeeAccess.card.disable")}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t("employeeAccess.card.createdAt", { date: formatDateTime(current.createdAt) })}
            </Text>
          </>
        ) : null}
        {link.data && !current ? (
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">{t("employeeAccess.card.none")}</Text>
            <Button
              loading={create.isPending}
              onClick={() =>
                create.mutate(undefined, { onSuccess: () => notify({ color: "green", message: t("employeeAccess.card.created") }) })
              }
            >
              {t("employeeAccess.card.create")}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <FormModal opened={confirming === "rotate"} onClose={close} title={t("employeeAccess.card.rotateTitle")}>
        {confirming === "rotate" ? (
          <ModalForm
            onSubmit={() =>
              create.mutate(undefined, {
                onSuccess: () => {
                  notify({ color: "green", message: t("employeeAccess.card.rotated") });
                  close();
                },
              })
            }
            onCancel={close}
            submitLabel={t("employeeAccess.card.rotate")}
            pending={create.isPending}
            error={create.error}
            autoFocusSubmit
          >
            <Text>{t("employeeAccess.card.rotateBody")}</Text>
          </ModalForm>
        ) : null}
      </FormModal>
      <FormModal opened={confirming === "disable"} onClose={close} title={t("employeeAccess.card.disableTitle")}>
        {confirming === "disable" ? (
          <ModalForm
            onSubmit={() =>
              disable.mutate(undefined, {
                onSuccess: () => {
                  notify({ color: "green", message: t("employeeAccess.card.disabled") });
                  close();
                },
              })
            }
            onCancel={close}
            submitLabel={t("employeeAccess.card.disable")}
            submitColor="red"
            pending={disable.isPending}
            error={disable.error}
            autoFocusSubmit
          >
            <Text>{t("employeeAccess.card.disableBody")}</Text>
          </ModalForm>
        ) : null}
      </FormModal>
    </Card>
  );
}
