import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/ui/page-header";
import { useMe } from "../../features/auth";
import { PartnerWorkList } from "../../features/engagements";
import { PartnerHomeLinks } from "../../features/marketplace";

/** The partner's start page (a chunk of its own: the manager's dashboard does not load it). */
export function PartnerHomeRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  return (
    <Stack gap="xl">
      <PageHeader
        title={t("homes.partnerTitle")}
        description={t("homes.partnerBody", {
          org: me.active?.organizationName ?? "",
          role: me.active ? t(`roles.${me.active.role}`) : "",
        })}
      />
      <PartnerWorkList />
      <PartnerHomeLinks />
    </Stack>
  );
}
