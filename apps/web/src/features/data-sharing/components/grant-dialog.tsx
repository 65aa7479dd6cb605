import { Alert, Button, Checkbox, Group, Modal, Paper, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../../components/ui/date-field";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { errorMessage } from "../../../components/ui/error-message";
import { LoadingState } from "../../../components/ui/loading-state";
import { formatDate } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useLocalized } from "../../../lib/use-localized";
import { useDataRequest, useGrantScopes } from "../api/data-grants";
import type { DataRequestResponse } from "../api/types";
import { SensitivityBadge } from "./badges";
import { useFieldNames } from "./field-names";
import { GrantStateText } from "./grant-state-text";

interface GrantDialogProps {
  engagementId: string;
  opened: boolean;
  onClose: () => void;
}

/** The "Data Access Request" box: each requested scope granted or declined on its own, with an expiry. */
export function GrantDialog({ engagementId, opened, onClose }: GrantDialogProps) {
  const { t } = useTranslation();
  const request = useDataRequest(engagementId, opened);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t("dataSharing.dialog.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {request.isPending ? <LoadingState /> : null}
      {request.isError ? <ErrorAlert error={request.error} onRetry={() => void request.refetch()} /> : null}
      {request.data ? <GrantForm key={request.dataUpdatedAt} request={request.data} onDone={onClose} /> : null}
    </Modal>
  );
}

/** Turns the chosen calendar day into a timestamp the API accepts: end of that day, never past the maximum. */
function toExpiry(date: string, request: DataRequestResponse): string {
  if (date === request.defaultExpiresAt.slice(0, 10)) return request.defaultExpiresAt;
  const endOfDay = new Date(`${date}T23:59:59.000Z`);
  const max = new Date(request.maxExpiresAt);
  return (endOfDay > max ? max : endOfDay).toISOString();
}

function GrantForm({ request, onDone }: { request: DataRequestResponse; onDone: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const fieldNames = useFieldNames();
  const grant = useGrantScopes(request.engagementId);
  const [selected, setSelected] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(request.scopes.map((s) => [s.key, s.currentGrant?.state === "active"])),
  );
  const [confirmed, setConfirmed] = useState<Record<string, boolean>>({});
  const [expiry, setExpiry] = useState<string | null>(request.defaultExpiresAt.slice(0, 10));
  const maxDate = request.maxExpiresAt.slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const expiryValid = expiry !== null && expiry >= tomorrow && expiry <= maxDate;
  const chosen = request.scopes.filter((s) => selected[s.key]);
  const missingConfirm = chosen.some((s) => s.sensitivity === "high" && !confirmed[s.key]);

  function send(grantSelected: boolean) {
    if (!expiry || !expiryValid) return;
    const decisions = request.scopes.map((s) => {
      const granted = grantSelected && selected[s.key] === true;
      return {
        scopeKey: s.key,
        grant: granted,
        ...(granted && s.sensitivity === "high" ? { confirmHighSensitivity: confirmed[s.key] === true } : {}),
      };
    });
    grant.mutate(
      { decisions, expiresAt: toExpiry(expiry, request) },
      {
        onSuccess: (result) => {
          notify({
            color: "green",
            message:
              result.granted.length > 0
                ? t("dataSharing.dialog.granted", { count: result.granted.length })
                : t("dataSharing.dialog.declined"),
          });
          onDone();
        },
      },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    send(true);
  }

  if (request.scopes.length === 0) return <Text>{t("dataSharing.dialog.noScopes")}</Text>;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {!request.canGrant ? <Alert color="orange">{t("dataSharing.dialog.cannotGrant")}</Alert> : null}
        {grant.error ? (
          <Alert color="red" role="alert">
            {errorMessage(grant.error, t)}
          </Alert>
        ) : null}
        <Text fw={600} id="grant-request-heading">
          {t("dataSharing.dialog.requests", { partner: request.providerName })}
        </Text>
        <Stack gap="sm" role="group" aria-labelledby="grant-request-heading">
          {request.scopes.map((scope) => {
            const label = localized(scope.label);
            return (
              <Paper key={scope.key} withBorder p="sm">
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Checkbox
                      label={label}
                      fw={600}
                      checked={selected[scope.key] === true}
                      disabled={!request.canGrant}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        setSelected((prev) => ({ ...prev, [scope.key]: checked }));
                      }}
                    />
                    <SensitivityBadge sensitivity={scope.sensitivity} />
                  </Group>
                  {/* The preview speaks as if granted ("… wird geteilt"); unticked, it is only what granting would share. */}
                  <Text size="sm">
                    {selected[scope.key]
                      ? `→ ${localized(scope.preview)}`
                      : t("dataSharing.dialog.previewIfGranted", { preview: localized(scope.preview) })}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t("dataSharing.dialog.purpose", { purpose: localized(scope.purpose) })}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t("dataSharing.dialog.fields", { fields: fieldNames(scope.key, scope.fields) })}
                  </Text>
                  {scope.currentGrant?.state === "active" ? (
                    <Text size="xs" c="dimmed">
                      {t("dataSharing.dialog.currentGrant", { date: formatDate(scope.currentGrant.expiresAt) })}
                    </Text>
                  ) : null}
                  {scope.currentGrant && scope.currentGrant.state !== "active" ? <GrantStateText grant={scope.currentGrant} /> : null}
                  {scope.sensitivity === "high" && selected[scope.key] ? (
                    <Checkbox
                      color="red"
                      label={t("dataSharing.dialog.confirmHigh")}
                      aria-label={`${t("dataSharing.dialog.confirmHigh")} (${label})`}
                      checked={confirmed[scope.key] === true}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        setConfirmed((prev) => ({ ...prev, [scope.key]: checked }));
                      }}
                    />
                  ) : null}
                </Stack>
              </Paper>
            );
          })}
        </Stack>
        <DateField
          label={t("dataSharing.dialog.expiresAt")}
          description={t("dataSharing.dialog.expiresHint", { date: formatDate(maxDate) })}
          required
          min={tomorrow}
          max={maxDate}
          value={expiry}
          onChange={setExpiry}
          disabled={!request.canGrant}
          error={expiryValid ? undefined : t("dataSharing.dialog.expiresInvalid", { date: formatDate(maxDate) })}
        />
        <Group justify="flex-end">
          <Button
            variant="outline"
            color="red"
            onClick={() => send(false)}
            loading={grant.isPending}
            disabled={!request.canGrant || !expiryValid}
          >
            {t("dataSharing.dialog.declineAll")}
          </Button>
          <Button
            type="submit"
            loading={grant.isPending}
            disabled={!request.canGrant || !expiryValid || chosen.length === 0 || missingConfirm}
          >
            {t("dataSharing.dialog.grant")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
