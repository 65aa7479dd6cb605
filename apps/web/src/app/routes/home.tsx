import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { homeKind, useMe } from "../../features/auth";
import { DashboardRoute } from "./dashboard";

// Each role's start page is its own chunk; only the manager's dashboard comes with this module, so a
// manager's first visit does not download the employee's courses and tickets or the partner's work list.
const EmployeeHomeRoute = lazy(() => import("./home-employee").then((module) => ({ default: module.EmployeeHomeRoute })));
const PartnerHomeRoute = lazy(() => import("./home-partner").then((module) => ({ default: module.PartnerHomeRoute })));

/** "/" means something different per role; only BGM managers get the process dashboard. */
export function HomeRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  const kind = homeKind(me);
  if (kind === "manager") return <DashboardRoute />;
  if (kind === "employee") {
    return (
      <Suspense fallback={<LoadingState />}>
        <EmployeeHomeRoute name={me.user.name} organizationName={me.active?.organizationName ?? ""} />
      </Suspense>
    );
  }
  if (kind === "partner") {
    return (
      <Suspense fallback={<LoadingState />}>
        <PartnerHomeRoute />
      </Suspense>
    );
  }
  return <PageHeader title={t("homes.adminTitle")} description={t("homes.adminBody", { name: me.user.name })} />;
}
