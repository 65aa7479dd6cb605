import { CheckInPage } from "../../features/health-day-checkin";

/** The door of a health day on a phone: scan tickets, offline with a queue. */
export function HealthDayCheckInRoute() {
  return <CheckInPage />;
}
