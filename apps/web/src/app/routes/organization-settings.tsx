import { Anchor, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "../../components/ui/page-header";
import { useMe } from "../../features/auth";
import { useActiveEmployeeCount } from "../../features/employees";
import { CompanyProfileSection } from "../../features/organizations";
import { MinGroupSizeSection } from "../../features/participation";

/**
 * The company's settings for its reports: the profile the insurer report names (industry; the size comes
 * from the employee register) and the minimum group size every participation figure respects. The page
 * puts three features side by side, so it lives here and not in one of them.
 */
export function OrganizationSettingsRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  const headCount = useActiveEmployeeCount();
  return (
    <Stack gap="lg">
      <PageHeader title={t("companyProfile.pageTitle")} description={me?.active?.organizationName} />
      <CompanyProfileSection headCount={headCount} />
      <MinGroupSizeSection />
      <Anchor component={Link} to="/settings/sso">
        {t("sso.title")}
      </Anchor>
    </Stack>
  );
}
