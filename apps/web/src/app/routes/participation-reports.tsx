import { loadHealthBudgetPage, loadInsuranceReportPage, loadReportsPage } from "../../features/participation";

/** Participation reports as a lazy route: the page and its charts are fetched when it is first opened. */
export async function participationReportsRoute() {
  const { ReportsPage } = await loadReportsPage();
  return { Component: ReportsPage };
}

/** The insurer report (§20b SGB V) with its PDF, CSV and XLSX downloads, fetched when first opened. */
export async function insuranceReportRoute() {
  const { InsuranceReportPage } = await loadInsuranceReportPage();
  return { Component: InsuranceReportPage };
}

/** The tax-free health budget (§3 Nr. 34 EStG), fetched when first opened. */
export async function healthBudgetRoute() {
  const { HealthBudgetPage } = await loadHealthBudgetPage();
  return { Component: HealthBudgetPage };
}

/** The company's report settings (profile, minimum group size), fetched when first opened. */
export async function organizationSettingsRoute() {
  const { OrganizationSettingsRoute } = await import("./organization-settings");
  return { Component: OrganizationSettingsRoute };
}
