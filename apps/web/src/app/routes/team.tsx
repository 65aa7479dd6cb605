import { Card, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/ui/page-header";
import { useMe } from "../../features/auth";
import { InvitationsTable, InviteForm, MembersTable } from "../../features/organizations";

export function TeamRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me?.active) return null;
  return (
    <Stack gap="xl">
      <PageHeader title={t("team.title")} description={me.active.organizationName} />
      <Card withBorder padding="lg" component="section" aria-labelledby="invite-heading">
        <Title order={2} fz="h3" id="invite-heading" mb="sm">
          {t("team.inviteTitle")}
        </Title>
        <InviteForm myRole={me.active.role} />
      </Card>
      <MembersTable />
      <InvitationsTable />
    </Stack>
  );
}
