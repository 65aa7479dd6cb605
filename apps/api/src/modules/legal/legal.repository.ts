import { legalMeasure, legalRequirement, legalRequirementEvent, legalRequirementStep, type Tx } from "@bgm/db";
import { and, asc, eq, exists, inArray, sql } from "drizzle-orm";
import { prebuiltQuery } from "../../lib/prebuilt-query.js";

/**
 * Every query of the legal module. Each takes the organization explicitly and filters by it even
 * though row-level security confines the transaction already: two walls, not one.
 */
export interface Db {
  tx: Tx;
  orgId: string;
}

export type RequirementRow = typeof legalRequirement.$inferSelect;
export type StepRow = typeof legalRequirementStep.$inferSelect;
export type MeasureRow = typeof legalMeasure.$inferSelect;
export type EventRow = typeof legalRequirementEvent.$inferSelect;

export async function listRequirementRows({ tx, orgId }: Db): Promise<RequirementRow[]> {
  return tx.select().from(legalRequirement).where(eq(legalRequirement.orgId, orgId));
}

const orgIdParam = sql.placeholder("orgId");

/**
 * Each requirement's status and whether work on it has begun (a step done or a measure recorded), in
 * one statement: the project page reads this on every load, and three statements were three round
 * trips inside its transaction. Built once (lib/prebuilt-query.ts).
 */
export const requirementProgressQuery = prebuiltQuery("legal_requirement_progress", (q) =>
  q
    .select({
      requirementKey: legalRequirement.requirementKey,
      status: legalRequirement.status,
      completedAt: legalRequirement.completedAt,
      started: sql<boolean>`(${exists(
        q
          .select({ one: sql`1` })
          .from(legalRequirementStep)
          .where(
            and(
              eq(legalRequirementStep.orgId, orgIdParam),
              eq(legalRequirementStep.requirementId, legalRequirement.id),
              eq(legalRequirementStep.done, true),
            ),
          ),
      )} or ${exists(
        q
          .select({ one: sql`1` })
          .from(legalMeasure)
          .where(and(eq(legalMeasure.orgId, orgIdParam), eq(legalMeasure.requirementId, legalRequirement.id))),
      )})`,
    })
    .from(legalRequirement)
    .where(eq(legalRequirement.orgId, orgIdParam)),
);

export async function listRequirementProgressRows({ tx, orgId }: Db) {
  return requirementProgressQuery(tx, { orgId });
}

/**
 * `forUpdate` locks the row for the rest of the transaction, so two concurrent changes to one
 * requirement settle its status one after the other and never both write a "completed" event.
 */
export async function findRequirementRow({ tx, orgId }: Db, key: string, forUpdate = false): Promise<RequirementRow | undefined> {
  const query = tx
    .select()
    .from(legalRequirement)
    .where(and(eq(legalRequirement.orgId, orgId), eq(legalRequirement.requirementKey, key)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

export async function updateRequirementRow(
  { tx, orgId }: Db,
  id: string,
  patch: Partial<Pick<RequirementRow, "status" | "assessmentDate" | "effectivenessCheck" | "effectivenessCheckedOn" | "completedAt">>,
): Promise<void> {
  await tx
    .update(legalRequirement)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(legalRequirement.orgId, orgId), eq(legalRequirement.id, id)));
}

export async function listStepRows({ tx, orgId }: Db, requirementIds: string[]): Promise<StepRow[]> {
  if (requirementIds.length === 0) return [];
  return tx
    .select()
    .from(legalRequirementStep)
    .where(and(eq(legalRequirementStep.orgId, orgId), inArray(legalRequirementStep.requirementId, requirementIds)))
    .orderBy(asc(legalRequirementStep.position));
}

export async function findStepRow({ tx, orgId }: Db, requirementId: string, stepKey: string): Promise<StepRow | undefined> {
  const [row] = await tx
    .select()
    .from(legalRequirementStep)
    .where(
      and(
        eq(legalRequirementStep.orgId, orgId),
        eq(legalRequirementStep.requirementId, requirementId),
        eq(legalRequirementStep.stepKey, stepKey),
      ),
    );
  return row;
}

export async function updateStepRows(
  { tx, orgId }: Db,
  requirementId: string,
  stepKeys: readonly string[],
  patch: Partial<Pick<StepRow, "done" | "notes" | "completedAt">>,
): Promise<void> {
  if (stepKeys.length === 0) return;
  await tx
    .update(legalRequirementStep)
    .set(patch)
    .where(
      and(
        eq(legalRequirementStep.orgId, orgId),
        eq(legalRequirementStep.requirementId, requirementId),
        inArray(legalRequirementStep.stepKey, stepKeys),
      ),
    );
}

export async function listMeasureRows({ tx, orgId }: Db, requirementIds: string[]): Promise<MeasureRow[]> {
  if (requirementIds.length === 0) return [];
  return tx
    .select()
    .from(legalMeasure)
    .where(and(eq(legalMeasure.orgId, orgId), inArray(legalMeasure.requirementId, requirementIds)))
    .orderBy(asc(legalMeasure.createdAt), asc(legalMeasure.id));
}

export async function insertMeasureRow(
  { tx, orgId }: Db,
  values: Pick<MeasureRow, "requirementId" | "title" | "ownerName" | "dueDate"> &
    Partial<Pick<MeasureRow, "carriedOutAt" | "proof" | "sourceResultId" | "source">>,
): Promise<MeasureRow> {
  const [row] = await tx
    .insert(legalMeasure)
    .values({ ...values, orgId })
    .returning();
  if (!row) throw new Error("measure insert returned nothing");
  return row;
}

/** Scoped to the requirement too: a measure id of another requirement is as unknown as a foreign one. */
export async function updateMeasureRow(
  { tx, orgId }: Db,
  requirementId: string,
  id: string,
  patch: Partial<Pick<MeasureRow, "title" | "ownerName" | "dueDate" | "carriedOutAt" | "proof">>,
): Promise<MeasureRow | undefined> {
  const [row] = await tx
    .update(legalMeasure)
    .set(patch)
    .where(and(eq(legalMeasure.orgId, orgId), eq(legalMeasure.requirementId, requirementId), eq(legalMeasure.id, id)))
    .returning();
  return row;
}

export async function listEventRows({ tx, orgId }: Db, requirementIds: string[]): Promise<EventRow[]> {
  if (requirementIds.length === 0) return [];
  return tx
    .select()
    .from(legalRequirementEvent)
    .where(and(eq(legalRequirementEvent.orgId, orgId), inArray(legalRequirementEvent.requirementId, requirementIds)))
    .orderBy(asc(legalRequirementEvent.at), asc(legalRequirementEvent.id));
}

export async function insertEventRow(
  { tx, orgId }: Db,
  values: { requirementId: string; kind: string; note: string; actorUserId: string | null },
): Promise<void> {
  await tx.insert(legalRequirementEvent).values({ ...values, orgId, at: new Date() });
}

/**
 * Idempotent on purpose: existing rows are kept (unique on org + key and requirement + step), so
 * the same call can later backfill a requirement or step added to the registry.
 * Returns how many requirement rows were new.
 */
export async function insertRequirementsWithSteps(
  { tx, orgId }: Db,
  requirements: readonly { key: string; steps: readonly string[] }[],
): Promise<number> {
  if (requirements.length === 0) return 0;
  const created = await tx
    .insert(legalRequirement)
    .values(requirements.map((r) => ({ orgId, requirementKey: r.key })))
    .onConflictDoNothing()
    .returning({ id: legalRequirement.id });
  const rows = await tx
    .select({ id: legalRequirement.id, key: legalRequirement.requirementKey })
    .from(legalRequirement)
    .where(
      and(
        eq(legalRequirement.orgId, orgId),
        inArray(
          legalRequirement.requirementKey,
          requirements.map((r) => r.key),
        ),
      ),
    );
  const steps = rows.flatMap((row) => {
    const def = requirements.find((r) => r.key === row.key);
    return (def?.steps ?? []).map((stepKey, position) => ({ orgId, requirementId: row.id, stepKey, position }));
  });
  if (steps.length > 0) await tx.insert(legalRequirementStep).values(steps).onConflictDoNothing();
  return created.length;
}

export async function deleteMeasure({ tx, orgId }: Db, requirementId: string, id: string): Promise<void> {
  await tx
    .delete(legalMeasure)
    .where(and(eq(legalMeasure.orgId, orgId), eq(legalMeasure.requirementId, requirementId), eq(legalMeasure.id, id)));
}

/** The measure stays; its source keeps saying where it came from, and since when that no longer holds. */
export async function detachMeasureFromResult(
  { tx, orgId }: Db,
  requirementId: string,
  id: string,
  source: Record<string, unknown> | null,
): Promise<void> {
  await tx
    .update(legalMeasure)
    .set({ sourceResultId: null, source })
    .where(and(eq(legalMeasure.orgId, orgId), eq(legalMeasure.requirementId, requirementId), eq(legalMeasure.id, id)));
}

/** For an exact undo: the history entries a withdrawn partner result caused go with it. */
export async function deleteEventRows({ tx, orgId }: Db, requirementId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .delete(legalRequirementEvent)
    .where(
      and(
        eq(legalRequirementEvent.orgId, orgId),
        eq(legalRequirementEvent.requirementId, requirementId),
        inArray(legalRequirementEvent.id, ids),
      ),
    );
}
