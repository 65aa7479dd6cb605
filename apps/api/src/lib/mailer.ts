import { randomUUID } from "node:crypto";
import { type Database, outboxMail } from "@bgm/db";
import { desc } from "drizzle-orm";
import nodemailer from "nodemailer";

/** A text file sent with a mail, e.g. the calendar file (.ics) of a registration. */
export interface MailAttachment {
  filename: string;
  /** Full MIME type with parameters, e.g. `text/calendar; charset=utf-8; method=REQUEST`. */
  contentType: string;
  content: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * With SMTP_URL set, mails go out through SMTP. Without it (development, demo, tests) they land
 * in the outbox table, which the app shows at /dev/outbox so a newcomer can click a reset link.
 * Attachments travel with the mail either way (the outbox keeps them in a column of their own).
 */
export function createMailer(opts: { db: Database; smtpUrl?: string; from: string }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send({ attachments, ...mail }) {
        await transport.sendMail({
          from: opts.from,
          ...mail,
          ...(attachments?.length
            ? { attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) }
            : {}),
        });
      },
    };
  }
  return {
    async send({ attachments, ...mail }) {
      await opts.db.insert(outboxMail).values({ id: randomUUID(), ...mail, attachments: attachments ?? [] });
    },
  };
}

/** The newest mails of the local outbox (the table this mailer writes without SMTP), for /api/dev/outbox. */
export async function readOutbox(db: Database, limit: number): Promise<(typeof outboxMail.$inferSelect)[]> {
  return db.select().from(outboxMail).orderBy(desc(outboxMail.createdAt)).limit(limit);
}
