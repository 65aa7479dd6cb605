import { Button, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { errorMessage } from "../../../components/ui/error-message";
import { LoadMore } from "../../../components/ui/load-more";
import { LoadingState } from "../../../components/ui/loading-state";
import { loadedItems } from "../../../lib/cursor-pages";
import { formatDateTime } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useInvitations } from "../api/get-invitations";
import { useRevokeInvitation } from "../api/revoke-invitation";

export function InvitationsTable() {
  const { t } = useTranslation();
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const pending = loadedItems(invitations.data).filter((i) => i.status === "pending");

  return (
    <section aria-labelledby="invitations-heading">
      <Title order={2} fz="h3" id="invitations-heading" mb="sm">
        {t("team.invitations")}
      </Title>
      {invitations.isPending ? <LoadingState /> : null}
      {invitations.isError ? <ErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} /> : null}
      {invitations.data && pending.length === 0 ? <Text>{t("team.noInvitations")}</Text> : null}
      {pending.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("team.email")}</Table.Th>
                <Table.Th>{t("team.role")}</Table.Th>
                <Table.Th>{t("team.expires")}</Table.Th>
                <Table.Th>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pending.map((inv) => (
                <Table.Tr key={inv.id}>
                  <Table.Td>{inv.email}</Table.Td>
                  <Table.Td>{t(`roles.${inv.role}`)}</Table.Td>
                  <Table.Td>{formatDateTime(inv.expiresAt)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red"
                      aria-label={t("team.revokeNamed", { email: inv.email })}
                      loading={revoke.isPending && revoke.variables === inv.id}
                      onClick={() =>
                        revoke.mutate(inv.id, {
                          onSuccess: () => notify({ message: t("team.revoked") }),
                          onError: (err) => notify({ color: "red", message: errorMessage(err, t) }),
                        })
                      }
                    >
                      {t("team.revoke")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMore query={invitations} />
    </section>
  );
}
