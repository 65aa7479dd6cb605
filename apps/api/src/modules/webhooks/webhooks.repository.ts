import { type Database, type Tx, webhookAttempt, webhookDelivery, webhookEndpoint } from "@bgm/db";
import { Timestamp } from "@bgm/domain";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { after, millis, orderBy, type SortKey } from "../../lib/keyset.js";

export type EndpointRow = typeof webhookEndpoint.$inferSelect;
export type DeliveryRow = typeof webhookDelivery.$inferSelect;
export type AttemptRow = typeof webhookAttempt.$inferSelect;

const ENDPOINTS_NEWEST_FIRST: SortKey[] = [
  { expr: millis(webhookEndpoint.createdAt), desc: true, cast: "timestamptz" },
  { expr: webhookEndpoint.id, desc: true, cast: "uuid" },
];
export const EndpointCursor = z.tuple([Timestamp, z.uuid()]);

export function listEndpoints(tx: Tx, orgId: string, page: { after: z.output<typeof EndpointCursor> | undefined; limit: number }) {
  return tx
    .select()
    .from(webhookEndpoint)
    .where(and(eq(webhookEndpoint.orgId, orgId), after(ENDPOINTS_NEWEST_FIRST, page.after)))
    .orderBy(...orderBy(ENDPOINTS_NEWEST_FIRST))
    .limit(page.limit + 1);
}

export async function findEndpoint(tx: Tx | Database, orgId: string, id: string): Promise<EndpointRow | null> {
  const [row] = await tx
    .select()
    .from(webhookEndpoint)
    .where(and(eq(webhookEndpoint.orgId, orgId), eq(webhookEndpoint.id, id)));
  return row ?? null;
}

export async function insertEndpoint(tx: Tx, values: typeof webhookEndpoint.$inferInsert): Promise<EndpointRow> {
  const [row] = await tx.insert(webhookEndpoint).values(values).returning();
  if (!row) throw new Error("webhook_endpoint insert returned nothing");
  return row;
}

export async function updateEndpoint(
  tx: Tx | Database,
  orgId: string,
  id: string,
  set: { [K in keyof typeof webhookEndpoint.$inferInsert]?: (typeof webhookEndpoint.$inferInsert)[K] | SQL },
): Promise<EndpointRow | null> {
  const [row] = await tx
    .update(webhookEndpoint)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(webhookEndpoint.orgId, orgId), eq(webhookEndpoint.id, id)))
    .returning();
  return row ?? null;
}

export async function deleteEndpoint(tx: Tx, orgId: string, id: string): Promise<EndpointRow | null> {
  const [row] = await tx
    .delete(webhookEndpoint)
    .where(and(eq(webhookEndpoint.orgId, orgId), eq(webhookEndpoint.id, id)))
    .returning();
  return row ?? null;
}

/** The active endpoints of an organization subscribed to `type` (the worker, as the owner). */
export function subscribedEndpoints(db: Tx | Database, orgId: string, type: string) {
  return db
    .select({ id: webhookEndpoint.id })
    .from(webhookEndpoint)
    .where(and(eq(webhookEndpoint.orgId, orgId), eq(webhookEndpoint.status, "active"), sql`${type} = ANY(${webhookEndpoint.events})`));
}

/** Adds the delivery unless the endpoint already has one for the event; returns the new row's id or null. */
export async function insertDelivery(db: Tx | Database, values: typeof webhookDelivery.$inferInsert): Promise<string | null> {
  const [row] = await db
    .insert(webhookDelivery)
    .values(values)
    .onConflictDoNothing({ target: [webhookDelivery.endpointId, webhookDelivery.eventId] })
    .returning({ id: webhookDelivery.id });
  return row?.id ?? null;
}

export async function findDelivery(db: Database, id: string) {
  const [row] = await db
    .select({ delivery: webhookDelivery, endpoint: webhookEndpoint })
    .from(webhookDelivery)
    .innerJoin(webhookEndpoint, eq(webhookEndpoint.id, webhookDelivery.endpointId))
    .where(eq(webhookDelivery.id, id));
  return row ?? null;
}

export async function updateDelivery(db: Tx | Database, id: string, set: Partial<typeof webhookDelivery.$inferInsert>) {
  await db.update(webhookDelivery).set(set).where(eq(webhookDelivery.id, id));
}

export async function insertAttempt(db: Tx | Database, values: typeof webhookAttempt.$inferInsert) {
  await db.insert(webhookAttempt).values(values);
}

const ATTEMPTS_NEWEST_FIRST: SortKey[] = [
  { expr: millis(webhookAttempt.createdAt), desc: true, cast: "timestamptz" },
  { expr: webhookAttempt.id, desc: true, cast: "uuid" },
];
export const AttemptCursor = z.tuple([Timestamp, z.uuid()]);

export function listAttempts(
  tx: Tx,
  orgId: string,
  endpointId: string,
  page: { after: z.output<typeof AttemptCursor> | undefined; limit: number },
) {
  return tx
    .select({ attempt: webhookAttempt, delivery: webhookDelivery })
    .from(webhookAttempt)
    .innerJoin(webhookDelivery, eq(webhookDelivery.id, webhookAttempt.deliveryId))
    .where(and(eq(webhookAttempt.orgId, orgId), eq(webhookAttempt.endpointId, endpointId), after(ATTEMPTS_NEWEST_FIRST, page.after)))
    .orderBy(...orderBy(ATTEMPTS_NEWEST_FIRST))
    .limit(page.limit + 1);
}
