import { engagement, quote, type Tx } from "@bgm/db";
import { and, eq, gt, inArray, or } from "drizzle-orm";
import { readEngagementsWithParties } from "./with-parties.js";

/** What the company has to answer in its engagements: open quotes, and delivered results not yet reviewed. */
export interface EngagementTodos {
  quotes: { engagementId: string; title: string | null; validUntil: string | null }[];
  pendingResults: { engagementId: string; title: string | null; count: number }[];
}

/** For the company's "what needs me now" list (todos module); the caller's tenant transaction, the company side. */
export async function companyEngagementTodos(tx: Tx, orgId: string): Promise<EngagementTodos> {
  const rows = await tx
    .select({ id: engagement.id, status: engagement.status, pendingResults: engagement.pendingResults })
    .from(engagement)
    .where(and(eq(engagement.orgId, orgId), or(eq(engagement.status, "quoted"), gt(engagement.pendingResults, 0))));
  if (rows.length === 0) return { quotes: [], pendingResults: [] };
  const titles = new Map(
    (
      await readEngagementsWithParties(
        tx,
        { orgId, side: "company" },
        rows.map((r) => r.id),
      )
    ).map((e) => [e.id, e.offeringTitle]),
  );
  const quoted = rows.filter((r) => r.status === "quoted").map((r) => r.id);
  const open =
    quoted.length === 0
      ? []
      : await tx
          .select({ engagementId: quote.engagementId, validUntil: quote.validUntil })
          .from(quote)
          .where(and(eq(quote.orgId, orgId), inArray(quote.engagementId, quoted), eq(quote.status, "open")));
  const validUntil = new Map(open.map((q) => [q.engagementId, q.validUntil]));
  return {
    quotes: quoted.map((id) => ({ engagementId: id, title: titles.get(id) ?? null, validUntil: validUntil.get(id) ?? null })),
    pendingResults: rows
      .filter((r) => r.pendingResults > 0)
      .map((r) => ({ engagementId: r.id, title: titles.get(r.id) ?? null, count: r.pendingResults })),
  };
}
