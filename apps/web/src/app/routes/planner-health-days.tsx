import { PlannerHealthDayPage, PlannerHealthDaysPage } from "../../features/health-days";

/** The full-service planner's portal (provider organizations): the days companies handed over, and one day to plan. */
export function PlannerHealthDaysRoute() {
  return <PlannerHealthDaysPage />;
}

export function PlannerHealthDayRoute() {
  return <PlannerHealthDayPage />;
}
