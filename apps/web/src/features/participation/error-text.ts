import type { TFunction } from "i18next";
import { errorMessage } from "../../components/ui/error-message";
import { ApiError } from "../../lib/api-client";
import type { participationDe } from "../../lib/i18n/participation.de";

type Code = keyof typeof participationDe.participation.errors;

const CODES: ReadonlySet<string> = new Set<Code>([
  "session_full",
  "registration_closed",
  "session_started",
  "session_cancelled",
  "intervention_not_open",
  "intervention_cancelled",
  "employee_inactive",
  "attendance_recorded",
  "not_registered",
  "not_in_register",
  "no_place",
  "already_created",
  "planned_not_adopted",
  "engagement_not_running",
  "capacity_below_places",
  "no_sessions_ahead",
  "session_not_started",
  "not_a_walk_in",
]);

/**
 * Refusals of the participation routes in the UI language (the API's own messages are English and for
 * developers); anything else as every other error of the app.
 */
export function participationError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && CODES.has(error.code)) return t(`participation.errors.${error.code as Code}`);
  return errorMessage(error, t);
}

/** The same error with its text in the UI language, for the shared ErrorAlert and forms (which show `message`). */
export function localizedError(error: unknown, t: TFunction): unknown {
  if (error instanceof ApiError && CODES.has(error.code))
    return new ApiError(error.status, "participation", participationError(error, t), error.details);
  return error;
}
