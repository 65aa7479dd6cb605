import { Table, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadMore } from "../../../components/ui/load-more";
import { LoadingState } from "../../../components/ui/loading-state";
import { loadedItems } from "../../../lib/cursor-pages";
import { formatDateTime } from "../../../lib/format";
import { useMembers } from "../api/get-members";

export function MembersTable() {
  const { t } = useTranslation();
  const members = useMembers();
  return (
    <section aria-labelledby="members-heading">
      <Title order={2} fz="h3" id="members-heading" mb="sm">
        {t("team.members")}
      </Title>
      {members.isPending ? <LoadingState /> : null}
      {members.isError ? <ErrorAlert error={members.error} onRetry={() => void members.refetch()} /> : null}
      {members.data ? (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("team.name")}</Table.Th>
                <Table.Th>{t("team.email")}</Table.Th>
                <Table.Th>{t("team.role")}</Table.Th>
                <Table.Th>{t("team.since")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {loadedItems(members.data).map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{m.email}</Table.Td>
                  <Table.Td>{t(`roles.${m.role}`)}</Table.Td>
                  <Table.Td>{formatDateTime(m.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMore query={members} />
    </section>
  );
}
