import { authCases } from "./auth.js";
import { buddyCases } from "./buddy.js";
import { dataGrantsCases } from "./data-grants.js";
import { employeeAccessCases } from "./employee-access.js";
import { engagementsCases } from "./engagements.js";
import { healthDayCheckInCases } from "./health-day-checkin.js";
import { healthDaysCases } from "./health-days.js";
import { marketplaceCases } from "./marketplace.js";
import { messagingCases } from "./messaging.js";
import { participationCases } from "./participation.js";
import { participationAggregatesCases } from "./participation-aggregates.js";
import { participationExportsCases } from "./participation-exports.js";
import { platformCases } from "./platform.js";
import { proactiveSuggestionsCases } from "./proactive-suggestions.js";
import { resultsCases } from "./results.js";
import { ssoCases } from "./sso.js";
import type { AuthzCases } from "./types.js";
import { webhooksCases } from "./webhooks.js";

/** Every feature module contributes its routes' cases here. */
export const ALL_CASES: AuthzCases[] = [
  authCases,
  platformCases,
  marketplaceCases,
  buddyCases,
  engagementsCases,
  messagingCases,
  dataGrantsCases,
  resultsCases,
  participationExportsCases,
  participationAggregatesCases,
  participationCases,
  employeeAccessCases,
  healthDaysCases,
  healthDayCheckInCases,
  webhooksCases,
  ssoCases,
  proactiveSuggestionsCases,
];
