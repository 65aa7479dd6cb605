import { offering, organization, providerProfile } from "@bgm/db";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { after, orderBy, type SortKey } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";
import { offeringColumns } from "./discovery.sql.js";

/** The provider's own profile and offerings; every query names the caller's org as well as RLS does. */
type Scope = Pick<TenantScope, "tx" | "orgId">;

export async function findOrgName(s: Scope): Promise<string> {
  const [row] = await s.tx.select({ name: organization.name }).from(organization).where(eq(organization.id, s.orgId));
  if (!row) throw new Error(`organization ${s.orgId} missing`);
  return row.name;
}

export async function findProfile(s: Scope) {
  const [row] = await s.tx.select().from(providerProfile).where(eq(providerProfile.orgId, s.orgId));
  return row ?? null;
}

export async function upsertProfile(s: Scope, patch: Partial<typeof providerProfile.$inferInsert>) {
  const [row] = await s.tx
    .insert(providerProfile)
    .values({ ...patch, orgId: s.orgId })
    .onConflictDoUpdate({ target: providerProfile.orgId, set: patch })
    .returning();
  if (!row) throw new Error("profile upsert returned nothing");
  return row;
}

const BY_TITLE: SortKey[] = [
  { expr: offering.title, cast: "text" },
  { expr: offering.id, cast: "uuid" },
];
export const OwnOfferingCursor = z.tuple([z.string().max(200), z.uuid()]);

export async function listOwnOfferings(s: Scope, page: { after: z.output<typeof OwnOfferingCursor> | undefined; limit: number }) {
  return s.tx
    .select(offeringColumns)
    .from(offering)
    .where(and(eq(offering.orgId, s.orgId), after(BY_TITLE, page.after)))
    .orderBy(...orderBy(BY_TITLE))
    .limit(page.limit + 1);
}

export async function findOwnOffering(s: Scope, id: string) {
  const [row] = await s.tx
    .select(offeringColumns)
    .from(offering)
    .where(and(eq(offering.id, id), eq(offering.orgId, s.orgId)));
  return row ?? null;
}

export async function insertOffering(s: Scope, values: Omit<typeof offering.$inferInsert, "orgId" | "searchVector">) {
  const [row] = await s.tx
    .insert(offering)
    .values({ ...values, orgId: s.orgId })
    .returning(offeringColumns);
  if (!row) throw new Error("offering insert returned nothing");
  return row;
}

export async function updateOffering(s: Scope, id: string, patch: Partial<Omit<typeof offering.$inferInsert, "orgId" | "searchVector">>) {
  const [row] = await s.tx
    .update(offering)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(offering.id, id), eq(offering.orgId, s.orgId)))
    .returning(offeringColumns);
  return row ?? null;
}

/** Keeps the searchable provider name of every own offering in step with the organization's name. */
export async function syncProviderName(s: Scope, name: string) {
  await s.tx
    .update(offering)
    .set({ providerName: name })
    .where(and(eq(offering.orgId, s.orgId), ne(offering.providerName, name)));
}
