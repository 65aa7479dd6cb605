import { employee, type Tx } from "@bgm/db";
import { and, asc, count, eq, getTableColumns, ilike, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { after, orderBy, type SortKey } from "../../lib/keyset.js";

// Every query takes the organization explicitly and filters by it, even though the transaction is
// already confined by row-level security: two walls, so one mistake does not leak another company's staff.

export type EmployeeRow = typeof employee.$inferSelect;

export interface EmployeeValues {
  firstName: string;
  lastName: string;
  email: string;
  department: string;
  location: string;
}

export interface ListFilter {
  q?: string;
  department?: string;
  active: "true" | "false" | "all";
}

/** Batches keep every statement well below PostgreSQL's 65,535 bind parameters. */
const BATCH = 1000;

const lowerEmail = sql`lower(${employee.email})`;

/** The user's text is a literal, not a pattern: `%` and `_` in a search must not match everything. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function listConditions(orgId: string, f: ListFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [eq(employee.orgId, orgId)];
  const q = f.q?.trim();
  if (q) {
    const p = likePattern(q);
    // Full-name forms let "Jürgen Weiß" and "Weiß Jürgen" find the person, not just single names.
    conds.push(
      or(
        ilike(sql`${employee.firstName} || ' ' || ${employee.lastName}`, p),
        ilike(sql`${employee.lastName} || ' ' || ${employee.firstName}`, p),
        ilike(employee.email, p),
      ),
    );
  }
  if (f.department) conds.push(eq(employee.department, f.department));
  if (f.active !== "all") conds.push(eq(employee.active, f.active === "true"));
  return and(...conds);
}

const BY_NAME: SortKey[] = [
  { expr: sql`lower(${employee.lastName})`, cast: "text" },
  { expr: sql`lower(${employee.firstName})`, cast: "text" },
  { expr: employee.id, cast: "uuid" },
];
export const EmployeeCursor = z.tuple([z.string(), z.string(), z.uuid()]);
/** The sort key as the database computed it: JavaScript's lower case differs from PostgreSQL's for some letters. */
export type ListedEmployee = EmployeeRow & { sortLast: string; sortFirst: string };
export const employeeCursorKey = (r: ListedEmployee) => [r.sortLast, r.sortFirst, r.id] as const;

export async function list(
  tx: Tx,
  orgId: string,
  f: ListFilter,
  page: { after: z.output<typeof EmployeeCursor> | undefined; limit: number },
): Promise<{ rows: ListedEmployee[]; total: number }> {
  const where = listConditions(orgId, f);
  const rows = await tx
    .select({
      ...getTableColumns(employee),
      sortLast: sql<string>`lower(${employee.lastName})`,
      sortFirst: sql<string>`lower(${employee.firstName})`,
    })
    .from(employee)
    .where(and(where, after(BY_NAME, page.after)))
    .orderBy(...orderBy(BY_NAME))
    .limit(page.limit + 1);
  const [totalRow] = await tx.select({ n: count() }).from(employee).where(where);
  return { rows, total: totalRow?.n ?? 0 };
}

export async function activeCountsByDepartment(tx: Tx, orgId: string): Promise<{ name: string; count: number }[]> {
  return tx
    .select({ name: employee.department, count: count() })
    .from(employee)
    .where(and(eq(employee.orgId, orgId), eq(employee.active, true)))
    .groupBy(employee.department)
    .orderBy(employee.department);
}

/** Active people per work location (people without one are not a location), for audiences such as health-day invitations. */
export async function activeCountsByLocation(tx: Tx, orgId: string): Promise<{ name: string; count: number }[]> {
  return tx
    .select({ name: employee.location, count: count() })
    .from(employee)
    .where(and(eq(employee.orgId, orgId), eq(employee.active, true), ne(employee.location, "")))
    .groupBy(employee.location)
    .orderBy(employee.location);
}

export async function findById(tx: Tx, orgId: string, id: string): Promise<EmployeeRow | undefined> {
  const [row] = await tx
    .select()
    .from(employee)
    .where(and(eq(employee.orgId, orgId), eq(employee.id, id)));
  return row;
}

/** The active employee with this e-mail (any case), or with this id; undefined when there is none. */
export async function findActive(tx: Tx, orgId: string, by: { email: string } | { id: string }): Promise<EmployeeRow | undefined> {
  const [row] = await tx
    .select()
    .from(employee)
    .where(
      and(
        eq(employee.orgId, orgId),
        eq(employee.active, true),
        "email" in by ? eq(lowerEmail, by.email.toLowerCase()) : eq(employee.id, by.id),
      ),
    )
    .limit(1);
  return row;
}

/** Is the e-mail (any case) taken by an employee other than `exceptId`? */
export async function emailTaken(tx: Tx, orgId: string, email: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: employee.id })
    .from(employee)
    .where(and(eq(employee.orgId, orgId), eq(lowerEmail, email.toLowerCase()), exceptId ? ne(employee.id, exceptId) : undefined))
    .limit(1);
  return row !== undefined;
}

export async function insert(tx: Tx, orgId: string, values: EmployeeValues): Promise<EmployeeRow> {
  const [row] = await tx
    .insert(employee)
    .values({ ...values, orgId })
    .returning();
  if (!row) throw new Error("employee insert returned nothing");
  return row;
}

export async function update(
  tx: Tx,
  orgId: string,
  id: string,
  patch: Partial<EmployeeValues & { active: boolean }>,
): Promise<EmployeeRow | undefined> {
  const [row] = await tx
    .update(employee)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(employee.orgId, orgId), eq(employee.id, id)))
    .returning();
  return row;
}

/** Existing employees among the given e-mails, keyed by lower-cased e-mail. */
export async function findByEmails(tx: Tx, orgId: string, emails: string[]): Promise<Map<string, { id: string; active: boolean }>> {
  const found = new Map<string, { id: string; active: boolean }>();
  for (let i = 0; i < emails.length; i += BATCH) {
    const chunk = emails.slice(i, i + BATCH).map((e) => e.toLowerCase());
    const rows = await tx
      .select({ id: employee.id, email: employee.email, active: employee.active })
      .from(employee)
      .where(and(eq(employee.orgId, orgId), inArray(lowerEmail, chunk)));
    for (const r of rows) found.set(r.email.toLowerCase(), { id: r.id, active: r.active });
  }
  return found;
}

export async function insertMany(tx: Tx, orgId: string, rows: EmployeeValues[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.insert(employee).values(rows.slice(i, i + BATCH).map((r) => ({ ...r, orgId })));
  }
}

/**
 * Updates many employees in one statement per batch and reactivates them. A null location keeps the
 * stored one (the file had no location column).
 */
export async function updateMany(
  tx: Tx,
  orgId: string,
  rows: (Omit<EmployeeValues, "location"> & { id: string; location: string | null })[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = sql.join(
      rows
        .slice(i, i + BATCH)
        .map(
          (r) =>
            sql`(${r.id}::uuid, ${r.firstName}::text, ${r.lastName}::text, ${r.email}::text, ${r.department}::text, ${r.location}::text)`,
        ),
      sql`, `,
    );
    await tx.execute(sql`
      UPDATE ${employee} AS e SET
        first_name = v.first_name, last_name = v.last_name, email = v.email, department = v.department,
        location = coalesce(v.location, e.location), active = true, updated_at = now()
      FROM (VALUES ${values}) AS v(id, first_name, last_name, email, department, location)
      WHERE e.id = v.id AND e.org_id = ${orgId}`);
  }
}

export async function setUserIdByEmail(tx: Tx, orgId: string, email: string, userId: string): Promise<void> {
  await tx
    .update(employee)
    .set({ userId, updatedAt: new Date() })
    .where(and(eq(employee.orgId, orgId), eq(lowerEmail, email.toLowerCase())));
}

/** The active employees a narrowing admits (both narrowings restrict: a person must pass each given one), by name. */
export async function listActiveNarrowed(
  tx: Tx,
  orgId: string,
  narrowing: { departments?: readonly string[]; employeeIds?: readonly string[] },
): Promise<{ id: string; firstName: string; lastName: string; email: string; department: string }[]> {
  const conditions = [eq(employee.orgId, orgId), eq(employee.active, true)];
  if (narrowing.departments) {
    if (narrowing.departments.length === 0) return [];
    conditions.push(inArray(employee.department, [...narrowing.departments]));
  }
  if (narrowing.employeeIds) {
    if (narrowing.employeeIds.length === 0) return [];
    conditions.push(inArray(employee.id, [...narrowing.employeeIds]));
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
}

/** The employee rows linked to one user account in one organization. */
export async function idsOfUser(tx: Tx, orgId: string, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: employee.id })
    .from(employee)
    .where(and(eq(employee.orgId, orgId), eq(employee.userId, userId)));
  return rows.map((r) => r.id);
}

export async function findByUserId(tx: Tx, orgId: string, userId: string): Promise<EmployeeRow | undefined> {
  const [row] = await tx
    .select()
    .from(employee)
    .where(and(eq(employee.orgId, orgId), eq(employee.userId, userId)))
    .orderBy(employee.createdAt)
    .limit(1);
  return row;
}

export async function findByIds(tx: Tx, orgId: string, ids: readonly string[]): Promise<EmployeeRow[]> {
  const out: EmployeeRow[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    out.push(
      ...(await tx
        .select()
        .from(employee)
        .where(and(eq(employee.orgId, orgId), inArray(employee.id, [...chunk])))),
    );
  }
  return out;
}

/** Everyone in the company's register with the groups reports count by (no names, no addresses). */
export async function listGroups(tx: Tx, orgId: string): Promise<{ id: string; department: string; location: string; active: boolean }[]> {
  return tx
    .select({ id: employee.id, department: employee.department, location: employee.location, active: employee.active })
    .from(employee)
    .where(eq(employee.orgId, orgId));
}
