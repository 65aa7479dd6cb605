import { outboxMail } from "@bgm/db";
import { desc } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

/**
 * Development only (not registered in production): mails that went to the local outbox because no
 * SMTP server is configured, so a newcomer can follow a password-reset or invitation link.
 */
export const devRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/dev/outbox",
    {
      schema: {
        tags: ["development"],
        summary: "Local mail outbox (development only)",
        security: [],
        response: {
          200: z.array(z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), createdAt: z.string() })),
        },
      },
    },
    async () => {
      const rows = await app.db.select().from(outboxMail).orderBy(desc(outboxMail.createdAt)).limit(50);
      return rows.map((r) => ({ id: r.id, to: r.to, subject: r.subject, text: r.text, createdAt: r.createdAt.toISOString() }));
    },
  );
};
