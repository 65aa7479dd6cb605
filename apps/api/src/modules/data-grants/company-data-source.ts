import { employee, goal, type Tx } from "@bgm/db";
import type { CompanyDataSource, EmployeeNarrowing } from "@bgm/domain";
import { and, asc, count, eq, inArray } from "drizzle-orm";

/**
 * The registry's CompanyDataSource on the database. It must run inside the company's own tenant
 * transaction: row-level security confines every read to that company, and each query names the
 * company explicitly as well, so neither wall alone decides whose data a partner receives.
 */
export function companyDataSource(tx: Tx, orgId: string): CompanyDataSource {
  const activeOf = and(eq(employee.orgId, orgId), eq(employee.active, true));
  return {
    async countActiveEmployees() {
      const [row] = await tx.select({ n: count() }).from(employee).where(activeOf);
      return Number(row?.n ?? 0);
    },
    async listGoals() {
      return tx
        .select({ title: goal.title, target: goal.target, dueDate: goal.dueDate })
        .from(goal)
        .where(and(eq(goal.orgId, orgId), eq(goal.status, "active")))
        .orderBy(asc(goal.createdAt), asc(goal.id));
    },
    async departmentSizes() {
      const rows = await tx
        .select({ name: employee.department, size: count() })
        .from(employee)
        .where(activeOf)
        .groupBy(employee.department)
        .orderBy(asc(employee.department));
      return rows.map((r) => ({ name: r.name, size: Number(r.size) }));
    },
    async surveyResults() {
      // Survey results arrive with issue 5 (surveys); until then there is nothing to share.
      return [];
    },
    async listActiveEmployees(narrowing: EmployeeNarrowing) {
      // Both narrowings restrict: a person is released only if every given narrowing admits them.
      const conditions = [activeOf];
      if (narrowing.departments) {
        if (narrowing.departments.length === 0) return [];
        conditions.push(inArray(employee.department, narrowing.departments));
      }
      if (narrowing.employeeIds) {
        if (narrowing.employeeIds.length === 0) return [];
        conditions.push(inArray(employee.id, narrowing.employeeIds));
      }
      return tx
        .select({
          id: employee.id,
          firstName: employee.firstName,
          lastName: employee.lastName,
          email: employee.email,
          department: employee.department,
        })
        .from(employee)
        .where(and(...conditions))
        .orderBy(asc(employee.lastName), asc(employee.firstName), asc(employee.id));
    },
  };
}
