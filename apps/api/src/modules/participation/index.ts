// Public entry of the participation module: interventions, sessions, registrations, attendance and the
// aggregates of them that may leave the company. Tables: intervention, participation_session, participation.
import type { FastifyPluginAsync } from "fastify";
import { myParticipationRoutes } from "./my-participation.routes.js";
import { participationRoutes as companyParticipationRoutes } from "./participation.routes.js";

export type { Acting as ParticipationActing, Outcome as ParticipationOutcome } from "./acting.js";
export { fromBerlin, toBerlin } from "./berlin-time.js";
export { createIntervention, createSessions } from "./interventions.service.js";
export {
  addWalkIn,
  cancel as cancelPlace,
  fillFreePlaces,
  lockSession,
  markAllAttended,
  register as registerPlace,
  setAttendance,
} from "./places.service.js";

export const participationRoutes: FastifyPluginAsync = async (app) => {
  await app.register(companyParticipationRoutes);
  await app.register(myParticipationRoutes);
};
