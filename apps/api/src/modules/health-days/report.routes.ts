import { HealthDayConsolidatedReport, HealthDayReport, IdParam } from "@bgm/domain";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AccessRule } from "../../plugins/request-context.js";
import { consolidatedReportPdf, healthDayReportPdf, reportFileName } from "./report.pdf.js";
import { companyConsolidatedReport, companyName, healthDayReport } from "./report.service.js";

const tags = ["health-days"];
/** The report names no one, but it is the company's own figures: its BGM manager reads it. */
const MANAGER: AccessRule = { roles: ["bgm_manager"], kind: "company" };
const Binary = z.string().meta({ format: "binary" });

const DESCRIPTION =
  "Attendance per station and slot (places held, attended, no-show, waiting, no-show rate = no-show of everyone marked, utilization = places held of the capacity), totals against the expected headcount (`people`: different people holding a place), costs against the budget (as on the day's page), and recommendations computed from the figures (a slot fully booked with a waitlist → another slot; a no-show rate above 20 % → reminders; a station under 30 % of its places → reconsider it; under half of the expected headcount → invite earlier and wider; booked above budget). Cancelled slots are listed but not summed. Per station the attendees' anonymous feedback (`feedback`: answers, mean rating, spread 1–5, comments) shows only once the company's minimum group size answered, else `suppressed: true`. Counts only, never names: small attendance counts show, since the report stays with the company's managers. Readable at any status (before the day it counts registrations).";

export const healthDayReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/health-days/:id/report",
    {
      schema: {
        tags,
        summary: "The post-event report of a health day (JSON)",
        description: DESCRIPTION,
        params: IdParam,
        response: { 200: HealthDayReport },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => healthDayReport(s, req.params.id)),
  );

  app.get(
    "/api/health-days/:id/report.pdf",
    {
      schema: {
        tags,
        summary: "The post-event report of a health day as a PDF (German, no names)",
        description: `The same content as \`GET /api/health-days/{id}/report\`, printable (A4 landscape). Each download is audited (\`health_days.report_exported\`). ${DESCRIPTION}`,
        params: IdParam,
        produces: ["application/pdf"],
        response: { 200: Binary },
      },
    },
    async (req, reply) => {
      const { report, company } = await req.inTenant(MANAGER, async (s) => {
        const r = await healthDayReport(s, req.params.id);
        await s.audit({
          action: "health_days.report_exported",
          entityType: "health_day",
          entityId: r.healthDayId,
          details: { format: "pdf" },
        });
        return { report: r, company: await companyName(s) };
      });
      const pdf = await healthDayReportPdf(report, company);
      // Buffers bypass the response serializer; the schema documents them as binary.
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${reportFileName(report)}"`)
        .header("cache-control", "no-store")
        .send(pdf as unknown as string);
    },
  );
};

export const CONSOLIDATED_DESCRIPTION =
  "One report for the whole full-service day, the same for the planner and the company: per station places held, capacity, waiting, utilization, attendance and no-show (withheld as `null` with `attendanceSuppressed` below the company's minimum group size, and where needed so that a withheld station cannot be computed from the total), the attendees' feedback as aggregates (suppressed below the minimum group size), costs against the budget and the recommendations (without those resting on withheld figures). No names, no figures per slot.";

export const consolidatedReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/health-days/:id/consolidated-report",
    {
      schema: {
        tags,
        summary: "The consolidated report of a full-service day, as its planner reads it (JSON)",
        description: `409 \`no_planner\` for a day not handed to a planner. The company's own full figures stay in \`GET /api/health-days/{id}/report\`. ${CONSOLIDATED_DESCRIPTION}`,
        params: IdParam,
        response: { 200: HealthDayConsolidatedReport },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => companyConsolidatedReport(s, req.params.id)),
  );

  app.get(
    "/api/health-days/:id/consolidated-report.pdf",
    {
      schema: {
        tags,
        summary: "The consolidated report of a full-service day as a PDF (German, aggregates only)",
        description: `Each download is audited (\`health_days.consolidated_report_exported\`). ${CONSOLIDATED_DESCRIPTION}`,
        params: IdParam,
        produces: ["application/pdf"],
        response: { 200: Binary },
      },
    },
    async (req, reply) => {
      const report = await req.inTenant(MANAGER, async (s) => {
        const r = await companyConsolidatedReport(s, req.params.id);
        await s.audit({
          action: "health_days.consolidated_report_exported",
          entityType: "health_day",
          entityId: r.healthDayId,
          details: { format: "pdf" },
        });
        return r;
      });
      return sendPdf(reply, await consolidatedReportPdf(report), consolidatedFileName(report));
    },
  );
};

export const consolidatedFileName = (r: HealthDayConsolidatedReport) => reportFileName(r, "gesamtbericht-gesundheitstag");

export function sendPdf(reply: FastifyReply, pdf: Buffer, fileName: string) {
  // Buffers bypass the response serializer; the schema documents them as binary.
  return reply
    .type("application/pdf")
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .header("cache-control", "no-store")
    .send(pdf as unknown as string);
}
