import type { TFunction } from "i18next";
import { errorMessage } from "../../components/ui/error-message";
import { ApiError } from "../../lib/api-client";
import type { healthDaysDe } from "../../lib/i18n/health-days.de";

type Code = keyof typeof healthDaysDe.healthDays.errors;

const CODES: ReadonlySet<string> = new Set<Code>([
  "slot_conflict",
  "invalid_transition",
  "health_day_cancelled",
  "health_day_done",
  "registration_not_open",
  "session_full",
  "registration_closed",
  "session_started",
  "session_cancelled",
  "not_registered",
  "not_in_register",
  "employee_inactive",
  "approvals_pending",
  "approval_not_pending",
  "not_full_service",
  "planner_engagement_in_use",
  "engagement_not_active",
  "module_rejected",
  "no_planner",
  "feedback_not_open",
  "feedback_closed",
  "feedback_already_given",
  "not_attended",
]);

/** Refusals of the health-day routes in the UI language; anything else as every other error of the app. */
export function healthDayError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && CODES.has(error.code)) return t(`healthDays.errors.${error.code as Code}`);
  return errorMessage(error, t);
}

/** The same error with its text in the UI language, for the shared ErrorAlert and forms (which show `message`). */
export function localizedError(error: unknown, t: TFunction): unknown {
  if (error instanceof ApiError && CODES.has(error.code))
    return new ApiError(error.status, "health-days", healthDayError(error, t), error.details);
  return error;
}
