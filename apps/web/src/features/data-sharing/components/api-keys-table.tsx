import { Badge, Button, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useRevokeApiKey } from "../api/api-keys";
import type { ApiKeyItem } from "../api/types";
import { ConfirmModal } from "./confirm-modal";

const STATE_COLOR: Record<ApiKeyItem["state"], string> = { active: "green", expired: "gray", revoked: "red" };

/** The provider's keys: name, prefix and dates only; the key itself was shown once at creation. */
export function ApiKeysTable({ items }: { items: ApiKeyItem[] }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiKey();
  const [revoking, setRevoking] = useState<ApiKeyItem | null>(null);

  function close() {
    revoke.reset();
    setRevoking(null);
  }

  if (items.length === 0) return <Text>{t("dataSharing.apiKeys.empty")}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("dataSharing.apiKeys.name")}</Table.Th>
              <Table.Th scope="col">{t("dataSharing.apiKeys.prefix")}</Table.Th>
              <Table.Th scope="col">{t("common.status")}</Table.Th>
              <Table.Th scope="col">{t("dataSharing.apiKeys.createdAt")}</Table.Th>
              <Table.Th scope="col">{t("dataSharing.apiKeys.expiresAt")}</Table.Th>
              <Table.Th scope="col">{t("dataSharing.apiKeys.lastUsedAt")}</Table.Th>
              <Table.Th scope="col">{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((key) => (
              <Table.Tr key={key.id}>
                <Table.Td>{key.name}</Table.Td>
                <Table.Td>
                  <code>{key.prefix}…</code>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATE_COLOR[key.state]}>
                    {t(`dataSharing.apiKeys.state.${key.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDate(key.createdAt)}</Table.Td>
                <Table.Td>{key.expiresAt ? formatDate(key.expiresAt) : t("dataSharing.apiKeys.noExpiry")}</Table.Td>
                <Table.Td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t("dataSharing.apiKeys.never")}</Table.Td>
                <Table.Td>
                  {key.state === "active" ? (
                    <Button
                      size="xs"
                      variant="outline"
                      color="red"
                      aria-label={t("dataSharing.apiKeys.revokeLabel", { name: key.name })}
                      onClick={() => setRevoking(key)}
                    >
                      {t("dataSharing.apiKeys.revoke")}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={revoking !== null}
        title={t("dataSharing.apiKeys.revokeTitle")}
        body={revoking ? t("dataSharing.apiKeys.revokeBody", { name: revoking.name }) : ""}
        confirmLabel={t("dataSharing.apiKeys.revoke")}
        loading={revoke.isPending}
        error={revoke.error}
        onClose={close}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notify({ color: "green", message: t("dataSharing.apiKeys.revoked") });
              close();
            },
          });
        }}
      />
    </>
  );
}
