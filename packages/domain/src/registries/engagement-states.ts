/**
 * The engagement lifecycle, in one place. Every allowed move is a row: which action, from which
 * states, to which state, and which side may take it. Services, the API's 409 answers and the
 * web app's buttons are all derived from this table.
 */
export const ENGAGEMENT_STATUSES = [
  "requested",
  "quoted",
  "revision_requested",
  "accepted",
  "in_progress",
  "delivered",
  "completed",
  "declined",
  "quote_rejected",
  "cancelled",
] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export type EngagementSide = "company" | "provider";

export interface TransitionRule {
  action: string;
  from: readonly EngagementStatus[];
  to: EngagementStatus;
  by: EngagementSide;
  /** The action needs a message (e.g. why a revision is wanted). */
  needsMessage?: boolean;
}

export const ENGAGEMENT_TRANSITIONS = [
  // Sending a quote also covers a revised quote: the new one supersedes the open one.
  { action: "send_quote", from: ["requested", "quoted", "revision_requested"], to: "quoted", by: "provider" },
  { action: "decline", from: ["requested", "revision_requested", "quoted"], to: "declined", by: "provider" },
  { action: "request_revision", from: ["quoted"], to: "revision_requested", by: "company", needsMessage: true },
  { action: "accept_quote", from: ["quoted"], to: "accepted", by: "company" },
  { action: "reject_quote", from: ["quoted"], to: "quote_rejected", by: "company" },
  { action: "start", from: ["accepted"], to: "in_progress", by: "provider" },
  { action: "mark_delivered", from: ["in_progress"], to: "delivered", by: "provider" },
  { action: "request_changes", from: ["delivered"], to: "in_progress", by: "company", needsMessage: true },
  // Also while in progress: a company that has what it needs (an accepted result, a workshop held)
  // closes the order without waiting for the partner's "delivered".
  { action: "complete", from: ["in_progress", "delivered"], to: "completed", by: "company" },
  { action: "cancel", from: ["requested", "quoted", "revision_requested", "accepted", "in_progress"], to: "cancelled", by: "company" },
] as const satisfies readonly TransitionRule[];

export type EngagementAction = (typeof ENGAGEMENT_TRANSITIONS)[number]["action"];
export const ENGAGEMENT_ACTIONS = [...new Set(ENGAGEMENT_TRANSITIONS.map((t) => t.action))] as [EngagementAction, ...EngagementAction[]];

/** States in which nothing more happens: data grants end with them. */
export const FINAL_STATUSES: readonly EngagementStatus[] = ["completed", "declined", "quote_rejected", "cancelled"];

export function allowedActions(status: EngagementStatus, side: EngagementSide): EngagementAction[] {
  return ENGAGEMENT_TRANSITIONS.filter((t) => t.by === side && (t.from as readonly string[]).includes(status)).map((t) => t.action);
}

export function findTransition(action: string): TransitionRule | undefined {
  return ENGAGEMENT_TRANSITIONS.find((t) => t.action === action);
}

/**
 * Who is expected to act next, for the dashboards' "next action" column: the side that can move
 * the engagement forward. Actions that end it (cancel, decline, reject, complete early) are always
 * possible somewhere and say nothing about whose turn it is.
 */
export function nextActor(status: EngagementStatus): EngagementSide | null {
  const forward = (side: EngagementSide) =>
    allowedActions(status, side).filter((a) => {
      const to = findTransition(a)?.to;
      return to !== undefined && !FINAL_STATUSES.includes(to);
    });
  const company = forward("company");
  const provider = forward("provider");
  if (provider.length && !company.length) return "provider";
  if (company.length && !provider.length) return "company";
  if (status === "quoted") return "company";
  return null;
}
