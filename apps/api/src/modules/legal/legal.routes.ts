import {
  CreateMeasure,
  DOCUMENT_FILE_TYPES,
  LegalRequirement,
  LegalRequirementList,
  RecordTrigger,
  RequirementKeyParam,
  StepParams,
  UpdateMeasure,
  UpdateRequirement,
  UpdateStep,
  WHOLE_LIST_NOTE,
} from "@bgm/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { TenantScope } from "../../lib/request-context.js";
import { uploadFromRequest } from "../files/index.js";
import * as service from "./legal.service.js";

const tags = ["legal"];
const MeasureParams = RequirementKeyParam.extend({ id: z.uuid() });

/** Only the company's BGM managers document legal requirements. */
const asManager = <T>(req: FastifyRequest, fn: (scope: TenantScope) => Promise<T>) =>
  req.inTenant({ roles: ["bgm_manager"], kind: "company" }, fn);

export const legalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/legal-requirements",
    {
      schema: {
        tags,
        summary: "Legal requirements of the company with steps, measures and what is missing",
        description: `One per requirement of the legal registry (about six). ${WHOLE_LIST_NOTE}`,
        response: { 200: LegalRequirementList },
      },
    },
    async (req) => ({ items: await asManager(req, (s) => service.listRequirements(s)), nextCursor: null }),
  );

  app.get(
    "/api/legal-requirements/:key",
    { schema: { tags, summary: "One legal requirement", params: RequirementKeyParam, response: { 200: LegalRequirement } } },
    async (req) => asManager(req, (s) => service.getRequirement(s, req.params.key)),
  );

  app.patch(
    "/api/legal-requirements/:key",
    {
      schema: {
        tags,
        summary: "Set the assessment date or the effectiveness check",
        params: RequirementKeyParam,
        body: UpdateRequirement,
        response: { 200: LegalRequirement },
      },
    },
    async (req) => asManager(req, (s) => service.updateRequirement(s, req.params.key, req.body)),
  );

  app.patch(
    "/api/legal-requirements/:key/steps/:step",
    {
      schema: {
        tags,
        summary: "Tick a step or change its notes",
        params: StepParams,
        body: UpdateStep,
        response: { 200: LegalRequirement },
      },
    },
    async (req) => asManager(req, (s) => service.updateStep(s, req.params.key, req.params.step, req.body)),
  );

  app.post(
    "/api/legal-requirements/:key/steps/:step/evidence",
    {
      schema: {
        tags,
        summary: "Attach a file as evidence of a step (raw body; file name in X-File-Name, optional X-File-Note, both URL-encoded)",
        consumes: [...DOCUMENT_FILE_TYPES],
        params: StepParams,
        headers: z.object({ "x-file-name": z.string().min(1).max(1000), "x-file-note": z.string().max(3000).optional() }),
        body: z.instanceof(Buffer).describe("The file's bytes: PDF, PNG, JPEG or DOCX, at most 10 MB"),
        response: { 201: LegalRequirement },
      },
    },
    async (req, reply) => {
      // Read the upload inside the tenant call so an unauthorised caller learns nothing about it.
      const view = await asManager(req, (s) => service.attachEvidence(s, req.params.key, req.params.step, uploadFromRequest(req)));
      return reply.status(201).send(view);
    },
  );

  app.post(
    "/api/legal-requirements/:key/measures",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Add a measure with owner and due date",
        params: RequirementKeyParam,
        body: CreateMeasure,
        response: { 201: LegalRequirement },
      },
    },
    async (req, reply) => {
      const view = await asManager(req, (s) => service.createMeasure(s, req.params.key, req.body));
      return reply.status(201).send(view);
    },
  );

  app.patch(
    "/api/legal-requirements/:key/measures/:id",
    {
      schema: {
        tags,
        summary: "Update a measure, e.g. record that it was carried out and the proof",
        params: MeasureParams,
        body: UpdateMeasure,
        response: { 200: LegalRequirement },
      },
    },
    async (req) => asManager(req, (s) => service.updateMeasure(s, req.params.key, req.params.id, req.body)),
  );

  app.post(
    "/api/legal-requirements/:key/triggers",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Record a reason to review the assessment (changed conditions, new findings, accident, complaints); reopens it",
        params: RequirementKeyParam,
        body: RecordTrigger,
        response: { 200: LegalRequirement },
      },
    },
    async (req) => asManager(req, (s) => service.recordTrigger(s, req.params.key, req.body)),
  );
};
