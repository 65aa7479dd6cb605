import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/ui/page-header";
import { homeKind, useMe } from "../../features/auth";
import { PartnerWorkList } from "../../features/engagements";
import { HealthDayFeedback, OpenHealthDays } from "../../features/health-days";
import { PartnerHomeLinks } from "../../features/marketplace";
import { EmployeeHome } from "../../features/participation";
import { DashboardRoute } from "./dashboard";

/** "/" means something different per role; only BGM managers get the process dashboard. */
export function HomeRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  const kind = homeKind(me);
  if (kind === "manager") return <DashboardRoute />;
  if (kind === "employee") {
    return (
      <EmployeeHome
        name={me.user.name}
        organizationName={me.active?.organizationName ?? ""}
        alsoOpen={
          <>
            <OpenHealthDays />
            <HealthDayFeedback />
          </>
        }
      />
    );
  }
  if (kind === "partner") {
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
  return <PageHeader title={t("homes.adminTitle")} description={t("homes.adminBody", { name: me.user.name })} />;
}
