import { employee, type Tx } from "@bgm/db";
import { eq } from "drizzle-orm";
import type { TenantScope } from "../../lib/request-context.js";
import { type EmployeeRow, findByIds, findByUserId } from "./employees.repository.js";
import { countActive, linkAccount } from "./employees.service.js";

export { employeeRoutes } from "./employees.routes.js";

/**
 * Links an employee record to the user account of the same e-mail (any case), if there is one.
 * Called when an invited employee accepts, inside that organization's transaction.
 */
export function linkEmployeeAccount(tx: Tx, orgId: string, email: string, userId: string): Promise<void> {
  return linkAccount(tx, orgId, email, userId);
}

/** Active headcount, total and per department, for the KPI dashboard. */
export function countEmployees(scope: TenantScope): Promise<{ active: number; byDepartment: { name: string; count: number }[] }> {
  return countActive(scope);
}

/**
 * Everyone in the register with the groups reports break figures down by — no names, no e-mail addresses:
 * what participation reports need to count people per department and location.
 */
export async function employeeGroups(
  scope: Pick<TenantScope, "tx" | "orgId">,
): Promise<{ id: string; department: string; location: string; active: boolean }[]> {
  return scope.tx
    .select({ id: employee.id, department: employee.department, location: employee.location, active: employee.active })
    .from(employee)
    .where(eq(employee.orgId, scope.orgId));
}

/** One person of the employee register, as other modules may see it (participation lists, mails). */
export interface EmployeeFacts {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  department: string;
  location: string;
  active: boolean;
  userId: string | null;
}

const toFacts = (r: EmployeeRow): EmployeeFacts => ({
  id: r.id,
  firstName: r.firstName,
  lastName: r.lastName,
  email: r.email,
  department: r.department,
  location: r.location,
  active: r.active,
  userId: r.userId,
});

/** The register's row of a signed-in user in the scope's company (linked by user id), or null. */
export async function findEmployeeOfUser(scope: Pick<TenantScope, "tx" | "orgId">, userId: string): Promise<EmployeeFacts | null> {
  const row = await findByUserId(scope.tx, scope.orgId, userId);
  return row ? toFacts(row) : null;
}

/** People of the scope's company by id; ids of other companies or unknown ids are left out. */
export async function findEmployeesByIds(scope: Pick<TenantScope, "tx" | "orgId">, ids: readonly string[]): Promise<EmployeeFacts[]> {
  if (ids.length === 0) return [];
  return (await findByIds(scope.tx, scope.orgId, [...new Set(ids)])).map(toFacts);
}
