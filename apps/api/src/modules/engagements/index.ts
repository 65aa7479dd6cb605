// Public entry of the engagements module.
export { engagementRoutes as engagementsRoutes } from "./engagements.routes.js";
