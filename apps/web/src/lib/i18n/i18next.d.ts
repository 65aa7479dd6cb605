import "i18next";
import type { dataSharingDe } from "./data-sharing.de";
import type { de } from "./de";
import type { employeeAccessDe } from "./employee-access.de";
import type { healthDayCheckinDe } from "./health-day-checkin.de";
import type { healthDaysDe } from "./health-days.de";
import type { landingDe } from "./landing.de";
import type { marketplaceDe } from "./marketplace.de";
import type { participationDe } from "./participation.de";
import type { resultsDe } from "./results.de";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: {
      translation: typeof de &
        typeof marketplaceDe &
        typeof dataSharingDe &
        typeof resultsDe &
        typeof landingDe &
        typeof employeeAccessDe &
        typeof participationDe &
        typeof healthDaysDe &
        typeof healthDayCheckinDe;
    };
  }
}
