/** The door of a health day on a phone (scan tickets, offline with a queue), fetched when first opened. */
export async function healthDayCheckInRoute() {
  const { CheckInPage } = await import("../../features/health-day-checkin");
  return { Component: CheckInPage };
}
