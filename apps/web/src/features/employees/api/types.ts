import type { CreateEmployee, CsvRowError, EmployeeList, EmployeeListQuery, ImportResult, UpdateEmployee } from "@bgm/domain";
import type { z } from "zod";

export type { Employee } from "@bgm/domain";
export type EmployeeListResponse = z.infer<typeof EmployeeList>;
export type ImportResultResponse = z.infer<typeof ImportResult>;
export type CsvRowErrorItem = z.infer<typeof CsvRowError>;

export type CreateEmployeeInput = z.input<typeof CreateEmployee>;
export type UpdateEmployeeInput = z.input<typeof UpdateEmployee>;
/** The query as the API reads it (a query string has no typed input: its numbers are coerced). */
export type EmployeeListParams = z.infer<typeof EmployeeListQuery>;
