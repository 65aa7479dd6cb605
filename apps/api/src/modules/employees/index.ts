import type { Tx } from "@bgm/db";
import type { TenantScope } from "../../lib/request-context.js";
import {
  activeCountsByDepartment,
  type EmployeeRow,
  findActive,
  findByIds,
  findByUserId,
  idsOfUser,
  listActiveNarrowed,
  listGroups,
} from "./employees.repository.js";
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

/** Active head count per department, in the company's transaction (data-grants forms its disclosed groups from it). */
export function activeHeadcountByDepartment(tx: Tx, orgId: string): Promise<{ name: string; count: number }[]> {
  return activeCountsByDepartment(tx, orgId);
}

/**
 * The active employees a narrowing admits, by name: what an employee list granted to a partner
 * releases. Both narrowings restrict; an empty list admits nobody.
 */
export function listActiveEmployees(
  tx: Tx,
  orgId: string,
  narrowing: { departments?: readonly string[]; employeeIds?: readonly string[] },
): Promise<{ id: string; firstName: string; lastName: string; email: string; department: string }[]> {
  return listActiveNarrowed(tx, orgId, narrowing);
}

/** The employee rows of one signed-in user in their company (Art. 15: "my" data). */
export function employeeIdsOfUser(tx: Tx, orgId: string, userId: string): Promise<string[]> {
  return idsOfUser(tx, orgId, userId);
}

/** What the employee-access module needs of an active employee: whom to mail, and by which name. */
export interface ActiveEmployee {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
}

/**
 * The active employee of the register with this e-mail (any case) or id, or null: inactive employees and
 * other companies' rows never match. Runs in the company's transaction (`tx` under its RLS context).
 */
export async function findActiveEmployee(tx: Tx, orgId: string, by: { email: string } | { id: string }): Promise<ActiveEmployee | null> {
  const row = await findActive(tx, orgId, by);
  return row ? { id: row.id, firstName: row.firstName, lastName: row.lastName, email: row.email } : null;
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

/**
 * Everyone in the register with the groups reports break figures down by — no names, no e-mail addresses:
 * what participation reports need to count people per department and location.
 */
export async function employeeGroups(
  scope: Pick<TenantScope, "tx" | "orgId">,
): Promise<{ id: string; department: string; location: string; active: boolean }[]> {
  return listGroups(scope.tx, scope.orgId);
}
