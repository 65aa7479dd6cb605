/**
 * Health days (Gesundheitstage), the public face: the manager's pages the router mounts and the employee's
 * section of the start page. Everything else in this folder is internal.
 */

export { healthDayKeys } from "./api/query-keys";
export { HealthDayDetailPage } from "./components/health-day-detail-page";
export { HealthDayFeedback } from "./components/health-day-feedback";
export { HealthDaysPage } from "./components/health-days-page";
export { OpenHealthDays } from "./components/open-health-days";
export { PlannerHealthDayPage } from "./components/planner-health-day-page";
export { PlannerHealthDaysPage } from "./components/planner-health-days-page";
