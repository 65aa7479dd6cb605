import { HealthDayInvitationRequest, HealthDayInvitationResult, IdParam } from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AccessRule } from "../../plugins/request-context.js";
import { companyJoinLink } from "../employee-access/index.js";
import { dispatchMails } from "../notifications/index.js";
import { inviteToHealthDay } from "./invitations.service.js";

const tags = ["health-days"];
const MANAGER: AccessRule = { roles: ["bgm_manager"], kind: "company" };

export const healthDayInvitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const linkConfig = { appUrl: app.config.appUrl, secret: app.config.authSecret };

  app.post(
    "/api/health-days/:id/invitations",
    {
      schema: {
        tags,
        summary: "Invite employees to a health day by mail: everyone, or some departments and/or locations",
        description:
          "Every active person of the employee register in the audience gets a mail at their work address with the day, its stations and slots (free places) and how to register: people with an account sign in; people without one get the company's join link (ADR 0012) if the company has one, else the sign-in page. Only while the day's registration is open (409 `registration_not_open`, `health_day_cancelled`). Inviting again is allowed (a second round, a wider audience): `invitedBefore` says how many of this call's people had been invited to this day before (they get the mail again), `invitedTotal` how many different people were invited so far. Audited with the audience and the counts, never addresses. Mails go out after the commit.",
        params: IdParam,
        body: HealthDayInvitationRequest,
        response: { 200: HealthDayInvitationResult },
      },
    },
    async (req) => {
      const { result, mails } = await req.inTenant(MANAGER, async (scope) => {
        const link = await companyJoinLink(scope, linkConfig);
        return inviteToHealthDay(scope, req.params.id, req.body.audience, {
          appUrl: app.config.appUrl,
          joinLinkUrl: link.link?.url ?? null,
        });
      });
      void dispatchMails(app.mailer, req.log, mails);
      return result;
    },
  );
};
