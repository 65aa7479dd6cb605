import { buddyConversation, buddyTurn, type Database, type Tx } from "@bgm/db";
import { and, asc, count, desc, eq, inArray, lt } from "drizzle-orm";

/**
 * The buddy's kept conversations. Every query names the organization (RLS confines to it as well) and
 * the user: a conversation is its author's only, also within the company.
 */

export type ConversationRow = typeof buddyConversation.$inferSelect;
export type TurnRow = typeof buddyTurn.$inferSelect;
interface Owner {
  orgId: string;
  userId: string;
}
const own = (o: Owner) => and(eq(buddyConversation.orgId, o.orgId), eq(buddyConversation.userId, o.userId));

export async function findConversation(tx: Tx, o: Owner, id: string): Promise<ConversationRow | null> {
  const [row] = await tx
    .select()
    .from(buddyConversation)
    .where(and(own(o), eq(buddyConversation.id, id)));
  return row ?? null;
}

export async function listConversations(tx: Tx, o: Owner, limit: number): Promise<(ConversationRow & { turns: number })[]> {
  const rows = await tx.select().from(buddyConversation).where(own(o)).orderBy(desc(buddyConversation.updatedAt)).limit(limit);
  if (rows.length === 0) return [];
  const counts = await tx
    .select({ id: buddyTurn.conversationId, n: count() })
    .from(buddyTurn)
    .where(
      and(
        eq(buddyTurn.orgId, o.orgId),
        inArray(
          buddyTurn.conversationId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .groupBy(buddyTurn.conversationId);
  const n = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return rows.map((r) => ({ ...r, turns: n.get(r.id) ?? 0 }));
}

export function listTurns(tx: Tx, o: Owner, conversationId: string): Promise<TurnRow[]> {
  return tx
    .select()
    .from(buddyTurn)
    .where(and(eq(buddyTurn.orgId, o.orgId), eq(buddyTurn.userId, o.userId), eq(buddyTurn.conversationId, conversationId)))
    .orderBy(asc(buddyTurn.createdAt));
}

/** The latest turns of a conversation, oldest first (what a model is reminded of). */
export async function latestTurns(tx: Tx, o: Owner, conversationId: string, n: number): Promise<TurnRow[]> {
  const rows = await tx
    .select()
    .from(buddyTurn)
    .where(and(eq(buddyTurn.orgId, o.orgId), eq(buddyTurn.userId, o.userId), eq(buddyTurn.conversationId, conversationId)))
    .orderBy(desc(buddyTurn.createdAt))
    .limit(n);
  return rows.reverse();
}

export async function insertTurn(
  tx: Tx,
  o: Owner,
  t: { conversationId: string; newTitle: string | null } & Pick<TurnRow, "question" | "answer" | "offeringIds" | "reasons" | "model">,
): Promise<TurnRow> {
  const now = new Date();
  if (t.newTitle !== null) {
    await tx
      .insert(buddyConversation)
      .values({ id: t.conversationId, orgId: o.orgId, userId: o.userId, title: t.newTitle, createdAt: now, updatedAt: now });
  } else {
    await tx
      .update(buddyConversation)
      .set({ updatedAt: now })
      .where(and(own(o), eq(buddyConversation.id, t.conversationId)));
  }
  const [row] = await tx
    .insert(buddyTurn)
    .values({
      conversationId: t.conversationId,
      orgId: o.orgId,
      userId: o.userId,
      question: t.question,
      answer: t.answer,
      offeringIds: t.offeringIds,
      reasons: t.reasons,
      model: t.model,
      createdAt: now,
    })
    .returning();
  return row as TurnRow;
}

/** Deletes one conversation (its turns go with it) or, without an id, all of the user's; the number deleted. */
export async function deleteConversations(tx: Tx, o: Owner, id?: string): Promise<number> {
  const rows = await tx
    .delete(buddyConversation)
    .where(id ? and(own(o), eq(buddyConversation.id, id)) : own(o))
    .returning({ id: buddyConversation.id });
  return rows.length;
}

/**
 * The companies that have a conversation untouched since `before` (the retention job's work list). Read on the
 * job's own connection, across companies: only organization ids, no content.
 */
export async function orgsWithConversationsBefore(db: Database, before: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ orgId: buddyConversation.orgId })
    .from(buddyConversation)
    .where(lt(buddyConversation.updatedAt, before));
  return rows.map((r) => r.orgId);
}

/** Deletes the company's conversations (of every user; turns cascade) untouched since `before`; the number deleted. */
export async function deleteConversationsBefore(tx: Tx, orgId: string, before: Date): Promise<number> {
  const rows = await tx
    .delete(buddyConversation)
    .where(and(eq(buddyConversation.orgId, orgId), lt(buddyConversation.updatedAt, before)))
    .returning({ id: buddyConversation.id });
  return rows.length;
}
