import { randomUUID } from "node:crypto";
import { type Database, outboxMail } from "@bgm/db";
import { desc } from "drizzle-orm";
import nodemailer from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * With SMTP_URL set, mails go out through SMTP. Without it (development, demo, tests) they land
 * in the outbox table, which the app shows at /dev/outbox so a newcomer can click a reset link.
 */
export function createMailer(opts: { db: Database; smtpUrl?: string; from: string }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: opts.from, ...mail });
      },
    };
  }
  return {
    async send(mail) {
      await opts.db.insert(outboxMail).values({ id: randomUUID(), ...mail });
    },
  };
}

/** The newest mails of the local outbox (the table this mailer writes without SMTP), for /api/dev/outbox. */
export async function readOutbox(db: Database, limit: number): Promise<(typeof outboxMail.$inferSelect)[]> {
  return db.select().from(outboxMail).orderBy(desc(outboxMail.createdAt)).limit(limit);
}
