import { useTranslation } from "react-i18next";
import type { HomeKind } from "../../features/auth";
import { UnreadMessagesBadge } from "../../features/messaging";
import { NavItem } from "./nav-item";

interface MainNavProps {
  kind: HomeKind;
  canManageTeam: boolean;
  onNavigate: () => void;
}

export function MainNav({ kind, canManageTeam, onNavigate }: MainNavProps) {
  const { t } = useTranslation();
  if (kind !== "manager") {
    return (
      <>
        <NavItem to="/" label={t("nav.home")} onNavigate={onNavigate} />
        {kind === "partner" ? (
          <>
            <NavItem
              to="/inbox"
              label={t("marketplaceNav.inbox")}
              matches={["/inbox", "/engagements"]}
              onNavigate={onNavigate}
              badge={<UnreadMessagesBadge />}
            />
            <NavItem to="/partner/offerings" label={t("marketplaceNav.offerings")} onNavigate={onNavigate} />
            <NavItem to="/partner/profile" label={t("marketplaceNav.profile")} onNavigate={onNavigate} />
            <NavItem to="/partner/api-reference" label={t("resultsNav.apiReference")} onNavigate={onNavigate} />
            <NavItem to="/planner/health-days" label={t("healthDaysNav.planner")} onNavigate={onNavigate} />
            {canManageTeam ? <NavItem to="/partner/api-keys" label={t("dataSharingNav.apiKeys")} onNavigate={onNavigate} /> : null}
            {canManageTeam ? <NavItem to="/partner/webhooks" label={t("dataSharingNav.webhooks")} onNavigate={onNavigate} /> : null}
          </>
        ) : null}
        {kind === "employee" ? <NavItem to="/my-data" label={t("dataSharingNav.myData")} onNavigate={onNavigate} /> : null}
        {canManageTeam ? <NavItem to="/team" label={t("nav.team")} onNavigate={onNavigate} /> : null}
        {import.meta.env.DEV ? <NavItem to="/dev/outbox" label={t("nav.outbox")} onNavigate={onNavigate} /> : null}
      </>
    );
  }
  return (
    <>
      <NavItem to="/" label={t("nav.dashboard")} onNavigate={onNavigate} />
      <NavItem to="/phases" label={t("nav.phases")} matches={["/phases", "/tasks"]} onNavigate={onNavigate} />
      <NavItem to="/goals" label={t("nav.goals")} onNavigate={onNavigate} />
      <NavItem to="/marketplace" label={t("marketplaceNav.marketplace")} onNavigate={onNavigate} />
      <NavItem to="/engagements" label={t("marketplaceNav.engagements")} onNavigate={onNavigate} badge={<UnreadMessagesBadge />} />
      <NavItem to="/interventions" label={t("participationNav.interventions")} onNavigate={onNavigate} />
      <NavItem to="/health-days" label={t("healthDaysNav.healthDays")} onNavigate={onNavigate} />
      <NavItem to="/participation/reports" label={t("participationNav.reports")} onNavigate={onNavigate} />
      <NavItem to="/participation/insurance-report" label={t("participationNav.insuranceReport")} onNavigate={onNavigate} />
      <NavItem to="/participation/health-budget" label={t("participationNav.healthBudget")} onNavigate={onNavigate} />
      <NavItem to="/data-sharing" label={t("dataSharingNav.dataSharing")} onNavigate={onNavigate} />
      <NavItem to="/employees" label={t("nav.employees")} onNavigate={onNavigate} />
      <NavItem to="/legal" label={t("nav.legal")} onNavigate={onNavigate} />
      <NavItem to="/team" label={t("nav.team")} onNavigate={onNavigate} />
      <NavItem to="/settings" label={t("participationNav.settings")} onNavigate={onNavigate} />
      <NavItem to="/audit" label={t("nav.audit")} onNavigate={onNavigate} />
      {import.meta.env.DEV ? <NavItem to="/dev/outbox" label={t("nav.outbox")} onNavigate={onNavigate} /> : null}
    </>
  );
}
