import {
  AddHealthDayModule,
  AddHealthDaySlots,
  EngagementIdParam,
  HealthDay,
  HealthDayConsolidatedReport,
  HealthDayModuleParams,
  IdParam,
  ModuleApprovalDecision,
  PlannerHealthDay,
  PlannerHealthDayList,
  PlannerModuleParams,
  SetHealthDayPlanner,
  WHOLE_LIST_NOTE,
} from "@bgm/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AccessRule } from "../../plugins/request-context.js";
import { dispatchMails } from "../notifications/index.js";
import { type CalendarContext, organizerAddress } from "../participation/index.js";
import type { Acting, Outcome } from "./health-days.service.js";
import * as planner from "./planner.service.js";
import { consolidatedReportPdf } from "./report.pdf.js";
import { CONSOLIDATED_DESCRIPTION, consolidatedFileName, sendPdf } from "./report.routes.js";

const tags = ["health-days"];
const MANAGER: AccessRule = { roles: ["bgm_manager"], kind: "company" };
/** A full-service planner is a provider organization; any of its members plans the days it booked. */
const PLANNER: AccessRule = { roles: ["partner_admin", "partner_member"], kind: "provider" };

/** Full-service mode: the company hands a day to its planner and approves; the planner plans (issue 13, 4.5). */
export const plannerRoutes: FastifyPluginAsyncZod = async (app) => {
  const calendar: CalendarContext = { appUrl: app.config.appUrl, organizerEmail: organizerAddress(app.config.mailFrom) };

  async function change<T>(req: FastifyRequest, fn: (a: Acting) => Promise<Outcome<T>>): Promise<T> {
    const { result, mails } = await req.inTenant(MANAGER, (scope) => fn({ scope, appUrl: app.config.appUrl, calendar }));
    void dispatchMails(app.mailer, req.log, mails);
    return result;
  }

  async function plannerCaller(req: FastifyRequest): Promise<planner.PlannerCaller> {
    const { caller, active } = await req.authorize(PLANNER);
    return {
      orgId: active.organizationId,
      userId: caller.user.id,
      meta: { ip: req.ip, userAgent: req.headers["user-agent"]?.slice(0, 300) ?? null, requestId: req.id },
    };
  }

  app.put(
    "/api/health-days/:id/planner",
    {
      schema: {
        tags,
        summary: "Hand a full-service health day to the planner the company booked, with the approval limit",
        description:
          "The engagement must be the company's, for a `full_service_health_day` offering, and accepted or in progress (409 `engagement_not_active`); one booking plans one day (409 `planner_engagement_in_use`); only for a day in mode `full_service` (409 `not_full_service`). The planner then sees the day (no names), adds stations and slots in the company's name. Stations it adds above `approvalLimitCents` (or all, when null) wait for approval (`approval: pending`), and registration cannot open while any does.",
        params: IdParam,
        body: SetHealthDayPlanner,
        response: { 200: HealthDay },
      },
    },
    async (req) => change(req, (a) => planner.setPlanner(a, req.params.id, req.body)),
  );

  app.post(
    "/api/health-days/:id/modules/:moduleId/approval",
    {
      schema: {
        tags,
        summary: "Approve or reject one station the planner added",
        description:
          "Only a station whose `approval` is `pending` (409 `approval_not_pending`). Rejecting calls off its slots (people holding a place get a cancelling calendar file) and leaves the provider's engagement to the company. The planner is notified.",
        params: HealthDayModuleParams,
        body: ModuleApprovalDecision,
        response: { 200: HealthDay },
      },
    },
    async (req) => change(req, (a) => planner.decideModule(a, req.params.id, req.params.moduleId, req.body)),
  );

  app.post(
    "/api/health-days/:id/plan-approval",
    {
      schema: {
        tags,
        summary: "Approve the planner's plan and budget as they stand: every pending station at once",
        description: "409 `no_planner` for a day without a planner. Records when and by whom; the planner is notified.",
        params: IdParam,
        response: { 200: HealthDay },
      },
    },
    async (req) => change(req, (a) => planner.approvePlan(a, req.params.id)),
  );

  app.get(
    "/api/planner/health-days",
    {
      schema: {
        tags,
        summary: "Planner: the full-service bookings of my organization and the day each company handed to it",
        description: `Bookings accepted, in progress, delivered or completed; \`healthDay\` is null until the company hands a day over. No names of the companies' people. ${WHOLE_LIST_NOTE}`,
        response: { 200: PlannerHealthDayList },
      },
    },
    async (req) => planner.listPlannedDays(app.db, await plannerCaller(req)),
  );

  app.get(
    "/api/planner/health-days/:engagementId",
    {
      schema: {
        tags,
        summary: "Planner: the day handed to this booking — stations, slots with headcounts, budget, card",
        description:
          "No responsible person and, per slot, only `registered` and `waitlisted` counts. Another provider's, an unknown or a not running booking, or one without a day, is a 404.",
        params: EngagementIdParam,
        response: { 200: PlannerHealthDay },
      },
    },
    async (req) => planner.readPlannedDay(app.db, await plannerCaller(req), req.params.engagementId),
  );

  app.get(
    "/api/planner/health-days/:engagementId/report",
    {
      schema: {
        tags,
        summary: "Planner: the consolidated report of the day, handed back to the company (JSON)",
        description: `The company reads the same at \`GET /api/health-days/{id}/consolidated-report\`. Readable while the booking runs and after it was delivered or completed; 404 as for the day. ${CONSOLIDATED_DESCRIPTION}`,
        params: EngagementIdParam,
        response: { 200: HealthDayConsolidatedReport },
      },
    },
    async (req) => planner.plannerReport(app.db, await plannerCaller(req), req.params.engagementId),
  );

  app.get(
    "/api/planner/health-days/:engagementId/report.pdf",
    {
      schema: {
        tags,
        summary: "Planner: the consolidated report as a PDF (German, aggregates only)",
        description: `Each download is audited in the company's log (\`health_days.consolidated_report_exported\`, with the planner). ${CONSOLIDATED_DESCRIPTION}`,
        params: EngagementIdParam,
        produces: ["application/pdf"],
        response: { 200: z.string().meta({ format: "binary" }) },
      },
    },
    async (req, reply) => {
      const report = await planner.plannerReport(app.db, await plannerCaller(req), req.params.engagementId, { exported: "pdf" });
      return sendPdf(reply, await consolidatedReportPdf(report), consolidatedFileName(report));
    },
  );

  app.post(
    "/api/planner/health-days/:engagementId/modules",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Planner: add a station and book its provider in the company's name",
        description:
          "As the company's own `POST /api/health-days/{id}/modules` (published offering, quote request to the provider in the company's name, visible to the company), with `approval: pending` above the company's approval limit; the company is notified. 409 `engagement_not_active` once the booking is delivered or completed; days done or cancelled 409.",
        params: EngagementIdParam,
        body: AddHealthDayModule,
        response: { 201: PlannerHealthDay },
      },
    },
    async (req, reply) => {
      const c = await plannerCaller(req);
      const { result, mails } = await planner.plannerAddModule(
        app.db,
        c,
        { appUrl: app.config.appUrl, calendar },
        req.params.engagementId,
        req.body,
      );
      void dispatchMails(app.mailer, req.log, mails);
      return reply.status(201).send(result);
    },
  );

  app.post(
    "/api/planner/health-days/:engagementId/modules/:moduleId/slots",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Planner: add time slots to a station; all or none, with the same conflict checks as the company's",
        description: "409 `slot_conflict`, `module_rejected` (the company rejected the station), `engagement_not_active`.",
        params: PlannerModuleParams,
        body: AddHealthDaySlots,
        response: { 201: PlannerHealthDay },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await planner.plannerAddSlots(app.db, await plannerCaller(req), req.params.engagementId, req.params.moduleId, req.body)),
  );
};
