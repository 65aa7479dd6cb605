import { type CreateEmployee, type Employee, FILE_TYPES, type UpdateEmployee } from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { detectFileType } from "../../lib/file-type.js";
import { decodeCursor, toPage } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";
import { issue } from "../../lib/validation-issues.js";
import { type CsvParseResult, fileProblem, parseEmployeeCsv } from "./csv-import.js";
import * as repo from "./employees.repository.js";
import { parseEmployeeXlsx } from "./xlsx-import.js";

type UpdateInput = z.infer<typeof UpdateEmployee>;

export interface ListInput {
  q?: string;
  department?: string;
  active: "true" | "false" | "all";
  cursor?: string;
  limit: number;
}

const ENTITY = "employee";

function toEmployee(r: repo.EmployeeRow): Employee {
  return {
    id: r.id,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    department: r.department,
    location: r.location,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * A concurrent request can insert the same e-mail between our check and our write; the unique index
 * catches it. Drizzle wraps the driver error, so the code may sit on the cause.
 */
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}

async function uniqueEmail<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw AppError.conflict("An employee with this e-mail already exists");
    throw err;
  }
}

export async function listEmployees(scope: TenantScope, input: ListInput) {
  const { rows, total } = await repo.list(
    scope.tx,
    scope.orgId,
    { q: input.q, department: input.department, active: input.active },
    { after: decodeCursor(input.cursor, repo.EmployeeCursor), limit: input.limit },
  );
  const departments = await repo.activeCountsByDepartment(scope.tx, scope.orgId);
  const locations = await repo.activeCountsByLocation(scope.tx, scope.orgId);
  return { ...toPage(rows, input.limit, repo.employeeCursorKey, toEmployee), total, departments, locations };
}

export async function createEmployee(scope: TenantScope, input: CreateEmployee): Promise<Employee> {
  if (await repo.emailTaken(scope.tx, scope.orgId, input.email)) {
    throw AppError.conflict("An employee with this e-mail already exists");
  }
  const row = await uniqueEmail(() => repo.insert(scope.tx, scope.orgId, input));
  await scope.audit({ action: "employee.created", entityType: ENTITY, entityId: row.id });
  return toEmployee(row);
}

export async function updateEmployee(scope: TenantScope, id: string, input: UpdateInput): Promise<Employee> {
  const before = await repo.findById(scope.tx, scope.orgId, id);
  // Another company's id answers exactly like an unknown one, so ids reveal nothing.
  if (!before) throw AppError.notFound("Employee");
  if (input.email !== undefined && (await repo.emailTaken(scope.tx, scope.orgId, input.email, id))) {
    throw AppError.conflict("An employee with this e-mail already exists");
  }
  const row = await uniqueEmail(() => repo.update(scope.tx, scope.orgId, id, input));
  if (!row) throw AppError.notFound("Employee");

  // Only names of changed fields go to the audit log, never their values (personal data).
  const changed = (Object.keys(input) as (keyof UpdateInput)[]).filter((k) => k !== "active" && input[k] !== before[k]);
  if (changed.length) await scope.audit({ action: "employee.updated", entityType: ENTITY, entityId: id, details: { fields: changed } });
  if (input.active !== undefined && input.active !== before.active) {
    await scope.audit({ action: input.active ? "employee.reactivated" : "employee.deactivated", entityType: ENTITY, entityId: id });
  }
  return toEmployee(row);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * What the bytes are decides how they are read, never the declared content type: an Excel workbook
 * (XLSX), or else CSV text in whichever encoding Excel wrote. Other recognised files (PDF, images,
 * Word) and other ZIP archives are refused as unsupported.
 */
async function parseImportFile(bytes: Uint8Array) {
  const type = await detectFileType(bytes);
  if (type === FILE_TYPES.xlsx) return parseEmployeeXlsx(bytes);
  if (type !== null || ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    return fileProblem("unsupported_file", "Upload the staff list as CSV or Excel workbook (.xlsx)");
  }
  return parseEmployeeCsv(bytes);
}

/**
 * Imports a staff list (CSV or XLSX) all-or-nothing: a bad row rejects the file before anything is
 * written; known e-mails update (and reactivate) their employee, new ones are created, in the caller's transaction.
 */
export async function importEmployees(scope: TenantScope, file: Uint8Array | string) {
  const parsed: CsvParseResult | Awaited<ReturnType<typeof parseEmployeeXlsx>> =
    typeof file === "string" ? parseEmployeeCsv(file) : await parseImportFile(file);
  if (!parsed.ok) {
    if (parsed.reason === "too_many_rows" || parsed.reason === "too_large") throw new AppError("payload_too_large", parsed.message);
    throw new AppError(
      "csv_invalid",
      parsed.message,
      {
        issues: parsed.errors.map((e) => ({
          ...issue("file", e.field ? [e.row, e.field] : [e.row], e.code, e.message),
          ...(e.values ? { values: e.values } : {}),
        })),
      },
      422,
    );
  }
  const existing = await repo.findByEmails(
    scope.tx,
    scope.orgId,
    parsed.rows.map((r) => r.email),
  );
  const toCreate: repo.EmployeeValues[] = [];
  const toUpdate: Parameters<typeof repo.updateMany>[2] = [];
  let reactivated = 0;
  for (const { row: _line, location, ...values } of parsed.rows) {
    const found = existing.get(values.email.toLowerCase());
    if (found) {
      toUpdate.push({ ...values, id: found.id, location: location ?? null });
      if (!found.active) reactivated++;
    } else {
      toCreate.push({ ...values, location: location ?? "" });
    }
  }
  await uniqueEmail(() => repo.insertMany(scope.tx, scope.orgId, toCreate));
  await repo.updateMany(scope.tx, scope.orgId, toUpdate);
  const result = { created: toCreate.length, updated: toUpdate.length, total: parsed.rows.length };
  await scope.audit({ action: "employees.imported", entityType: ENTITY, details: { ...result, reactivated } });
  return result;
}

export async function linkAccount(tx: TenantScope["tx"], orgId: string, email: string, userId: string): Promise<void> {
  await repo.setUserIdByEmail(tx, orgId, email, userId);
}

/** Headcount for the KPI dashboard: active employees only, as a manager would count staff. */
export async function countActive(scope: TenantScope) {
  const byDepartment = await repo.activeCountsByDepartment(scope.tx, scope.orgId);
  return { active: byDepartment.reduce((n, d) => n + d.count, 0), byDepartment };
}
