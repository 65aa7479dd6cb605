// Public entry of the participation module: interventions, sessions, registrations, attendance and the
// aggregates of them that may leave the company. Tables: intervention, participation_session, participation,
// participation_settings. A health-day station's time slot is a session too (ADR 0014): the health-days
// module creates and cancels them through station-slots.service and registers its slot parents here.
import { intervention } from "@bgm/db";
import type { FastifyPluginAsync } from "fastify";
import { registerAuditObjectSource, titleColumnSource } from "../audit/index.js";
import { registerKpiCardSource } from "../bgm-process/index.js";
import { participationAggregateRoutes } from "./aggregates.routes.js";
import { PARTICIPATION_KPI_KEY, participationKpiCard } from "./aggregates.service.js";
import { myParticipationRoutes } from "./my-participation.routes.js";
import { participationRoutes as companyParticipationRoutes } from "./participation.routes.js";
import { partnerParticipationRoutes } from "./partner-participation.routes.js";

export type { Acting as ParticipationActing, Outcome as ParticipationOutcome } from "./acting.js";
export { minGroupSizeOf, participationReport } from "./aggregates.service.js";
export { fromBerlin, toBerlin } from "./berlin-time.js";
export { participationExportRoutes } from "./exports.routes.js";
export { createIntervention, createSessions } from "./interventions.service.js";
export type { CalendarContext } from "./messages.js";
export { sessionsWithOpenAttendance } from "./open-attendance.js";
export { organizerAddress } from "./participation.routes.js";
export {
  addWalkIn,
  cancel as cancelPlace,
  fillFreePlaces,
  lockSession,
  markAllAttended,
  register as registerPlace,
  setAttendance,
} from "./places.service.js";
export { registerSlotParentSource, type SlotParent, type SlotParentSource } from "./sessions.repository.js";
export { type CheckInMark, checkInPlace, listStationPlaces, listStationSlotIds, type StationPlace } from "./station-check-in.service.js";
export {
  cancelStationSlots,
  countPeopleWithPlaces,
  createStationSlots,
  listStationSlots,
  type MySlotView,
  type StationSlot,
  type StationSlotInput,
  slotsForEmployee,
} from "./station-slots.service.js";

export const participationRoutes: FastifyPluginAsync = async (app) => {
  registerAuditObjectSource("intervention", titleColumnSource(intervention, intervention));
  await app.register(companyParticipationRoutes);
  await app.register(myParticipationRoutes);
};

/** The aggregates' routes (company reports, minimum group size, the partner's view) and the KPI card. */
export const participationAggregatesPlugin: FastifyPluginAsync = async (app) => {
  registerKpiCardSource(PARTICIPATION_KPI_KEY, participationKpiCard);
  await app.register(participationAggregateRoutes);
  await app.register(partnerParticipationRoutes);
};
export { germanSpan } from "./berlin-time.js";
export {
  registerSlotChangeGuard,
  type StationSlotChange,
  type StationSlotChangeGuard,
  slotPlaceHolderIds,
  slotReminderMails,
  stationSlotsStarting,
} from "./station-slots.service.js";
