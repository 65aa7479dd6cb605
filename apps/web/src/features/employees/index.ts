/** Employees: the company's staff list and CSV import. The public face of the feature; other code imports only this file. */
export { useActiveEmployeeCount, useEmployees } from "./api/get-employees";
export type { EmployeeListParams } from "./api/types";
export { CsvImportModal } from "./components/csv-import-modal";
export { EmployeeFilters } from "./components/employee-filters";
export { EmployeeFormModal } from "./components/employee-form-modal";
export { EmployeesTable } from "./components/employees-table";
