/**
 * Health-day check-in, the public face: the phone's scan page (a route), the live panel the health day's
 * detail page embeds, and the employee's tickets hook for the employee's health-day page.
 */

export { checkInKeys, useLiveCheckIns, useMyHealthDayTickets } from "./api/check-in";
export { CheckInPage } from "./components/check-in-page";
export { HealthDayCheckInLivePanel } from "./components/live-panel";
export { MyHealthDayTickets } from "./components/my-tickets";
