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
});

export const CsvRowError = z.object({
  row: z.number().int().describe("1-based line number in the file, header is line 1"),
  field: z.string().optional(),
  message: z.string(),
});
export const ImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  total: z.number().int(),
});
