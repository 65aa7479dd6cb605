import {
  CreateEmployee,
  Employee,
  EmployeeImportErrorCode,
  EmployeeList,
  EmployeeListQuery,
  ErrorBody,
  FILE_TYPES,
  IdParam,
  ImportResult,
  UpdateEmployee,
} from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import * as service from "./employees.service.js";

const tags = ["employees"];
const managers = { roles: ["bgm_manager"], kind: "company" } as const;

/** The existing limit of a CSV upload, for workbooks too. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const IMPORT_TYPES = ["text/csv", "text/plain", FILE_TYPES.xlsx, "application/octet-stream"];

const ImportBody = z
  .instanceof(Buffer)
  .describe(
    "The staff list as CSV or Excel workbook (.xlsx, first sheet), at most 5 MB and 5,000 rows. Header row: Vorname/First name; Nachname/Last name; E-Mail/Email; Abteilung/Department; Standort/Location (optional). CSV: `;`, `,` or tab separated; UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, or Windows-1252 (Excel's default CSV), detected from the bytes.",
  );

const IMPORT_DESCRIPTION = `Existing e-mails (any case) update and reactivate their employee; new ones are created. What the bytes are decides CSV or XLSX, not the content type. If any row is invalid nothing is imported and the answer is 422 \`csv_invalid\` with \`details.issues: [{ in: "file", path: [row, field?], code, message, values? }]\` (row = line in the file or Excel row, header = 1). \`code\` is one of: ${EmployeeImportErrorCode.options.map((c) => `\`${c}\``).join(", ")}. **Changed:** rows used to carry Zod's codes (\`too_small\`, \`too_big\`, \`invalid_format\`), \`duplicate\` and \`not_utf8\`; they are now \`required\`, \`too_long\` (values.max), \`invalid_email\`, \`duplicate_email\` (values.line), and Windows-1252 files are imported instead of refused. A workbook that unpacks to more than 50 MB, or more than 5,000 rows, is 413.`;

export const employeeRoutes: FastifyPluginAsyncZod = async (app) => {
  // The import reads the file's bytes itself (encoding, XLSX): in this plugin's scope only, CSV and text
  // arrive as a Buffer instead of the app-wide UTF-8 string. The route's bodyLimit applies to all of them.
  app.removeContentTypeParser(["text/csv", "text/plain", "application/octet-stream"]);
  app.addContentTypeParser(IMPORT_TYPES, { parseAs: "buffer" }, (_req, body, done) => done(null, body));

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
      config: { idempotent: true },
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
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary: "Import employees from a CSV export or an Excel workbook (all rows or none)",
        description: IMPORT_DESCRIPTION,
        consumes: IMPORT_TYPES,
        body: ImportBody,
        response: { 200: ImportResult, 413: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => req.inTenant(managers, (s) => service.importEmployees(s, req.body)),
  );
};
