import { HealthDayDetailPage, HealthDaysPage } from "../../features/health-days";

/** The manager's health days: the list of cards with "Neuer Gesundheitstag", and one day's planning page. */
export function HealthDaysRoute() {
  return <HealthDaysPage />;
}

export function HealthDayDetailRoute() {
  return <HealthDayDetailPage />;
}
