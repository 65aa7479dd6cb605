import {
  CertificateParams,
  ErrorBody,
  HealthBudget,
  HealthBudgetQuery,
  InsuranceReport,
  InsuranceReportExportQuery,
  InsuranceReportQuery,
  MIN_GROUP_SIZE,
  MyCertificateList,
  TAX_FREE_HEALTH_BUDGET_CENTS,
  WHOLE_LIST_NOTE,
} from "@bgm/domain";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { certificatePdf } from "./certificate.pdf.js";
import { myCertificate, myCertificates } from "./certificate.service.js";
import { currentYear, healthBudget } from "./health-budget.service.js";
import { reportCsv, reportFileName, reportPdf, reportXlsx } from "./insurance-report.render.js";
import { auditExport, buildInsuranceReport } from "./insurance-report.service.js";

const tags = ["participation"];
/** Reports about the company's participation: its BGM manager only, never a partner. */
const MANAGER = { roles: ["bgm_manager"], kind: "company" } as const;
/** Certificates are asked for by the person themselves; the rule inside allows only their own. */
const COMPANY_MEMBER = { roles: ["employee", "bgm_manager"], kind: "company" } as const;
const Binary = z.string().meta({ format: "binary" });

const CONTENT_TYPES = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** Buffers bypass the response serializer; the schemas document them as binary. */
function sendFile(reply: FastifyReply, type: string, fileName: string, body: Buffer | string) {
  return reply
    .type(type)
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .header("cache-control", "no-store")
    .send(body as unknown as string);
}

export const participationExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/participation/insurance-report",
    {
      schema: {
        tags,
        summary: "The insurer report for § 20b SGB V (aggregates only) as JSON, e.g. for a preview",
        description:
          "The dimensions of the GKV-Präventionsbericht for one period (calendar dates in Europe/Berlin, both inclusive, " +
          "at most three years): industry (company profile) and size class (employee register), people reached, target " +
          "groups, fields of action, behavioural vs structural, steering committee, needs analysis, success check, and per " +
          "intervention its category, sessions, participants and provider. People counts below the minimum group size " +
          `(${MIN_GROUP_SIZE}) are \`{ value: null, suppressed: true }\`. BGM manager only.`,
        querystring: InsuranceReportQuery,
        response: { 200: InsuranceReport },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => buildInsuranceReport(s, req.query)),
  );

  app.get(
    "/api/participation/insurance-report/export",
    {
      schema: {
        tags,
        summary: "Download the insurer report for § 20b SGB V as PDF, CSV or XLSX",
        description:
          "The same content as `GET /api/participation/insurance-report`. `pdf`: German, printable, with company, period " +
          "and the date it was made; `csv`: `;`-separated UTF-8 with BOM (opens in German Excel), the sections one below the " +
          "other; `xlsx`: sheets „Übersicht“ and „Maßnahmen“. A withheld count reads „unterdrückt“, never a number. The file " +
          "name is made by the server. Every download is written to the audit log. BGM manager only.",
        querystring: InsuranceReportExportQuery,
        produces: [CONTENT_TYPES.pdf, "text/csv", CONTENT_TYPES.xlsx],
        response: { 200: Binary },
      },
    },
    async (req, reply) => {
      const { format, from, to } = req.query;
      const period = { from, to };
      const report = await req.inTenant(MANAGER, async (s) => {
        const r = await buildInsuranceReport(s, period);
        await auditExport(s, format, period, r);
        return r;
      });
      const body = format === "pdf" ? await reportPdf(report) : format === "xlsx" ? await reportXlsx(report) : reportCsv(report);
      return sendFile(reply, CONTENT_TYPES[format], reportFileName(report, format), body);
    },
  );

  app.get(
    "/api/me/certificates",
    {
      schema: {
        tags,
        summary: "My § 20 courses and whether a participation certificate is available",
        description:
          "For the signed-in employee's own certified courses (intervention with a certification id in which they hold or " +
          "held a place). Counted sessions: not cancelled and ended. A certificate is available once the course is over (no " +
          "session still to come) when the employee attended at least ⌈80 % × counted⌉ of them. A member without an " +
          `employee record (e.g. a manager) gets 404. ${WHOLE_LIST_NOTE}`,
        response: { 200: MyCertificateList, 404: ErrorBody },
      },
    },
    async (req) => req.inTenant(COMPANY_MEMBER, (s) => myCertificates(s)),
  );

  app.get(
    "/api/me/certificates/:interventionId/pdf",
    {
      schema: {
        tags,
        summary: "Download my participation certificate (§ 20 SGB V) for one course as PDF",
        description:
          "Only the employee's own: another employee's course, an uncertified or unknown intervention is 404. The own course " +
          "below the 80 % rule, or still running, is 409 with `details.reason` and the session counts. Audited.",
        params: CertificateParams,
        produces: [CONTENT_TYPES.pdf],
        response: { 200: Binary, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      const data = await req.inTenant(COMPANY_MEMBER, (s) => myCertificate(s, req.params.interventionId));
      return sendFile(
        reply,
        CONTENT_TYPES.pdf,
        `teilnahmebescheinigung-${req.params.interventionId.slice(0, 8)}.pdf`,
        await certificatePdf(data),
      );
    },
  );

  app.get(
    "/api/participation/health-budget",
    {
      schema: {
        tags,
        summary: "Tax-free health budget (§ 3 Nr. 34 EStG) per employee for one year",
        description:
          `Up to ${TAX_FREE_HEALTH_BUDGET_CENTS / 100} € per employee and calendar year for certified measures. Per intervention ` +
          "its cost per participant (cost ÷ distinct employees who attended); per employee the sum over certified " +
          "interventions whose first attended session lies in the year, and whether it is near (≥ 80 %) or over the limit. " +
          "Contains names: BGM manager only, never shown to partners.",
        querystring: HealthBudgetQuery,
        response: { 200: HealthBudget },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => healthBudget(s, req.query.year ?? currentYear())),
  );
};
