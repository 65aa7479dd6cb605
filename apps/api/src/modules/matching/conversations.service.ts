import {
  BUDDY_CONVERSATIONS_LISTED,
  type BuddyConversation,
  type BuddyConversationList,
  type BuddyConversationsDeleted,
} from "@bgm/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { findFilteredCandidates } from "../marketplace/index.js";
import * as repo from "./conversations.repository.js";
import { RECOMMENDED_MAX_CANDIDATES } from "./matching.service.js";

/**
 * The buddy's kept conversations (issue 15, 5.2; ADR 0023): the caller's own only. A conversation of
 * another user — a colleague in the same company included — answers 404 like one that does not exist.
 */

const owner = (s: TenantScope) => ({ orgId: s.orgId, userId: s.userId });

export async function listConversations(scope: TenantScope): Promise<z.infer<typeof BuddyConversationList>> {
  const rows = await repo.listConversations(scope.tx, owner(scope), BUDDY_CONVERSATIONS_LISTED);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      turns: r.turns,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor: null,
  };
}

export async function getConversation(scope: TenantScope, id: string): Promise<z.infer<typeof BuddyConversation>> {
  const c = await repo.findConversation(scope.tx, owner(scope), id);
  if (!c) throw AppError.notFound("Conversation");
  const turns = await repo.listTurns(scope.tx, owner(scope), id);
  const wanted = new Set(turns.flatMap((t) => t.offeringIds));
  // The cards as they are now: an offering withdrawn since is left out (its id stays in offeringIds).
  const views = new Map(
    wanted.size === 0
      ? []
      : (await findFilteredCandidates(scope, { q: null, limit: RECOMMENDED_MAX_CANDIDATES }))
          .filter((o) => wanted.has(o.id))
          .map((o) => [o.id, o.view] as const),
  );
  return {
    id: c.id,
    title: c.title,
    turns: turns.length,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    exchanges: turns.map((t) => ({
      id: t.id,
      question: t.question,
      answer: t.answer,
      model: t.model,
      offeringIds: t.offeringIds,
      items: t.offeringIds.flatMap((oid) => {
        const view = views.get(oid);
        return view ? [{ offering: view, reasons: t.reasons[oid] ?? [], score: 0 }] : [];
      }),
      createdAt: t.createdAt.toISOString(),
    })),
  };
}

/** Deletes one of the caller's conversations; audited without its content (who deleted, not what was asked). */
export async function deleteConversation(scope: TenantScope, id: string): Promise<z.infer<typeof BuddyConversationsDeleted>> {
  const deleted = await repo.deleteConversations(scope.tx, owner(scope), id);
  if (deleted === 0) throw AppError.notFound("Conversation");
  await scope.audit({ action: "buddy.conversation_deleted", entityType: "buddy_conversation", entityId: id });
  return { deleted };
}

export async function deleteAllConversations(scope: TenantScope): Promise<z.infer<typeof BuddyConversationsDeleted>> {
  const deleted = await repo.deleteConversations(scope.tx, owner(scope));
  await scope.audit({ action: "buddy.conversations_deleted", entityType: "buddy_conversation", details: { count: deleted } });
  return { deleted };
}
