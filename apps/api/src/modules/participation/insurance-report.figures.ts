import { type InsurerParticipation, interventionFamilyDisclosure, WITHHELD } from "@bgm/domain";
import type { TenantScope } from "../../lib/request-context.js";
import { attendanceInPeriod, minGroupSize, type ReportIntervention } from "./exports.repository.js";

/**
 * The people counts of the insurer report, in the aggregation service's contract (`InsurerParticipation`)
 * and with its disclosure rule (ADR 0012: `interventionFamilyDisclosure`, total, fields of action,
 * approaches, categories and single interventions as one family).
 *
 * BRIDGE: the aggregation service (feat/participation-aggregates) will export the function that loads these
 * figures (`participationReport`); until it does, this loads the same cells here and applies the same pure
 * rule with the company's minimum group size. Swapping is one call in insurance-report.service.ts.
 */
export function insurerParticipationFrom(
  period: { from: string; to: string },
  interventions: readonly ReportIntervention[],
  attendance: readonly { interventionId: string; employeeId: string }[],
  min: number,
): InsurerParticipation {
  const hitsByPerson = new Map<string, Set<string>>();
  for (const a of attendance) hitsByPerson.set(a.employeeId, (hitsByPerson.get(a.employeeId) ?? new Set()).add(a.interventionId));
  const family = interventionFamilyDisclosure(
    interventions.map((i) => ({ id: i.id, category: i.category, fieldOfAction: i.fieldOfAction, approach: i.approach })),
    [...hitsByPerson.values()].map((s) => [...s]),
    min,
  );
  const keysOf = <K extends "category" | "fieldOfAction" | "approach">(k: K) => [...new Set(interventions.map((i) => i[k]))];
  const idsWhere = (k: "category" | "fieldOfAction" | "approach", v: string) => interventions.filter((i) => i[k] === v).map((i) => i.id);
  type Row = InsurerParticipation["byIntervention"][number];
  return {
    period,
    minGroupSize: min,
    peopleReached: family.peopleReached,
    interventions: interventions.length,
    sessions: interventions.reduce((n, i) => n + i.sessions, 0),
    byIntervention: interventions.map((i) => ({
      interventionId: i.id,
      title: i.title,
      category: i.category as Row["category"],
      fieldOfAction: i.fieldOfAction as Row["fieldOfAction"],
      approach: i.approach,
      targetGroup: i.targetGroup,
      certificationId: i.certificationId,
      provider: i.providerOrgId && i.providerName ? { orgId: i.providerOrgId, name: i.providerName } : null,
      sessions: i.sessions,
      firstSession: i.firstSessionAt,
      lastSession: i.lastSessionAt,
      participants: family.byIntervention.get(i.id) ?? WITHHELD,
    })),
    byCategory: keysOf("category").map((c) => ({
      category: c as Row["category"],
      interventionIds: idsWhere("category", c),
      participants: family.byCategory.get(c) ?? WITHHELD,
    })),
    byFieldOfAction: keysOf("fieldOfAction").map((f) => ({
      fieldOfAction: f as Row["fieldOfAction"],
      interventionIds: idsWhere("fieldOfAction", f),
      participants: family.byFieldOfAction.get(f) ?? WITHHELD,
    })),
    byApproach: keysOf("approach").map((a) => ({
      approach: a as Row["approach"],
      interventionIds: idsWhere("approach", a),
      participants: family.byApproach.get(a) ?? WITHHELD,
    })),
  };
}

/** The insurer report's people counts for the period, with the interventions held in it. */
export async function insurerParticipation(
  scope: TenantScope,
  period: { from: string; to: string },
  interventions: readonly ReportIntervention[],
): Promise<InsurerParticipation> {
  const attendance = await attendanceInPeriod(scope, period.from, period.to);
  return insurerParticipationFrom(period, interventions, attendance, await minGroupSize(scope));
}
