import {
  CreateEngagement,
  CreateQuote,
  Engagement,
  EngagementList,
  EngagementListQuery,
  IdParam,
  type MemberRole,
  type OrgKind,
  ProgressUpdate,
  TransitionRequest,
} from "@bgm/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { dispatchMails } from "../notifications/index.js";
import type { Acting, Outcome } from "./access.js";
import * as service from "./engagements.service.js";
import { sendQuote } from "./quotes.service.js";

const tags = ["engagements"];
type Access = { roles: readonly MemberRole[]; kind?: OrgKind };
const COMPANY: Access = { roles: ["bgm_manager"], kind: "company" };
const PROVIDER: Access = { roles: ["partner_admin", "partner_member"], kind: "provider" };
/** Either party; the side follows from the kind of the caller's active organization. */
const PARTY: Access = { roles: ["bgm_manager", "partner_admin", "partner_member"] };

export const engagementRoutes: FastifyPluginAsyncZod = async (app) => {
  /**
   * Runs a change in the caller's tenant transaction and sends its mails only once that
   * transaction has committed. Sending is not awaited: a slow or failing mail server neither
   * delays the answer nor undoes the change (failures are logged by dispatchMails).
   */
  async function change<T>(req: FastifyRequest, access: Access, fn: (a: Acting) => Promise<Outcome<T>>): Promise<T> {
    const { result, mails } = await req.inTenant(access, (scope) => fn({ scope, appUrl: app.config.appUrl }));
    void dispatchMails(app.mailer, req.log, mails);
    return result;
  }

  app.post(
    "/api/engagements",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Request a quote: creates an engagement with a provider about one published offering",
        body: CreateEngagement,
        response: { 201: Engagement },
      },
    },
    async (req, reply) => reply.status(201).send(await change(req, COMPANY, (a) => service.createEngagement(a, req.body))),
  );

  app.get(
    "/api/engagements",
    {
      schema: {
        tags,
        summary: "The company's engagement dashboard or the provider's inbox, latest activity first",
        querystring: EngagementListQuery,
        response: { 200: EngagementList },
      },
    },
    async (req) => req.inTenant(PARTY, (s) => service.listEngagements(s, req.query)),
  );

  app.get(
    "/api/engagements/:id",
    {
      schema: {
        tags,
        summary: "One engagement with quotes, timeline and the actions the caller's side may take now",
        params: IdParam,
        response: { 200: Engagement },
      },
    },
    async (req) => req.inTenant(PARTY, (s) => service.getEngagement(s, req.params.id)),
  );

  app.post(
    "/api/engagements/:id/quotes",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Send a quote or a revised one (supersedes the open quote)",
        params: IdParam,
        body: CreateQuote,
        response: { 201: Engagement },
      },
    },
    async (req, reply) => reply.status(201).send(await change(req, PROVIDER, (a) => sendQuote(a, req.params.id, req.body))),
  );

  app.post(
    "/api/engagements/:id/transitions",
    {
      schema: {
        tags,
        summary: "Move the engagement: accept, reject, request a revision, decline, start, deliver, complete, cancel",
        params: IdParam,
        body: TransitionRequest,
        response: { 200: Engagement },
      },
    },
    async (req) => change(req, PARTY, (a) => service.transition(a, req.params.id, req.body)),
  );

  app.post(
    "/api/engagements/:id/progress",
    {
      schema: {
        tags,
        summary: "Report progress of an engagement in progress",
        params: IdParam,
        body: ProgressUpdate,
        response: { 200: Engagement },
      },
    },
    async (req) => change(req, PROVIDER, (a) => service.reportProgress(a, req.params.id, req.body)),
  );
};
