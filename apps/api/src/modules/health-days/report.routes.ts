import { HealthDayReport, IdParam } from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AccessRule } from "../../plugins/request-context.js";
import { healthDayReportPdf, reportFileName } from "./report.pdf.js";
import { companyName, healthDayReport } from "./report.service.js";

const tags = ["health-days"];
/** The report names no one, but it is the company's own figures: its BGM manager reads it. */
const MANAGER: AccessRule = { roles: ["bgm_manager"], kind: "company" };
const Binary = z.string().meta({ format: "binary" });

const DESCRIPTION =
  "Attendance per station and slot (places held, attended, no-show, waiting, no-show rate = no-show of everyone marked, utilization = places held of the capacity), totals against the expected headcount (`people`: different people holding a place), costs against the budget (as on the day's page), and recommendations computed from the figures (a slot fully booked with a waitlist → another slot; a no-show rate above 20 % → reminders; a station under 30 % of its places → reconsider it; under half of the expected headcount → invite earlier and wider; booked above budget). Cancelled slots are listed but not summed. Counts only, never names: small counts show, since the report stays with the company's managers. Readable at any status (before the day it counts registrations).";

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
