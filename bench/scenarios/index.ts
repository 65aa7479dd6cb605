import type { Scenario } from "../lib/scenario.js";
import { checkin } from "./checkin.js";
import { discovery } from "./discovery.js";
import { health } from "./health.js";
import { messages } from "./messages.js";
import { participationPartner, participationReport } from "./participation.js";
import { projectRead } from "./project-read.js";
import { suggestions } from "./suggestions.js";

/** Every scenario, in run order. Add new ones here. */
export const scenarios: Scenario[] = [
  health,
  projectRead,
  discovery,
  participationPartner,
  participationReport,
  checkin,
  messages,
  suggestions,
];
