import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatNumber } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useLocalized } from "../../../lib/use-localized";
import { useRevokeGrant } from "../api/data-grants";
import type { GrantWithLog, PartnerGrantsItem } from "../api/types";
import { AccessCounts } from "./access-counts";
import { GrantStateBadge, SensitivityBadge } from "./badges";
import { ConfirmModal } from "./confirm-modal";
import { useFieldNames } from "./field-names";
import { GrantStateText } from "./grant-state-text";

/**
 * One partner's grants (any state), each with its access totals, plus the attempts that named no grant.
 * The entries themselves are in the paged access log below, which a grant's button narrows to it.
 */
export function PartnerGrants({ partner, onShowLog }: { partner: PartnerGrantsItem; onShowLog: (grant: GrantWithLog) => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const fieldNames = useFieldNames();
  const revoke = useRevokeGrant();
  const [revoking, setRevoking] = useState<GrantWithLog | null>(null);
  const headingId = `partner-${partner.providerOrgId}`;

  function close() {
    revoke.reset();
    setRevoking(null);
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} fz="h3" id={headingId}>
          {partner.providerName}
        </Title>
        {partner.grants.map((grant) => {
          const label = localized(grant.label);
          return (
            <Paper key={grant.id} withBorder p="sm" component="article" aria-label={`${label} – ${partner.providerName}`}>
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start">
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Title order={3} fz="h5">
                        {label}
                      </Title>
                      <GrantStateBadge state={grant.state} />
                      <SensitivityBadge sensitivity={grant.sensitivity} />
                    </Group>
                    <Text size="sm">
                      {t("dataSharing.page.engagement")}:{" "}
                      <Anchor component={Link} to={`/engagements/${grant.engagementId}`}>
                        {grant.offeringTitle ?? grant.engagementId}
                      </Anchor>
                    </Text>
                  </Stack>
                  {grant.state === "active" ? (
                    <Button
                      variant="outline"
                      color="red"
                      size="xs"
                      aria-label={t("dataSharing.page.revokeLabel", { scope: label, partner: partner.providerName })}
                      onClick={() => setRevoking(grant)}
                    >
                      {t("dataSharing.page.revoke")}
                    </Button>
                  ) : null}
                </Group>
                <GrantStateText grant={grant} />
                <Text size="sm" c="dimmed">
                  {t("dataSharing.dialog.purpose", { purpose: localized(grant.purpose) })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t("dataSharing.dialog.fields", { fields: fieldNames(grant.scopeKey, grant.fields) })}
                </Text>
                <Text size="sm">
                  {t("dataSharing.page.grantedBy", { name: grant.grantedByName ?? "–", date: formatDate(grant.grantedAt) })}
                  {grant.state === "active" ? ` · ${t("dataSharing.page.expires", { date: formatDate(grant.expiresAt) })}` : null}
                </Text>
                <Group gap="xs">
                  <AccessCounts access={grant.access} />
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => onShowLog(grant)}
                    aria-label={t("dataSharing.page.showLogFor", { scope: label })}
                  >
                    {t("dataSharing.page.showLog")}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          );
        })}
        {partner.otherAttempts.served + partner.otherAttempts.denied > 0 ? (
          <Text size="sm">
            {t("dataSharing.page.otherAttempts")}: {formatNumber(partner.otherAttempts.denied)}
          </Text>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={revoking !== null}
        title={t("dataSharing.page.revokeTitle")}
        body={revoking ? t("dataSharing.page.revokeBody", { partner: partner.providerName, scope: localized(revoking.label) }) : ""}
        confirmLabel={t("dataSharing.page.revoke")}
        loading={revoke.isPending}
        error={revoke.error}
        onClose={close}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notify({ color: "green", message: t("dataSharing.page.revoked") });
              close();
            },
          });
        }}
      />
    </Paper>
  );
}
