import { type HealthBudget, PARTICIPATION_TIME_ZONE, TAX_FREE_HEALTH_BUDGET_CENTS } from "@bgm/domain";
import type { TenantScope } from "../../lib/request-context.js";
import { findEmployeesByIds } from "../employees/index.js";
import { firstAttendance, interventionsWithCost } from "./exports.repository.js";

/**
 * The tax-free health budget (§3 Nr. 34 EStG: up to 600 € per employee and calendar year for certified
 * health measures), for the manager only; it never leaves the company.
 *
 * - Cost per participant of an intervention: its cost (cost_cents) divided by the distinct employees who
 *   attended at least one of its sessions (cancelled sessions left out), rounded to the cent.
 * - An employee's share of an intervention falls in the calendar year (Europe/Berlin) of their first
 *   attended session of it; their sum for the year is over certified interventions only
 *   (certification_id set). Uncertified interventions are listed with their cost per participant but
 *   count towards no one's sum.
 * - Near the limit: from NEAR_SHARE (80 %) of it; over: above it.
 */
export const NEAR_SHARE = 0.8;

export function currentYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: PARTICIPATION_TIME_ZONE }).format(now));
}

export function budgetStatus(totalCents: number, limitCents = TAX_FREE_HEALTH_BUDGET_CENTS): HealthBudget["employees"][number]["status"] {
  if (totalCents > limitCents) return "over";
  if (totalCents >= limitCents * NEAR_SHARE) return "near";
  return "ok";
}

export async function healthBudget(scope: TenantScope, year: number): Promise<HealthBudget> {
  const interventions = await interventionsWithCost(scope);
  const attendance = await firstAttendance(scope);
  const limitCents = TAX_FREE_HEALTH_BUDGET_CENTS;

  const participants = new Map<string, number>();
  for (const a of attendance) participants.set(a.interventionId, (participants.get(a.interventionId) ?? 0) + 1);

  const rows = interventions.map((i) => {
    const n = participants.get(i.id) ?? 0;
    return {
      interventionId: i.id,
      title: i.title,
      certificationId: i.certificationId,
      certified: i.certificationId !== null,
      costCents: i.costCents,
      participants: n,
      participantsInYear: attendance.filter((a) => a.interventionId === i.id && a.year === year).length,
      costPerParticipantCents: i.costCents !== null && n > 0 ? Math.round(i.costCents / n) : null,
    };
  });
  const byId = new Map(rows.map((r) => [r.interventionId, r]));

  const perEmployee = new Map<string, { interventionId: string; title: string; cents: number }[]>();
  for (const a of attendance) {
    const row = byId.get(a.interventionId);
    if (a.year !== year || !row?.certified || row.costPerParticipantCents === null) continue;
    const items = perEmployee.get(a.employeeId) ?? [];
    items.push({ interventionId: row.interventionId, title: row.title, cents: row.costPerParticipantCents });
    perEmployee.set(a.employeeId, items);
  }
  const people = new Map((await findEmployeesByIds(scope, [...perEmployee.keys()])).map((e) => [e.id, e]));
  const employees = [...perEmployee]
    .flatMap(([employeeId, items]) => {
      const who = people.get(employeeId);
      if (!who) return [];
      const totalCents = items.reduce((s, i) => s + i.cents, 0);
      return [
        {
          employeeId,
          firstName: who.firstName,
          lastName: who.lastName,
          department: who.department,
          totalCents,
          share: totalCents / limitCents,
          status: budgetStatus(totalCents, limitCents),
          items: items.sort((a, b) => a.title.localeCompare(b.title, "de")),
        },
      ];
    })
    .sort(
      (a, b) => b.totalCents - a.totalCents || a.lastName.localeCompare(b.lastName, "de") || a.firstName.localeCompare(b.firstName, "de"),
    );

  return {
    year,
    limitCents,
    nearShare: NEAR_SHARE,
    interventions: rows.filter((r) => r.participants > 0 || r.costCents !== null),
    employees,
    summary: {
      employees: employees.length,
      near: employees.filter((e) => e.status === "near").length,
      over: employees.filter((e) => e.status === "over").length,
    },
  };
}
