import type { Tx } from "@bgm/db";
import type { TenantScope } from "../../lib/request-context.js";
import { findActive } from "./employees.repository.js";
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
