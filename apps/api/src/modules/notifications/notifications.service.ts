import { notification } from "@bgm/db";
import type { CursorQuery } from "@bgm/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { after, decodeCursor, millis, orderBy, type SortKey, toPage } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";

const NEWEST_FIRST: SortKey[] = [
  { expr: millis(notification.createdAt), desc: true, cast: "timestamptz" },
  { expr: notification.id, desc: true, cast: "uuid" },
];
const NotificationCursor = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);

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

export async function listNotifications(s: TenantScope, page: CursorQuery) {
  const rows = await s.tx
    .select()
    .from(notification)
    .where(and(own(s), after(NEWEST_FIRST, decodeCursor(page.cursor, NotificationCursor))))
    .orderBy(...orderBy(NEWEST_FIRST))
    .limit(page.limit + 1);
  const [count] = await s.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(notification)
    .where(and(own(s), isNull(notification.readAt)));
  return {
    ...toPage(rows, page.limit, (n) => [n.createdAt.toISOString(), n.id], toNotification),
    unread: count?.n ?? 0,
  };
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
