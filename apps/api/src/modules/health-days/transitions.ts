import { HEALTH_DAY_TRANSITIONS, type HealthDayAction, type HealthDayStatus, healthDayActions } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";

/**
 * Applies the domain's transition table of a health day to one request; no I/O. The table in
 * packages/domain/src/registries/health-days.ts is the only source of what is allowed.
 */

export type HealthDayTransitionPlan = { ok: true; action: HealthDayAction; from: HealthDayStatus; to: HealthDayStatus };
export type HealthDayTransitionRefusal = { ok: false; status: HealthDayStatus; allowedActions: HealthDayAction[] };

export function planHealthDayTransition(
  status: HealthDayStatus,
  action: HealthDayAction,
): HealthDayTransitionPlan | HealthDayTransitionRefusal {
  const rule = HEALTH_DAY_TRANSITIONS.find((t) => t.action === action);
  if (!rule || !(rule.from as readonly string[]).includes(status)) {
    return { ok: false, status, allowedActions: healthDayActions(status) };
  }
  return { ok: true, action, from: status, to: rule.to };
}

export function requireHealthDayTransition(status: HealthDayStatus, action: HealthDayAction): HealthDayTransitionPlan {
  const plan = planHealthDayTransition(status, action);
  if (!plan.ok) {
    throw new AppError(
      "invalid_transition",
      `This action is not possible while the health day is ${status}`,
      { status, allowedActions: plan.allowedActions },
      409,
    );
  }
  return plan;
}

/** Stations and slots can be added until the day is over or called off. */
export function requireEditable(status: HealthDayStatus): void {
  if (status === "cancelled")
    throw new AppError("health_day_cancelled", "The health day was cancelled; it cannot change any more", { status }, 409);
  if (status === "done") throw new AppError("health_day_done", "The health day is over; it cannot change any more", { status }, 409);
}
