import { CreateEmployee, Employee, EmployeeList, EmployeeListQuery, ErrorBody, IdParam, ImportResult, UpdateEmployee } from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import * as service from "./employees.service.js";

const tags = ["employees"];
const managers = { roles: ["bgm_manager"], kind: "company" } as const;

const CsvBody = z
  .string()
  .describe(
    "CSV with a header row: Vorname/First name; Nachname/Last name; E-Mail/Email; Abteilung/Department; Standort/Location (optional). `;` or `,` separated, UTF-8 (BOM allowed), at most 5,000 rows.",
  );

export const employeeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/employees",
    {
      schema: {
        tags,
        summary: "List, search and page the company's employees",
        querystring: EmployeeListQuery,
        response: { 200: EmployeeList },
      },
    },
    async (req) => req.inTenant(managers, (s) => service.listEmployees(s, req.query)),
  );

  app.post(
    "/api/employees",
    {
      schema: {
        tags,
        summary: "Add an employee",
        body: CreateEmployee,
        response: { 201: Employee, 409: ErrorBody.describe("An employee with this e-mail already exists") },
      },
    },
    async (req, reply) => {
      const created = await req.inTenant(managers, (s) => service.createEmployee(s, req.body));
      return reply.status(201).send(created);
    },
  );

  app.patch(
    "/api/employees/:id",
    {
      schema: {
        tags,
        summary: "Edit, deactivate (active: false) or reactivate an employee",
        params: IdParam,
        body: UpdateEmployee,
        response: { 200: Employee, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => req.inTenant(managers, (s) => service.updateEmployee(s, req.params.id, req.body)),
  );

  app.post(
    "/api/employees/import",
    {
      schema: {
        tags,
        summary: "Import employees from a CSV export (all rows or none)",
        description:
          "Existing e-mails (any case) update and reactivate their employee; new ones are created. If any row is invalid nothing is imported and the answer is 422 `csv_invalid` with `details.rows: [{ row, field, message }]` (row = line in the file, header = 1).",
        consumes: ["text/csv"],
        body: CsvBody,
        response: { 200: ImportResult, 413: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => req.inTenant(managers, (s) => service.importEmployees(s, req.body)),
  );
};
