import { DevOutbox } from "@bgm/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { isLoopback } from "../../config.js";
import { AppError } from "../../lib/app-error.js";
import { readOutbox } from "../../lib/mailer.js";
import { NO_ROUTE_MESSAGE } from "../../plugins/error-handler.js";

const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip"];

/**
 * Only the person at this machine: a loopback socket, a loopback Host, and no sign of a reverse proxy
 * (which would make every visitor look local). Anyone else gets the 404 of a route that does not exist.
 */
function fromThisMachine(req: FastifyRequest): boolean {
  if (!isLoopback(req.socket.remoteAddress)) return false;
  if (FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined)) return false;
  const host = req.headers.host ?? "";
  return isLoopback(host.replace(/:\d+$/, ""));
}

/**
 * Registered only when config.devOutbox (DEV_OUTBOX) allows it: mails that went to the local outbox
 * because no SMTP server is configured, so a newcomer can follow a password-reset or invitation link.
 */
export const devRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook("onRequest", async (req) => {
    if (!fromThisMachine(req)) throw new AppError("not_found", NO_ROUTE_MESSAGE);
  });
  app.get(
    "/api/dev/outbox",
    {
      schema: {
        tags: ["development"],
        summary: "Local mail outbox (development only, answers requests from this machine only)",
        security: [],
        response: {
          200: DevOutbox,
        },
      },
    },
    async () => {
      const rows = await readOutbox(app.db, 50);
      return rows.map((r) => ({
        id: r.id,
        to: r.to,
        subject: r.subject,
        text: r.text,
        // Names only: the files themselves (e.g. an .ics) stay in the table.
        attachments: r.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType })),
        createdAt: r.createdAt.toISOString(),
      }));
    },
  );
};
