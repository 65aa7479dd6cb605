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
 *   minus the others";
 * - one-step differences between nested figures (see `protectAll`) never reveal a group below the minimum.
 * It covers single subtractions, not every linear combination: the aggregation service's rule (with its
 * property test) is the complete one.
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

interface Figure {
  /** The interventions the figure counts the people of. */
  ids: Set<string>;
  people: number;
  count: PeopleCount;
  breakdown: string;
}

const withhold = (f: Figure) => {
  f.count = { value: null, suppressed: true };
};

/**
 * One-step differencing: for two shown figures where one counts a subset of the other's interventions,
 * their difference is the head count of a real group of people (those only in the larger one). When that
 * group is 1 … min−1 people, the more specific figure is withheld. Repeated with the per-breakdown rule
 * until nothing changes.
 */
function protectAll(figures: Figure[], min: number): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const key of new Set(figures.map((f) => f.breakdown))) {
      const group = figures.filter((f) => f.breakdown === key);
      const protectedCounts = protectBreakdown(group.map((f) => f.count));
      group.forEach((f, i) => {
        if (!f.count.suppressed && protectedCounts[i]?.suppressed) {
          withhold(f);
          changed = true;
        }
      });
    }
    for (const big of figures) {
      for (const small of figures) {
        if (big === small || big.count.suppressed || small.count.suppressed) continue;
        if (small.ids.size >= big.ids.size || ![...small.ids].every((id) => big.ids.has(id))) continue;
        const d = big.people - small.people;
        if (d > 0 && d < min) {
          withhold(small);
          changed = true;
        }
      }
    }
  }
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
  const figure = (breakdown: string, ids: string[]): Figure => {
    const all = new Set<string>();
    for (const id of ids) for (const e of people.get(id) ?? []) all.add(e);
    return { ids: new Set(ids), people: all.size, count: countPeople(all.size, min), breakdown };
  };
  const idsWhere = (pred: (i: (typeof interventions)[number]) => boolean) => interventions.filter(pred).map((i) => i.id);
  const total = figure(
    "total",
    idsWhere(() => true),
  );
  const perIntervention = interventions.map((i) => figure("intervention", [i.id]));
  const fields = GKV_FIELD_OF_ACTION_KEYS.filter((k) => interventions.some((i) => i.fieldOfAction === k));
  const perField = fields.map((k) =>
    figure(
      "field",
      idsWhere((i) => i.fieldOfAction === k),
    ),
  );
  const approaches = INTERVENTION_APPROACH_KEYS.filter((k) => interventions.some((i) => i.approach === k));
  const perApproach = approaches.map((k) =>
    figure(
      "approach",
      idsWhere((i) => i.approach === k),
    ),
  );
  protectAll([total, ...perIntervention, ...perField, ...perApproach], min);
  return {
    minGroupSize: min,
    peopleReached: total.count,
    byIntervention: interventions.map((i, n) => ({
      interventionId: i.id,
      sessions: i.sessions,
      participants: (perIntervention[n] as Figure).count,
    })),
    byFieldOfAction: fields.map((k, n) => ({ fieldOfAction: k, participants: (perField[n] as Figure).count })),
    byApproach: approaches.map((k, n) => ({ approach: k, participants: (perApproach[n] as Figure).count })),
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
