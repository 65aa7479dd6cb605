import type { TenantScope } from "../../lib/request-context.js";
import { companyProfile } from "./company-profile.js";

export { betterAuthOrganizationTables } from "./better-auth-tables.js";
export { organizationRoutes } from "./organizations.routes.js";
export { joinCompanyAsEmployee } from "./organizations.service.js";

/** The company's name and report profile (industry as a WZ 2008 section, or null). */
export function getCompanyProfile(scope: TenantScope) {
  return companyProfile(scope);
}
