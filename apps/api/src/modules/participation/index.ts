// Public entry of the participation module: interventions, sessions, registrations, attendance and the
// aggregates of them that may leave the company. Tables: intervention, participation_session, participation.
export { participationExportRoutes } from "./exports.routes.js";
