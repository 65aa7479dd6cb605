import { Alert, Button, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/format";
import { useLocalized } from "../../../lib/use-localized";
import type { EngagementDetail } from "../../engagements";
import { useDataRequest } from "../api/data-grants";
import { GrantDialog } from "./grant-dialog";
import { canManageDataAccess } from "./manage-data-access-button";

/**
 * After accepting a quote the partner usually cannot start without the data its offering needs, and
 * the "manage data access" button alone went unnoticed. Asks for a decision on every requested scope
 * that has neither a live grant nor a "no" as its latest answer; the manager can hide it for this visit.
 */
export function DataAccessPrompt({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const [opened, setOpened] = useState(false);
  const [hidden, setHidden] = useState(false);
  const grantable = canManageDataAccess(engagement.status);
  const request = useDataRequest(engagement.id, grantable);
  const scopes = grantable && request.data?.canGrant ? request.data.scopes : [];
  const open = scopes.filter((s) => s.currentGrant === null && s.declinedAt === null && s.revokedAt === null);
  // Revoked on purpose: decided, so no "pending" warning — but say when, and offer to grant again.
  const revoked = scopes.filter((s) => s.currentGrant === null && s.revokedAt !== null);
  const show = !hidden && open.length > 0;
  const lastRevokedAt = revoked
    .map((s) => s.revokedAt as string)
    .sort()
    .at(-1);

  // The dialog stays mounted when the prompt goes away after a grant, so its success message still shows.
  return (
    <>
      {show ? (
        <Alert
          color="orange"
          title={t("engagements.dataAccess.title")}
          withCloseButton
          closeButtonLabel={t("common.close")}
          onClose={() => setHidden(true)}
          data-testid="data-access-prompt"
        >
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              {t("engagements.dataAccess.body", {
                provider: engagement.providerName,
                count: open.length,
                scopes: open.map((s) => l(s.label)).join(", "),
              })}
            </Text>
            <Button size="xs" onClick={() => setOpened(true)}>
              {t("engagements.dataAccess.review")}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      {!show && !hidden && revoked.length > 0 && lastRevokedAt ? (
        <Alert
          color="gray"
          title={t("engagements.dataAccess.revokedTitle", { count: revoked.length })}
          withCloseButton
          closeButtonLabel={t("common.close")}
          onClose={() => setHidden(true)}
          data-testid="data-access-revoked"
        >
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              {t("engagements.dataAccess.revokedBody", {
                count: revoked.length,
                scopes: revoked.map((s) => l(s.label)).join(", "),
                date: formatDateTime(lastRevokedAt),
                provider: engagement.providerName,
              })}
            </Text>
            <Button size="xs" variant="light" onClick={() => setOpened(true)}>
              {t("engagements.dataAccess.grantAgain")}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      <GrantDialog engagementId={engagement.id} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
