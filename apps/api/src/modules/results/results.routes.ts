import {
  CopsoqAnalysisView,
  CursorQuery,
  IdParam,
  OutputTypeList,
  PartnerResult,
  PendingCopsoqAnalyses,
  ResultDecision,
  ResultFileParams,
  ResultList,
  ResultParams,
  SubmitResult,
  WHOLE_LIST_NOTE,
} from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { FileStorage } from "../../lib/file-storage/index.js";
import { acceptMultipart } from "../../lib/multipart.js";
import type { TenantScope } from "../../lib/request-context.js";
import { dispatchMails } from "../notifications/index.js";
import { inActorTenant, inPartnerTenant, PARTNER_SECURITY } from "../partner-access/index.js";
import { outputTypeList } from "./results.mappers.js";
import * as service from "./results.service.js";
import { uploadResult } from "./upload.js";
import { authenticateUploader, readUploadBody, uploadLimits } from "./upload-request.js";

const tags = ["results"];
const COMPANY = { roles: ["bgm_manager"] as const, kind: "company" as const };
const PARTY = { roles: ["bgm_manager", "partner_admin", "partner_member"] as const };

export const resultHttpRoutes: FastifyPluginAsyncZod<{ storage: FileStorage }> = async (app, { storage }) => {
  const { maxFileBytes, autoAcceptDays } = app.config.results;
  const { appUrl } = app.config;
  const ctx = (scope: TenantScope) => ({ scope, appUrl, storage, autoAcceptDays });
  const types = outputTypeList(maxFileBytes);
  const limits = uploadLimits(maxFileBytes);

  // Multipart only for this plugin's routes; files are read into memory up to the size limit (413 above it).
  await acceptMultipart(app, limits);

  app.get(
    "/api/output-types",
    {
      schema: {
        tags,
        summary: "The output types partners deliver: JSON Schema of each payload, accepted files, where it lands, an example",
        description: `One per output type of the registry. ${WHOLE_LIST_NOTE}`,
        response: { 200: OutputTypeList },
      },
    },
    async () => types,
  );

  app.get(
    "/api/engagements/:id/results",
    {
      schema: {
        tags,
        summary: "All result versions of an engagement, newest first (both parties), paged by cursor",
        params: IdParam,
        querystring: CursorQuery,
        response: { 200: ResultList },
      },
    },
    async (req) => req.inTenant(PARTY, (s) => service.listResults(ctx(s), req.params.id, req.query)),
  );

  app.get(
    "/api/partner/engagements/:id/results",
    {
      schema: {
        tags: [...tags, "partner-api"],
        security: PARTNER_SECURITY,
        summary:
          "The results delivered on one of the provider's engagements, newest first, with the company's decision: status (submitted, accepted, changes_requested, superseded), decidedAt and the reason of a change request (API key or partner session; read-only; another provider's engagement is a 404)",
        params: IdParam,
        querystring: CursorQuery,
        response: { 200: ResultList },
      },
    },
    async (req) =>
      inPartnerTenant(app.db, req, { engagementId: req.params.id }, (s) => service.listResults(ctx(s), req.params.id, req.query)),
  );

  app.post(
    "/api/partner/engagements/:id/results",
    {
      bodyLimit: 5 * 1024 * 1024,
      // Schema problems of a delivery are 422 with JSON paths, like the payload's own checks.
      config: { idempotent: true, validationStatus: 422 },
      preValidation: [authenticateUploader(app.db), readUploadBody(limits)],
      schema: {
        tags,
        summary:
          "Deliver a result (partner session or `Authorization: Bearer <API key>`): JSON `{ outputType, payload, note }` or multipart/form-data with the same fields (payload as JSON text) plus files. Only output types the offering declares, only while the engagement is in progress. The payload schemas are listed at GET /api/output-types; every problem comes back as a 422 with its JSON path.",
        security: PARTNER_SECURITY,
        consumes: ["application/json", "multipart/form-data"],
        params: IdParam,
        body: SubmitResult,
        response: { 201: PartnerResult },
      },
    },
    async (req, reply) => {
      const who = req.uploader;
      if (!who) throw new Error("uploader missing after authentication");
      const { result, mails } = await uploadResult(
        { appUrl, storage, autoAcceptDays, maxFileBytes, inTenant: (fn) => inActorTenant(app.db, req, who, fn) },
        who,
        req.body,
        req.resultFiles ?? [],
      );
      void dispatchMails(app.mailer, req.log, mails);
      return reply.status(201).send(result);
    },
  );

  app.get(
    "/api/engagements/:id/results/:resultId/files/:fileId",
    {
      schema: {
        tags,
        summary: "Download a file delivered with a result, as an attachment (company only)",
        params: ResultFileParams,
        produces: ["application/octet-stream"],
        response: { 200: z.string().meta({ format: "binary" }) },
      },
    },
    async (req, reply) => {
      const file = await req.inTenant(COMPANY, (s) =>
        service.readResultFile(ctx(s), req.params.id, req.params.resultId, req.params.fileId),
      );
      return (
        reply
          .type(file.mimeType)
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          // Buffers bypass the response serializer; the schema documents them as binary.
          .send(file.content as unknown as string)
      );
    },
  );

  app.post(
    "/api/engagements/:id/results/:resultId/decision",
    {
      schema: {
        tags,
        summary:
          "Accept a delivered result (it lands where its type belongs; accepting twice changes nothing) or request changes with a reason (an accepted result is taken out again)",
        params: ResultParams,
        body: ResultDecision,
        response: { 200: PartnerResult },
      },
    },
    async (req) => {
      const { result, mails } = await req.inTenant(COMPANY, (s) => service.decide(ctx(s), req.params.id, req.params.resultId, req.body));
      void dispatchMails(app.mailer, req.log, mails);
      return result;
    },
  );

  app.get(
    "/api/analysis/copsoq",
    {
      schema: {
        tags,
        summary: "Phase 2 Analysis: accepted COPSOQ analyses with their source, newest first",
        description: `The 50 newest, enough for the history chart (a top-N list). ${WHOLE_LIST_NOTE}`,
        response: { 200: CopsoqAnalysisView },
      },
    },
    async (req) => req.inTenant(COMPANY, (s) => service.copsoqAnalyses(s)),
  );

  app.get(
    "/api/analysis/copsoq/pending",
    {
      schema: {
        tags,
        summary:
          "Phase 2 Analysis: delivered COPSOQ analyses still waiting for the company's review, oldest first, with when each is accepted automatically",
        description: `At most 20 (one per engagement and series is usual). ${WHOLE_LIST_NOTE}`,
        response: { 200: PendingCopsoqAnalyses },
      },
    },
    async (req) => req.inTenant(COMPANY, (s) => service.pendingCopsoqAnalyses(ctx(s))),
  );
};
