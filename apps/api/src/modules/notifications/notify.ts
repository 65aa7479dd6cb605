import { member, notification, type Tx, user } from "@bgm/db";
import type { MemberRole, OrgKind } from "@bgm/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Mail, Mailer } from "../../lib/mailer.js";

/** Who of an organization hears about its engagements: the people who act on them. */
export const NOTIFIED_ROLES: Record<OrgKind, readonly MemberRole[]> = {
  company: ["bgm_manager"],
  provider: ["partner_admin", "partner_member"],
};

export interface OrgNotice {
  /** The organization to notify and its kind (which decides the recipients' roles). */
  orgId: string;
  orgKind: OrgKind;
  kind: string;
  title: string;
  body: string;
  /** In-app path, e.g. /engagements/<id>; the mail carries it as an absolute link. */
  link: string;
  mail: { subject: string; text: string };
}

/**
 * Writes one in-app notification per recipient inside the caller's transaction and returns the
 * mails to send once that transaction has committed: a mail must never announce a change that was
 * rolled back, and a failing mail server must never roll back a change.
 */
export async function notifyOrg(tx: Tx, notice: OrgNotice): Promise<Mail[]> {
  const recipients = await tx
    .select({ userId: user.id, email: user.email })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, notice.orgId), inArray(member.role, [...NOTIFIED_ROLES[notice.orgKind]])));
  if (recipients.length === 0) return [];
  await tx.insert(notification).values(
    recipients.map((r) => ({
      orgId: notice.orgId,
      userId: r.userId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link,
    })),
  );
  return recipients.map((r) => ({ to: r.email, subject: notice.mail.subject, text: notice.mail.text }));
}

export interface UserNotice {
  orgId: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string;
}

/**
 * One in-app notification for one person (e.g. an employee who moved up from a waitlist), inside the
 * caller's transaction. The caller composes and returns that person's mail itself.
 */
export async function notifyUser(tx: Tx, notice: UserNotice): Promise<void> {
  await tx.insert(notification).values(notice);
}

/**
 * Sends mails one by one and never throws. Failures are logged without addresses or content
 * (SMTP error messages often quote the recipient), only the SMTP codes and a count.
 */
export async function dispatchMails(mailer: Mailer, log: FastifyBaseLogger, mails: readonly Mail[]): Promise<void> {
  const results = await Promise.allSettled(mails.map((m) => mailer.send(m)));
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed.length === 0) return;
  const codes = failed.map((f) => {
    const e = f.reason as { code?: unknown; responseCode?: unknown };
    return { code: typeof e?.code === "string" ? e.code : null, responseCode: typeof e?.responseCode === "number" ? e.responseCode : null };
  });
  log.warn({ failed: failed.length, total: mails.length, codes }, "notification mails could not be sent");
}
