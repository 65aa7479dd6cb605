/**
 * Participation tracking, the public face: the pages the router mounts and the pieces other pages embed.
 * Everything else in this folder is internal.
 */

export { participationKeys } from "./api/query-keys";
export { AttendancePage } from "./components/attendance-page";
export { CreateInterventionLink } from "./components/create-intervention-link";
export { CreateInterventionPage } from "./components/create-intervention-page";
export { EmployeeHome } from "./components/employee-home";
export { InterventionDetailPage } from "./components/intervention-detail-page";
export { InterventionsPage } from "./components/interventions-page";
export { MinGroupSizeSection } from "./components/min-group-size-section";
export { PartnerParticipationSection } from "./components/partner-participation-section";
/** The reports page with its charts, loaded only when it is opened (a lazy route). */
export const loadReportsPage = () => import("./components/reports-page");
/** The insurer report (§20b SGB V) with its downloads, a lazy route like the reports. */
export const loadInsuranceReportPage = () => import("./components/insurance-report-page");
/** The tax-free health budget (§3 Nr. 34 EStG), a lazy route: names and money, for the manager only. */
export const loadHealthBudgetPage = () => import("./components/health-budget-page");
