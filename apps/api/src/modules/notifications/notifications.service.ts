import { notification } from "@bgm/db";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";

const LIST_LIMIT = 50;

function toNotification(n: typeof notification.$inferSelect) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** A user's notifications are theirs in the active organization only (RLS adds the org wall). */
const own = (s: TenantScope) => and(eq(notification.orgId, s.orgId), eq(notification.userId, s.userId));

export async function listNotifications(s: TenantScope) {
  const rows = await s.tx
    .select()
    .from(notification)
    .where(own(s))
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(LIST_LIMIT);
  const [count] = await s.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(notification)
    .where(and(own(s), isNull(notification.readAt)));
  return { items: rows.map(toNotification), unread: count?.n ?? 0 };
}

export async function markRead(s: TenantScope, id: string) {
  const [row] = await s.tx
    .update(notification)
    .set({ readAt: sql`coalesce(${notification.readAt}, now())` })
    .where(and(eq(notification.id, id), own(s)))
    .returning();
  if (!row) throw AppError.notFound("Notification");
  return toNotification(row);
}

export async function markAllRead(s: TenantScope) {
  await s.tx
    .update(notification)
    .set({ readAt: sql`now()` })
    .where(and(own(s), isNull(notification.readAt)));
  return { ok: true as const };
}
