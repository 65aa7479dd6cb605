import {
  allowedActions,
  type EngagementAction,
  type EngagementSide,
  type EngagementStatus,
  FINAL_STATUSES,
  findTransition,
} from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";

/**
 * Applies the domain's transition table to one request; no I/O. The table in
 * packages/domain/src/registries/engagement-states.ts is the only source of what is allowed.
 */

/** Actions that carry a payload of their own and therefore have a dedicated route. */
const PAYLOAD_ACTIONS: Partial<Record<EngagementAction, string>> = { send_quote: "POST /api/engagements/{id}/quotes" };

export type Channel = "transition" | "quote";

export interface TransitionRequestInput {
  status: EngagementStatus;
  action: EngagementAction;
  side: EngagementSide;
  message: string;
  channel: Channel;
}

export interface TransitionPlan {
  ok: true;
  action: EngagementAction;
  from: EngagementStatus;
  to: EngagementStatus;
  /** The target is a final state: the engagement ends (endedAt is set). */
  ends: boolean;
}

export type TransitionRefusal =
  | { ok: false; reason: "invalid_transition"; status: EngagementStatus; allowedActions: EngagementAction[] }
  | { ok: false; reason: "other_side"; status: EngagementStatus; allowedActions: EngagementAction[] }
  | { ok: false; reason: "message_required" }
  | { ok: false; reason: "use_dedicated_route"; route: string };

export function planTransition(input: TransitionRequestInput): TransitionPlan | TransitionRefusal {
  const rule = findTransition(input.action);
  const mine = allowedActions(input.status, input.side);
  // The state is checked before the side: an action that nobody may take now is a conflict with
  // the current state (409); one the other side could take now is a permission problem (403).
  if (!rule || !(rule.from as readonly string[]).includes(input.status)) {
    return { ok: false, reason: "invalid_transition", status: input.status, allowedActions: mine };
  }
  if (rule.by !== input.side) return { ok: false, reason: "other_side", status: input.status, allowedActions: mine };
  const route = PAYLOAD_ACTIONS[input.action];
  if (route && input.channel === "transition") return { ok: false, reason: "use_dedicated_route", route };
  if (rule.needsMessage && input.message.trim() === "") return { ok: false, reason: "message_required" };
  return { ok: true, action: input.action, from: input.status, to: rule.to, ends: FINAL_STATUSES.includes(rule.to) };
}

export function refusalError(r: TransitionRefusal): AppError {
  switch (r.reason) {
    case "invalid_transition":
      return new AppError(
        "invalid_transition",
        `This action is not possible while the engagement is ${r.status}`,
        {
          status: r.status,
          allowedActions: r.allowedActions,
        },
        409,
      );
    case "other_side":
      return new AppError("forbidden", "This action belongs to the other party of the engagement", {
        status: r.status,
        allowedActions: r.allowedActions,
      });
    case "message_required":
      return AppError.unprocessable("This action needs a message", { field: "message" });
    case "use_dedicated_route":
      return AppError.unprocessable(`Use ${r.route} for this action`, { route: r.route });
  }
}

/** Returns the plan or throws the refusal as the API's error. */
export function requireTransition(input: TransitionRequestInput): TransitionPlan {
  const out = planTransition(input);
  if (!out.ok) throw refusalError(out);
  return out;
}

/** A quote is expired from the day after its validity date (dates compare as ISO strings). */
export function isQuoteExpired(quote: { status: string; validUntil: string }, today: string): boolean {
  return quote.status === "open" && quote.validUntil < today;
}

const berlinDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's calendar date in Germany, where validity dates of quotes are meant. */
export function berlinToday(now: Date = new Date()): string {
  return berlinDate.format(now);
}
