import { GKV_FIELD_OF_ACTION_KEYS, INTERVENTION_APPROACH_KEYS, type InsurerFigures, MIN_GROUP_SIZE, type PeopleCount } from "@bgm/domain";
import type { TenantScope } from "../../lib/request-context.js";
import { attendanceInPeriod, type ReportIntervention } from "./exports.repository.js";

/**
 * The people counts of the insurer report, suppressed below the minimum group size.
 *
 * INTERIM: the aggregation service (branch feat/participation-aggregates) is the one producer of figures
 * that leave the company; when its insurer-report function lands, `insurerFigures` calls it and this
 * file's counting goes. Until then the rule here is deliberately simple and strict:
 * - a count of 1 … min−1 distinct people is withheld (0 is about nobody and is shown);
 * - in each breakdown (per intervention, per field of action, per approach) a lone withheld figure takes
 *   the next smallest shown figure of the same breakdown with it, so it cannot be recovered as "total
 *   minus the others".
 */
export function countPeople(n: number, min: number): PeopleCount {
  return n > 0 && n < min ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

/** Complementary suppression inside one breakdown: never exactly one withheld figure beside shown ones. */
export function protectBreakdown(counts: PeopleCount[]): PeopleCount[] {
  const out = counts.map((c) => ({ ...c }));
  const withheld = out.filter((c) => c.suppressed).length;
  if (withheld !== 1) return out;
  const next = out
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !c.suppressed && (c.value ?? 0) > 0)
    .sort((a, b) => (a.c.value ?? 0) - (b.c.value ?? 0))[0];
  if (next) out[next.i] = { value: null, suppressed: true };
  return out;
}

/** Pure counting over attendance pairs; exported for tests. */
export function figuresFrom(
  interventions: readonly Pick<ReportIntervention, "id" | "sessions" | "fieldOfAction" | "approach">[],
  attendance: readonly { interventionId: string; employeeId: string }[],
  min: number,
): InsurerFigures {
  const people = new Map<string, Set<string>>();
  for (const a of attendance) {
    const set = people.get(a.interventionId) ?? new Set<string>();
    set.add(a.employeeId);
    people.set(a.interventionId, set);
  }
  const union = (ids: readonly string[]) => {
    const all = new Set<string>();
    for (const id of ids) for (const e of people.get(id) ?? []) all.add(e);
    return all.size;
  };
  const perIntervention = protectBreakdown(interventions.map((i) => countPeople(people.get(i.id)?.size ?? 0, min)));
  const byField = GKV_FIELD_OF_ACTION_KEYS.filter((k) => interventions.some((i) => i.fieldOfAction === k));
  const fieldCounts = protectBreakdown(
    byField.map((k) => countPeople(union(interventions.filter((i) => i.fieldOfAction === k).map((i) => i.id)), min)),
  );
  const byApproach = INTERVENTION_APPROACH_KEYS.filter((k) => interventions.some((i) => i.approach === k));
  const approachCounts = protectBreakdown(
    byApproach.map((k) => countPeople(union(interventions.filter((i) => i.approach === k).map((i) => i.id)), min)),
  );
  return {
    minGroupSize: min,
    peopleReached: countPeople(union(interventions.map((i) => i.id)), min),
    byIntervention: interventions.map((i, n) => ({
      interventionId: i.id,
      sessions: i.sessions,
      participants: perIntervention[n] as PeopleCount,
    })),
    byFieldOfAction: byField.map((k, n) => ({ fieldOfAction: k, participants: fieldCounts[n] as PeopleCount })),
    byApproach: byApproach.map((k, n) => ({ approach: k, participants: approachCounts[n] as PeopleCount })),
  };
}

/** The insurer report's people counts for the period, minimum-group-size suppression applied. */
export async function insurerFigures(
  scope: TenantScope,
  period: { from: string; to: string },
  interventions: readonly ReportIntervention[],
): Promise<InsurerFigures> {
  const attendance = await attendanceInPeriod(scope, period.from, period.to);
  return figuresFrom(interventions, attendance, MIN_GROUP_SIZE);
}
