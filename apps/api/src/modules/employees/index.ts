import { employee, type Tx } from "@bgm/db";
import { eq } from "drizzle-orm";
import type { TenantScope } from "../../lib/request-context.js";
import { findByUserId, findManyByIds } from "./employees.repository.js";
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

/** What other modules may know of an employee record inside the company: who it is, where they work. */
export interface EmployeeIdentity {
  id: string;
  firstName: string;
  lastName: string;
  department: string;
  active: boolean;
}

const identity = (r: EmployeeIdentity): EmployeeIdentity => ({
  id: r.id,
  firstName: r.firstName,
  lastName: r.lastName,
  department: r.department,
  active: r.active,
});

/** The signed-in user's own employee record in the scope's company, or null when their account has none. */
export async function employeeOfUser(scope: TenantScope, userId: string): Promise<EmployeeIdentity | null> {
  const row = await findByUserId(scope.tx, scope.orgId, userId);
  return row ? identity(row) : null;
}

/** Names and departments of the given employees of the scope's company (unknown ids are left out). */
export async function employeesByIds(scope: TenantScope, ids: readonly string[]): Promise<EmployeeIdentity[]> {
  return (await findManyByIds(scope.tx, scope.orgId, ids)).map(identity);
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
