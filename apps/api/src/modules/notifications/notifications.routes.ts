import { CursorQuery, IdParam, MEMBER_ROLES, Notification, NotificationList, Ok } from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import * as service from "./notifications.service.js";

const tags = ["notifications"];
const ANY_MEMBER = { roles: MEMBER_ROLES };

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/notifications",
    {
      schema: {
        tags,
        summary: "My notifications in the active organization, newest first, with the unread count",
        querystring: CursorQuery,
        response: { 200: NotificationList },
      },
    },
    async (req) => req.inTenant(ANY_MEMBER, (s) => service.listNotifications(s, req.query)),
  );

  app.post(
    "/api/notifications/:id/read",
    { schema: { tags, summary: "Mark one of my notifications as read", params: IdParam, response: { 200: Notification } } },
    async (req) => req.inTenant(ANY_MEMBER, (s) => service.markRead(s, req.params.id)),
  );

  app.post(
    "/api/notifications/read-all",
    { schema: { tags, summary: "Mark all my notifications as read", response: { 200: Ok } } },
    async (req) => req.inTenant(ANY_MEMBER, (s) => service.markAllRead(s)),
  );
};
