import { dataAccessLog, employee, organization, type Tx, user } from "@bgm/db";
import { and, arrayOverlaps, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { after, orderBy, type SortKey } from "../../lib/keyset.js";

export type AccessLogInsert = typeof dataAccessLog.$inferInsert;

/** The access log is append-only (the app role may not update or delete it); this is its only write. */
export async function appendAccessLog(tx: Tx, values: AccessLogInsert): Promise<void> {
  await tx.insert(dataAccessLog).values(values);
}

export async function listCompanyAccessLog(tx: Tx, orgId: string) {
  return tx
    .select({ log: dataAccessLog, actorName: user.name, providerName: organization.name })
    .from(dataAccessLog)
    .innerJoin(organization, eq(organization.id, dataAccessLog.providerOrgId))
    .leftJoin(user, eq(user.id, dataAccessLog.actorUserId))
    .where(eq(dataAccessLog.orgId, orgId))
    .orderBy(desc(dataAccessLog.id))
    .limit(10_000);
}

/** The employee rows of one signed-in user in their company (Art. 15: "my" data). */
export async function employeeIdsOfUser(tx: Tx, orgId: string, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: employee.id })
    .from(employee)
    .where(and(eq(employee.orgId, orgId), eq(employee.userId, userId)));
  return rows.map((r) => r.id);
}

const LOG_NEWEST_FIRST: SortKey[] = [{ expr: dataAccessLog.id, desc: true }];
export const AccessLogCursor = z.tuple([z.number().int().positive()]);

export async function servedAccessesOf(
  tx: Tx,
  orgId: string,
  employeeIds: string[],
  page: { after: z.output<typeof AccessLogCursor> | undefined; limit: number },
) {
  if (employeeIds.length === 0) return [];
  return tx
    .select({ log: dataAccessLog, providerName: organization.name })
    .from(dataAccessLog)
    .innerJoin(organization, eq(organization.id, dataAccessLog.providerOrgId))
    .where(
      and(
        eq(dataAccessLog.orgId, orgId),
        inArray(dataAccessLog.outcome, ["served"]),
        arrayOverlaps(dataAccessLog.subjectEmployeeIds, employeeIds),
        after(LOG_NEWEST_FIRST, page.after),
      ),
    )
    .orderBy(...orderBy(LOG_NEWEST_FIRST))
    .limit(page.limit + 1);
}
