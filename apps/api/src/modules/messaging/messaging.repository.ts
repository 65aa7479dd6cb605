import { engagementMessage, engagementMessageAttachment, engagementMessageRead, type Tx, user } from "@bgm/db";
import type { EngagementSide } from "@bgm/domain";
import { and, asc, desc, eq, inArray, lt, ne, sql } from "drizzle-orm";

/** Every query names the caller's side's column on top of row-level security, as the engagement queries do. */
export interface Side {
  tx: Tx;
  orgId: string;
  side: EngagementSide;
}

const messageParty = (s: Side) =>
  s.side === "company" ? eq(engagementMessage.orgId, s.orgId) : eq(engagementMessage.providerOrgId, s.orgId);
const attachmentParty = (s: Side) =>
  s.side === "company" ? eq(engagementMessageAttachment.orgId, s.orgId) : eq(engagementMessageAttachment.providerOrgId, s.orgId);

export type MessageRow = typeof engagementMessage.$inferSelect;

export async function insertMessage(s: Side, values: typeof engagementMessage.$inferInsert): Promise<MessageRow> {
  const [row] = await s.tx.insert(engagementMessage).values(values).returning();
  if (!row) throw new Error("message insert returned nothing");
  return row;
}

export async function insertAttachments(s: Side, values: (typeof engagementMessageAttachment.$inferInsert)[]) {
  if (values.length === 0) return [];
  return s.tx.insert(engagementMessageAttachment).values(values).returning({
    id: engagementMessageAttachment.id,
    messageId: engagementMessageAttachment.messageId,
    fileName: engagementMessageAttachment.fileName,
    mimeType: engagementMessageAttachment.mimeType,
    sizeBytes: engagementMessageAttachment.sizeBytes,
  });
}

/** Newest first, strictly before `beforeSeq` when paging. */
export async function listMessages(s: Side, engagementId: string, page: { beforeSeq: number | undefined; limit: number }) {
  return s.tx
    .select({ message: engagementMessage, senderName: user.name })
    .from(engagementMessage)
    .leftJoin(user, eq(user.id, engagementMessage.senderUserId))
    .where(
      and(
        eq(engagementMessage.engagementId, engagementId),
        messageParty(s),
        page.beforeSeq === undefined ? undefined : lt(engagementMessage.seq, page.beforeSeq),
      ),
    )
    .orderBy(desc(engagementMessage.seq))
    .limit(page.limit + 1);
}

export async function listAttachments(s: Side, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return s.tx
    .select({
      id: engagementMessageAttachment.id,
      messageId: engagementMessageAttachment.messageId,
      fileName: engagementMessageAttachment.fileName,
      mimeType: engagementMessageAttachment.mimeType,
      sizeBytes: engagementMessageAttachment.sizeBytes,
    })
    .from(engagementMessageAttachment)
    .where(and(inArray(engagementMessageAttachment.messageId, messageIds), attachmentParty(s)))
    .orderBy(asc(engagementMessageAttachment.createdAt), asc(engagementMessageAttachment.id));
}

export async function findAttachment(s: Side, ids: { engagementId: string; messageId: string; attachmentId: string }) {
  const [row] = await s.tx
    .select()
    .from(engagementMessageAttachment)
    .where(
      and(
        eq(engagementMessageAttachment.id, ids.attachmentId),
        eq(engagementMessageAttachment.messageId, ids.messageId),
        eq(engagementMessageAttachment.engagementId, ids.engagementId),
        attachmentParty(s),
      ),
    );
  return row ?? null;
}

/** How far the caller's side has read this thread (0: nothing yet). */
export async function lastReadSeq(s: Side, engagementId: string): Promise<number> {
  const [row] = await s.tx
    .select({ seq: engagementMessageRead.lastReadSeq })
    .from(engagementMessageRead)
    .where(and(eq(engagementMessageRead.engagementId, engagementId), eq(engagementMessageRead.side, s.side)));
  return row?.seq ?? 0;
}

/** Moves the side's read marker to the thread's latest message; never backwards. */
export async function markThreadRead(s: Side, e: { id: string; orgId: string; providerOrgId: string }): Promise<void> {
  const [latest] = await s.tx
    .select({ seq: sql<number | null>`max(${engagementMessage.seq})`.mapWith(Number) })
    .from(engagementMessage)
    .where(and(eq(engagementMessage.engagementId, e.id), messageParty(s)));
  const seq = latest?.seq ?? 0;
  await s.tx
    .insert(engagementMessageRead)
    .values({ engagementId: e.id, side: s.side, orgId: e.orgId, providerOrgId: e.providerOrgId, lastReadSeq: seq })
    .onConflictDoUpdate({
      target: [engagementMessageRead.engagementId, engagementMessageRead.side],
      set: { lastReadSeq: sql`greatest(${engagementMessageRead.lastReadSeq}, excluded.last_read_seq)`, readAt: sql`now()` },
    });
}

/** Messages of the other side beyond the caller's read marker, per engagement of the caller's side. */
export async function unreadCounts(s: Side): Promise<{ engagementId: string; unread: number }[]> {
  return s.tx
    .select({ engagementId: engagementMessage.engagementId, unread: sql<number>`count(*)`.mapWith(Number) })
    .from(engagementMessage)
    .leftJoin(
      engagementMessageRead,
      and(eq(engagementMessageRead.engagementId, engagementMessage.engagementId), eq(engagementMessageRead.side, s.side)),
    )
    .where(
      and(
        messageParty(s),
        ne(engagementMessage.senderSide, s.side),
        sql`${engagementMessage.seq} > coalesce(${engagementMessageRead.lastReadSeq}, 0)`,
      ),
    )
    .groupBy(engagementMessage.engagementId)
    .orderBy(asc(engagementMessage.engagementId));
}

export async function userName(s: Side, userId: string): Promise<string | null> {
  const [row] = await s.tx.select({ name: user.name }).from(user).where(eq(user.id, userId));
  return row?.name ?? null;
}
