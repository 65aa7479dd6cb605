import { z } from "zod";
import { ShortText, Timestamp } from "./common.js";
import { CursorQuery, cursorPage } from "./lists.js";

const Name = z.string().trim().min(1).max(100);
const OptionalPlace = z.string().trim().max(100);

export const Employee = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  department: z.string(),
  location: z.string(),
  active: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Employee = z.infer<typeof Employee>;

export const CreateEmployee = z.strictObject({
  firstName: Name,
  lastName: Name,
  email: z.email().max(254),
  department: ShortText,
  location: OptionalPlace.default(""),
});
export type CreateEmployee = z.infer<typeof CreateEmployee>;

export const UpdateEmployee = z
  .strictObject({
    firstName: Name,
    lastName: Name,
    email: z.email().max(254),
    department: ShortText,
    location: OptionalPlace,
    active: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });

export const EmployeeListQuery = CursorQuery.extend({
  q: z.string().max(100).optional(),
  department: z.string().max(200).optional(),
  active: z.enum(["true", "false", "all"]).default("true"),
});

/** Sorted by last name, first name (case-insensitive); `total` counts every match of the filters, not the page. */
export const EmployeeList = cursorPage(Employee).extend({
  total: z.number().int(),
  departments: z.array(z.object({ name: z.string(), count: z.number().int() })),
  locations: z
    .array(z.object({ name: z.string(), count: z.number().int() }))
    .describe("Active people per work location (people without a location are left out), whatever the filters"),
});

/** The columns an employee import reads (CSV or XLSX), by their API field names. */
export const EmployeeImportField = z.enum(["firstName", "lastName", "email", "department", "location"]);
export type EmployeeImportField = z.infer<typeof EmployeeImportField>;

/**
 * What can be wrong with an employee import file, one code per problem; the web shows each in the UI
 * language. File-level codes come with row 1 (or the line a CSV quote opens on); row codes with the field.
 */
export const EmployeeImportErrorCode = z.enum([
  // the file as a whole
  "unsupported_file",
  "unreadable_file",
  "empty_file",
  "no_rows",
  "malformed_csv",
  // the header row
  "unknown_column",
  "duplicate_column",
  "missing_column",
  // one row
  "too_many_fields",
  "required",
  "too_long",
  "invalid_email",
  "invalid_value",
  "duplicate_email",
]);
export type EmployeeImportErrorCode = z.infer<typeof EmployeeImportErrorCode>;

/** One problem of a refused import, as `details.issues[]` of the 422 carries it (`path: [row, field?]`). */
export const CsvRowError = z.object({
  row: z.number().int().describe("1-based line number in the file (CSV) or row number (XLSX), header is line 1"),
  field: EmployeeImportField.optional(),
  code: EmployeeImportErrorCode,
  message: z.string().describe("English, for API users; the web shows its own text for `code`"),
  values: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .describe("What the text names: column, max, line"),
});
export type CsvRowError = z.infer<typeof CsvRowError>;
export const ImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  total: z.number().int(),
});
