// Public entry of the health-days module: a company's health days, their stations (booked from marketplace
// offerings through engagements) and the stations' time slots, which are participation sessions (ADR 0014).
// Tables: health_day, health_day_module.
import type { FastifyPluginAsync } from "fastify";
import { registerSlotParentSource } from "../participation/index.js";
import { checkInRoutes } from "./check-in.routes.js";
import { healthDayRoutes as routes } from "./health-days.routes.js";
import { plannerRoutes } from "./planner.routes.js";
import { healthDaySlotParents } from "./slot-parents.js";

export const healthDayRoutes: FastifyPluginAsync = async (app) => {
  registerSlotParentSource(healthDaySlotParents);
  await app.register(routes);
  await app.register(plannerRoutes);
  // Live (issue 13): QR tickets, the check-in of scans in batches, the live figures.
  await app.register(checkInRoutes);
};

/** The use cases the demo seed plays through, as a manager would. */
export {
  addModule as addHealthDayModule,
  addSlots as addHealthDaySlots,
  createHealthDay,
  transitionHealthDay,
} from "./health-days.service.js";
