import { ENGAGEMENT_STATUSES, type EngagementStatus } from "@bgm/domain";
import { describe, expect, it } from "vitest";
import { awaitingQuote } from "./awaiting-quote";

const event = (toStatus: string | null, at: string) => ({
  id: 1,
  kind: "status_change",
  fromStatus: null,
  toStatus,
  actorSide: "company" as const,
  actorName: null,
  message: "",
  data: {},
  at,
});

const engagement = (status: EngagementStatus, timeline: ReturnType<typeof event>[] = []) => ({
  status,
  createdAt: "2026-11-02T09:15:00.000Z",
  timeline,
});

describe("awaitingQuote: the company waits for the partner's quote (issue 14, item 10)", () => {
  it("is a request waiting since the engagement was created", () => {
    expect(awaitingQuote(engagement("requested"))).toEqual({ kind: "request", since: "2026-11-02T09:15:00.000Z" });
  });

  it("is a revision waiting since the latest request for one", () => {
    const e = engagement("revision_requested", [
      event("revision_requested", "2026-11-05T10:00:00.000Z"),
      event("quoted", "2026-11-06T10:00:00.000Z"),
      event("revision_requested", "2026-11-08T10:00:00.000Z"),
    ]);
    expect(awaitingQuote(e)).toEqual({ kind: "revision", since: "2026-11-08T10:00:00.000Z" });
    expect(awaitingQuote(engagement("revision_requested"))?.since).toBe("2026-11-02T09:15:00.000Z");
  });

  it("is nothing in any other state (the company's turn, the partner at work, or the end)", () => {
    const waiting = ENGAGEMENT_STATUSES.filter((s) => awaitingQuote(engagement(s)) !== null);
    expect(waiting).toEqual(["requested", "revision_requested"]);
  });
});
