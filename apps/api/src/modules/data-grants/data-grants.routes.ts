import {
  AccessLogList,
  AccessLogQuery,
  CursorQuery,
  DataDisclosureList,
  DataGrant,
  DataGrantOverview,
  DataRequest,
  GrantRequest,
  GrantResult,
  IdParam,
  RECENT_ACCESS_MAX,
} from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { dispatchMails } from "../notifications/index.js";
import { organizationName } from "./grants.repository.js";
import * as grants from "./grants.service.js";
import { accessLog, grantOverview, myDisclosures, recordOfProcessing } from "./records.service.js";
import { recordsCsv, recordsPdf } from "./records-export.js";

const tags = ["data-grants"];
const MANAGER = { roles: ["bgm_manager"], kind: "company" } as const;
const RecordsCsvQuery = z.strictObject({ lang: z.enum(["de", "en"]).default("de").describe("Language of the export's words") });
/** Art. 15: anyone of the company may ask what was disclosed about them. */
const COMPANY_MEMBER = { roles: ["employee", "bgm_manager"], kind: "company" } as const;

export const companyDataGrantRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/engagements/:id/data-request",
    {
      schema: {
        tags,
        summary: "The offering's requested data scopes with a live preview, the current grants and the expiry limits",
        params: IdParam,
        response: { 200: DataRequest },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => grants.getDataRequest(s, req.params.id)),
  );

  app.post(
    "/api/engagements/:id/grants",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Grant or decline each requested scope on its own; high-sensitivity scopes need confirmHighSensitivity",
        params: IdParam,
        body: GrantRequest,
        response: { 200: GrantResult },
      },
    },
    async (req) => {
      const { result, mails } = await req.inTenant(MANAGER, (scope) =>
        grants.grantScopes({ scope, appUrl: app.config.appUrl }, req.params.id, req.body),
      );
      void dispatchMails(app.mailer, req.log, mails);
      return result;
    },
  );

  app.post(
    "/api/data-grants/:id/revoke",
    {
      schema: { tags, summary: "Revoke a grant; the very next partner request is refused", params: IdParam, response: { 200: DataGrant } },
    },
    async (req) => {
      const { result, mails } = await req.inTenant(MANAGER, (scope) =>
        grants.revokeGrant({ scope, appUrl: app.config.appUrl }, req.params.id),
      );
      void dispatchMails(app.mailer, req.log, mails);
      return result;
    },
  );

  app.get(
    "/api/data-grants",
    {
      schema: {
        tags,
        summary: "All grants (active, expired, revoked) grouped by partner, with access totals and the latest requests",
        description:
          "Per grant (and per partner for requests that named no grant): served and denied totals over the whole log, the " +
          `latest request times and at most the latest ${RECENT_ACCESS_MAX} requests. The full log is paged at \`GET /api/data-grants/access-log\`.`,
        response: { 200: DataGrantOverview },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => grantOverview(s)),
  );

  app.get(
    "/api/data-grants/access-log",
    {
      schema: {
        tags,
        summary: "Every partner request for the company's data, served or denied, newest first, paged by cursor",
        querystring: AccessLogQuery,
        response: { 200: AccessLogList },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => accessLog(s, req.query)),
  );

  app.get(
    "/api/data-grants/export.csv",
    {
      schema: {
        tags,
        summary: "The record of data sharing as CSV (Art. 30 DSGVO; `;`-separated, UTF-8 with BOM)",
        description:
          "Column heads, data categories, field names, purposes and states in `lang` (default German). Times are local times in Europe/Berlin to the minute (`02.12.2026 11:42` in German, `2026-12-02 11:42` in English), no longer UTC ISO timestamps; fields are named by their labels, no longer by their keys.",
        querystring: RecordsCsvQuery,
        produces: ["text/csv"],
        response: { 200: z.string() },
      },
    },
    async (req, reply) => {
      const { lang } = req.query;
      const csv = await req.inTenant(MANAGER, async (s) => recordsCsv(await recordOfProcessing(s), lang));
      const fileName = lang === "en" ? "data-sharing.csv" : "datenfreigaben.csv";
      return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${fileName}"`).send(csv);
    },
  );

  app.get(
    "/api/data-grants/export.pdf",
    {
      schema: {
        tags,
        summary: "The record of data sharing as PDF (Art. 30 DSGVO)",
        produces: ["application/pdf"],
        response: { 200: z.string().meta({ format: "binary" }) },
      },
    },
    async (req, reply) => {
      const { overview, companyName } = await req.inTenant(MANAGER, async (s) => ({
        overview: await recordOfProcessing(s),
        companyName: await organizationName(s.tx, s.orgId),
      }));
      const pdf = await recordsPdf(overview, { companyName, generatedAt: new Date() });
      return (
        reply
          .type("application/pdf")
          .header("content-disposition", 'attachment; filename="datenfreigaben.pdf"')
          // Buffers bypass the response serializer; the schema above documents them as binary.
          .send(pdf as unknown as string)
      );
    },
  );

  app.get(
    "/api/me/data-disclosures",
    {
      schema: {
        tags,
        summary: "Which partners received my name and e-mail address, and when (Art. 15 DSGVO), newest first",
        querystring: CursorQuery,
        response: { 200: DataDisclosureList },
      },
    },
    async (req) => req.inTenant(COMPANY_MEMBER, (s) => myDisclosures(s, req.query)),
  );
};
