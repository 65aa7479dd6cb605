// Public entry of the messaging module: company and partner write to each other inside an engagement.
export { messagingRoutes } from "./messaging.routes.js";
