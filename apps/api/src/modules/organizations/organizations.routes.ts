import {
  AcceptInvitation,
  CompanyProfile,
  CreateInvitation,
  CreateOrganization,
  CursorQuery,
  Invitation,
  InvitationIdParam,
  InvitationList,
  Me,
  MemberList,
  MeOrSignedOut,
  Ok,
  Organization,
  SetActiveOrganization,
  UpdateCompanyProfile,
} from "@bgm/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError } from "../../lib/app-error.js";
import { getProfile, updateProfile } from "./company-profile.js";
import * as service from "./organizations.service.js";

const tags = ["organizations"];
const meta = (req: FastifyRequest): service.RequestMeta => ({
  ip: req.ip,
  userAgent: req.headers["user-agent"]?.slice(0, 300) ?? null,
  requestId: req.id,
});

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/me",
    { schema: { tags, summary: "The signed-in user, memberships and active organization", response: { 200: Me } } },
    async (req) => {
      const caller = await req.caller();
      return { user: caller.user, memberships: caller.memberships, active: caller.active };
    },
  );

  app.get(
    "/api/session",
    {
      schema: {
        tags,
        summary: "Who is signed in: the same answer as GET /api/me, or { user: null }",
        description:
          "Never a 401: the web app asks this on every page load, and a signed-out visit (the sign-in page) is a normal state, not a failed request.",
        response: { 200: MeOrSignedOut },
      },
    },
    async (req) => {
      try {
        const caller = await req.caller();
        return { user: caller.user, memberships: caller.memberships, active: caller.active };
      } catch (err) {
        if (err instanceof AppError && err.code === "unauthenticated") return { user: null };
        throw err;
      }
    },
  );

  app.post(
    "/api/organizations",
    { schema: { tags, summary: "Create a company or provider organization", body: CreateOrganization, response: { 201: Organization } } },
    async (req, reply) => {
      const caller = await req.caller();
      const org = await service.createOrganization(app.db, caller, req.body, meta(req));
      return reply.status(201).send(org);
    },
  );

  app.post(
    "/api/me/active-organization",
    { schema: { tags, summary: "Switch the active organization", body: SetActiveOrganization, response: { 200: Ok } } },
    async (req) => {
      await service.setActiveOrganization(app.db, await req.caller(), req.body.organizationId);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/organization/members",
    { schema: { tags, summary: "Members of the active organization, by name", querystring: CursorQuery, response: { 200: MemberList } } },
    async (req) => req.inTenant({ roles: ["bgm_manager", "partner_admin", "partner_member"] }, (s) => service.listMembers(s, req.query)),
  );

  app.get(
    "/api/organization/profile",
    {
      schema: {
        tags,
        summary: "The company's profile for reports: its industry (WZ 2008 section)",
        description: "Read by the insurer report (§20b SGB V), which names the company's industry and size class.",
        response: { 200: CompanyProfile },
      },
    },
    async (req) => req.inTenant({ roles: ["bgm_manager"], kind: "company" }, (s) => getProfile(s)),
  );

  app.put(
    "/api/organization/profile",
    {
      schema: {
        tags,
        summary: "Set the company's industry (WZ 2008 section A–U, or null)",
        body: UpdateCompanyProfile,
        response: { 200: CompanyProfile },
      },
    },
    async (req) => req.inTenant({ roles: ["bgm_manager"], kind: "company" }, (s) => updateProfile(s, req.body)),
  );

  app.get(
    "/api/invitations",
    {
      schema: {
        tags,
        summary: "Invitations of the active organization, oldest first",
        querystring: CursorQuery,
        response: { 200: InvitationList },
      },
    },
    async (req) => req.inTenant({ roles: ["bgm_manager", "partner_admin"] }, (s) => service.listInvitations(s, req.query)),
  );

  app.post(
    "/api/invitations",
    {
      config: { idempotent: true },
      schema: { tags, summary: "Invite a colleague or employee by e-mail", body: CreateInvitation, response: { 201: Invitation } },
    },
    async (req, reply) => {
      const { invitation, mail } = await req.inTenant({ roles: ["bgm_manager", "partner_admin"] }, (s) =>
        service.createInvitation(s, { appUrl: app.config.appUrl, secret: app.config.authSecret }, req.body),
      );
      try {
        await app.mailer.send(mail);
      } catch (err) {
        // The invitation stands; the manager can cancel and invite again. No address in the log.
        req.log.warn({ err: (err as Error).message }, "invitation mail could not be sent");
      }
      return reply.status(201).send(invitation);
    },
  );

  app.delete(
    "/api/invitations/:id",
    { schema: { tags, summary: "Cancel a pending invitation", params: InvitationIdParam, response: { 200: Invitation } } },
    async (req) => req.inTenant({ roles: ["bgm_manager", "partner_admin"] }, (s) => service.cancelInvitation(s, req.params.id)),
  );

  app.get(
    "/api/invitations/:id",
    {
      schema: { tags, summary: "An invitation addressed to the signed-in user", params: InvitationIdParam, response: { 200: Invitation } },
    },
    async (req) => service.getOwnInvitation(app.db, await req.caller(), req.params.id),
  );

  app.post(
    "/api/invitations/:id/accept",
    {
      schema: {
        tags,
        summary: "Accept an invitation addressed to the signed-in user",
        description:
          "Needs proof of the invited address: a verified e-mail, or `token` from the invitation mail's link " +
          "(`/invite/{id}?token=…`), which also marks the address verified. Without either: 403 `email_unverified`.",
        params: InvitationIdParam,
        body: AcceptInvitation.nullish(),
        response: { 200: Invitation },
      },
    },
    async (req) =>
      service.acceptInvitation(
        app.db,
        await req.caller(),
        req.params.id,
        { token: req.body?.token, secret: app.config.authSecret },
        meta(req),
      ),
  );
};
