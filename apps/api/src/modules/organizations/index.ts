export { organizationRoutes } from "./organizations.routes.js";
export { joinCompanyAsEmployee } from "./organizations.service.js";
