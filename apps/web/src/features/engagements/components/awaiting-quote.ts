import { allowedActions, nextActor } from "@bgm/domain";
import type { EngagementDetail } from "../api/types";

export interface AwaitingQuote {
  /** A first quote (the request is open) or a revised one (the company asked for changes). */
  kind: "request" | "revision";
  /** When the company asked: the request's creation, or its latest request for a revision. */
  since: string;
}

/**
 * Whether the company is waiting for the partner's quote, and since when: the partner's turn (the state
 * machine's `nextActor`) with sending a quote as the partner's move. Null in every other state.
 */
export function awaitingQuote(e: Pick<EngagementDetail, "status" | "createdAt" | "timeline">): AwaitingQuote | null {
  if (nextActor(e.status) !== "provider" || !allowedActions(e.status, "provider").includes("send_quote")) return null;
  if (e.status === "requested") return { kind: "request", since: e.createdAt };
  const latest = e.timeline
    .filter((ev) => ev.toStatus === e.status)
    .reduce<string | null>((last, ev) => (last === null || Date.parse(ev.at) > Date.parse(last) ? ev.at : last), null);
  return { kind: "revision", since: latest ?? e.createdAt };
}
