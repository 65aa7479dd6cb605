import { allowedActions, nextActor } from "@bgm/domain";
import type { EngagementDetail } from "../api/types";

export interface AwaitingQuote {
  /** A first quote (the request is open) or a revised one (the company asked for changes). */
  kind: "request" | "revision";
  /** When the company asked: the request's creation, or its latest request for a revision. */
  since: string;
}

/** A timestamp's calendar day where the reader is (YYYY-MM-DD): a request at 00:30 in Berlin is that day, not the UTC one before. */
export function localDay(timestamp: string): string {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
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
