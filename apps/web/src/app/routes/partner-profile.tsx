import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { hasRole, useMe } from "../../features/auth";
import { ProviderProfileForm, useProviderProfile } from "../../features/marketplace";

export function PartnerProfileRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  const profile = useProviderProfile();
  const canEdit = me ? hasRole(me, ["partner_admin"]) : false;
  return (
    <Stack>
      <PageHeader title={t("partner.profileTitle")} description={t("partner.profileDescription")} />
      {profile.isPending ? <LoadingState /> : null}
      {profile.isError ? <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} /> : null}
      {profile.data ? (
        <ProviderProfileForm key={profile.data.description + profile.data.website} profile={profile.data} canEdit={canEdit} />
      ) : null}
    </Stack>
  );
}
