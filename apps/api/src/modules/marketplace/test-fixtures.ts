import { type Database, offering } from "@bgm/db";
import { eq, sql } from "drizzle-orm";
import type { Api } from "../../../test/helpers.js";

/** Shared by this module's route tests: a valid offering body and a way to publish one through the API. */
export function offeringBody(overrides: Record<string, unknown> = {}) {
  return {
    title: "Bewegte Pause",
    description: "Kurze Bewegungseinheiten am Arbeitsplatz.",
    category: "movement",
    deliveryMode: "on_site",
    priceFromCents: 50_000,
    priceUnit: "flat",
    ...overrides,
  };
}

export async function publishOffering(as: Api, overrides: Record<string, unknown> = {}) {
  const created = await as.post("/api/provider/offerings", offeringBody(overrides));
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  const published = await as.patch(`/api/provider/offerings/${id}`, { status: "published" });
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.statusCode} ${published.body}`);
  return published.json() as { id: string; title: string; providerName: string; status: string };
}

/**
 * Renames an offering with no trigger firing (session_replication_role = replica: superuser, tests only), so no
 * `discovery_changed` notification goes out: only the cache's TTL can reveal the change, which shows whether an
 * answer came from the cache.
 */
export async function retitleSilently(db: Database, id: string, title: string) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.update(offering).set({ title }).where(eq(offering.id, id));
  });
}
