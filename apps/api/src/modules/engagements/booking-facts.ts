import { engagement, quote, type Tx } from "@bgm/db";
import type { EngagementStatus } from "@bgm/domain";
import { and, eq, inArray, sql } from "drizzle-orm";

/**
 * What a booking made through an engagement amounts to, for the company that made it (health-day
 * stations show ✓/⏳ and the budget's "booked" column from this): the state, and the amount of the
 * accepted quote. Engagements know no invoice yet, so nothing here says what was invoiced.
 */
export interface BookingFacts {
  id: string;
  status: EngagementStatus;
  /** The accepted quote's price; null while no quote is accepted. */
  acceptedQuoteCents: number | null;
}

/** The company's engagements among `ids`, by id (another company's are simply absent). */
export async function readBookingFacts(tx: Tx, companyOrgId: string, ids: readonly string[]): Promise<Map<string, BookingFacts>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select({
      id: engagement.id,
      status: engagement.status,
      accepted: sql<number | null>`max(${quote.priceCents}) filter (where ${quote.status} = 'accepted')`,
    })
    .from(engagement)
    .leftJoin(quote, eq(quote.engagementId, engagement.id))
    .where(and(eq(engagement.orgId, companyOrgId), inArray(engagement.id, unique)))
    .groupBy(engagement.id, engagement.status);
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, status: r.status as EngagementStatus, acceptedQuoteCents: r.accepted === null ? null : Number(r.accepted) },
    ]),
  );
}
