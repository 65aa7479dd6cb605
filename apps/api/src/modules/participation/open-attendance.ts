import { intervention, participation, participationSession, type Tx } from "@bgm/db";
import { and, count, eq, isNotNull, lt } from "drizzle-orm";

/**
 * Sessions of the company's interventions that are over but whose attendance list is not complete:
 * places still "registered" (neither attended nor no-show). Health-day slots have their check-in instead.
 */
export async function sessionsWithOpenAttendance(
  tx: Tx,
  orgId: string,
  now: Date,
): Promise<{ interventionId: string; sessionId: string; title: string; startsAt: Date; open: number }[]> {
  const rows = await tx
    .select({
      interventionId: intervention.id,
      sessionId: participationSession.id,
      title: intervention.title,
      startsAt: participationSession.startsAt,
      open: count(),
    })
    .from(participation)
    .innerJoin(participationSession, eq(participationSession.id, participation.sessionId))
    .innerJoin(intervention, eq(intervention.id, participationSession.interventionId))
    .where(
      and(
        eq(participation.orgId, orgId),
        eq(participation.status, "registered"),
        eq(participationSession.status, "scheduled"),
        isNotNull(participationSession.interventionId),
        lt(participationSession.endsAt, now),
      ),
    )
    .groupBy(intervention.id, participationSession.id, intervention.title, participationSession.startsAt);
  return rows;
}
