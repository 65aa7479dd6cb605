import { IdParam, PartnerData, PartnerDataParams, PartnerDataQuery, PartnerGrantList, WHOLE_LIST_NOTE } from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { toCsv } from "../../lib/csv.js";
import { inPartnerTenant, PARTNER_SECURITY } from "../partner-access/index.js";
import { authenticatePartner } from "./partner-auth.js";
import { servePartnerData } from "./partner-data.service.js";
import { partnerDataXlsx } from "./partner-data.xlsx.js";
import { partnerGrants } from "./partner-grants.service.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const partnerDataRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/partner/engagements/:id/grants",
    {
      schema: {
        tags: ["data-grants"],
        summary:
          "The data scopes the company granted on this engagement, with fields, purpose, expiry and state (the partner's view; API key or partner session)",
        security: PARTNER_SECURITY,
        description: `A few per engagement (one per data scope and decision). ${WHOLE_LIST_NOTE}`,
        params: IdParam,
        response: { 200: PartnerGrantList },
      },
    },
    async (req) => inPartnerTenant(app.db, req, { engagementId: req.params.id }, (s) => partnerGrants(s, req.params.id)),
  );

  app.get(
    "/api/partner/engagements/:id/data/:scope",
    {
      schema: {
        tags: ["data-grants"],
        summary:
          "Fetch granted data of one engagement and scope, as JSON, CSV or XLSX. Authenticate with the partner session or `Authorization: Bearer <API key>`. Only live grants are served; every request is logged.",
        security: PARTNER_SECURITY,
        params: PartnerDataParams,
        querystring: PartnerDataQuery,
        produces: ["application/json", "text/csv", XLSX_TYPE],
        response: {
          200: z.union([
            PartnerData,
            z
              .string()
              .meta({ format: "binary" })
              .describe(
                "CSV (format=csv): `;`-separated with a BOM for Excel, or `,` without BOM with dialect=rfc4180; " +
                  "XLSX (format=xlsx): a workbook with the sheets „Daten“ and „Felder“",
              ),
          ]),
        },
      },
    },
    async (req, reply) => {
      const request = { engagementId: req.params.id, scopeKey: req.params.scope, format: req.query.format };
      const caller = await authenticatePartner(app.db, req, request);
      const data = await servePartnerData(app.db, caller, request);
      if (request.format === "json") return data;
      if (request.format === "xlsx") {
        return reply
          .type(XLSX_TYPE)
          .header("content-disposition", `attachment; filename="${data.scope}.xlsx"`)
          .send((await partnerDataXlsx(data)) as unknown as string);
      }
      const csv = toCsv(
        data.fields,
        data.records.map((r) => data.fields.map((f) => r[f] ?? null)),
        req.query.dialect,
      );
      return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${data.scope}.csv"`).send(csv);
    },
  );
};
