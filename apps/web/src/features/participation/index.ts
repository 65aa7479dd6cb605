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
export { PartnerParticipationSection } from "./components/partner-participation-section";
/** The reports page with its charts, loaded only when it is opened (a lazy route). */
export const loadReportsPage = () => import("./components/reports-page");
