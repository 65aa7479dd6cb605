import { allowedActions, ENGAGEMENT_STATUSES, ENGAGEMENT_TRANSITIONS, type EngagementSide, FINAL_STATUSES, nextActor } from "@bgm/domain";
import { describe, expect, it } from "vitest";
import { berlinToday, isQuoteExpired, planTransition, refusalError, requireTransition } from "./transitions.js";

const other = (side: EngagementSide): EngagementSide => (side === "company" ? "provider" : "company");
const channelFor = (action: string) => (action === "send_quote" ? "quote" : "transition");

describe("planTransition applies the domain table", () => {
  for (const rule of ENGAGEMENT_TRANSITIONS) {
    describe(rule.action, () => {
      for (const status of ENGAGEMENT_STATUSES) {
        const allowedHere = (rule.from as readonly string[]).includes(status);
        it(`${status}: ${allowedHere ? `${rule.by} moves to ${rule.to}, ${other(rule.by)} gets 403` : "409 for both sides"}`, () => {
          const input = { status, action: rule.action, message: "Bitte anpassen", channel: channelFor(rule.action) } as const;
          const own = planTransition({ ...input, side: rule.by });
          const foreign = planTransition({ ...input, side: other(rule.by) });
          if (allowedHere) {
            expect(own).toEqual({ ok: true, action: rule.action, from: status, to: rule.to, ends: FINAL_STATUSES.includes(rule.to) });
            expect(foreign).toEqual({ ok: false, reason: "other_side", status, allowedActions: allowedActions(status, other(rule.by)) });
            if (foreign.ok) return;
            const err = refusalError(foreign);
            expect(err.status).toBe(403);
            expect(err.details).toEqual({ status, allowedActions: allowedActions(status, other(rule.by)) });
          } else {
            for (const side of ["company", "provider"] as const) {
              const out = planTransition({ ...input, side });
              expect(out).toEqual({ ok: false, reason: "invalid_transition", status, allowedActions: allowedActions(status, side) });
              if (out.ok) return;
              const err = refusalError(out);
              expect(err.status).toBe(409);
              expect(err.code).toBe("invalid_transition");
              expect(err.details).toEqual({ status, allowedActions: allowedActions(status, side) });
            }
          }
        });
      }
    });
  }
});

describe("refusals beyond the table's rows", () => {
  it("needs a message where the table says so (422), whitespace is no message", () => {
    const withMessage = ENGAGEMENT_TRANSITIONS.filter((r) => "needsMessage" in r && r.needsMessage);
    expect(withMessage.map((r) => r.action).sort()).toEqual(["request_changes", "request_revision"]);
    for (const rule of withMessage) {
      for (const message of ["", "   \n"]) {
        const out = planTransition({ status: rule.from[0], action: rule.action, side: rule.by, message, channel: "transition" });
        expect(out).toEqual({ ok: false, reason: "message_required" });
        if (!out.ok) expect(refusalError(out).status).toBe(422);
      }
    }
    // Actions without needsMessage go through without one.
    expect(planTransition({ status: "quoted", action: "accept_quote", side: "company", message: "", channel: "transition" }).ok).toBe(true);
  });

  it("refuses send_quote through the generic transition route: a quote needs its price", () => {
    const out = planTransition({ status: "requested", action: "send_quote", side: "provider", message: "", channel: "transition" });
    expect(out).toEqual({ ok: false, reason: "use_dedicated_route", route: "POST /api/engagements/{id}/quotes" });
    expect(() =>
      requireTransition({ status: "requested", action: "send_quote", side: "provider", message: "", channel: "transition" }),
    ).toThrow(/quotes/);
  });

  it("checks the state before the side: nobody may start a requested engagement (409, not 403)", () => {
    const out = planTransition({ status: "requested", action: "start", side: "company", message: "", channel: "transition" });
    expect(out).toEqual({ ok: false, reason: "invalid_transition", status: "requested", allowedActions: ["cancel"] });
  });

  it("final states allow nothing to anyone", () => {
    for (const status of FINAL_STATUSES) {
      expect(allowedActions(status, "company")).toEqual([]);
      expect(allowedActions(status, "provider")).toEqual([]);
    }
  });
});

describe("quote expiry and the German calendar day", () => {
  it("an open quote expires the day after its validity date", () => {
    expect(isQuoteExpired({ status: "open", validUntil: "2026-03-31" }, "2026-03-31")).toBe(false);
    expect(isQuoteExpired({ status: "open", validUntil: "2026-03-31" }, "2026-04-01")).toBe(true);
    expect(isQuoteExpired({ status: "accepted", validUntil: "2026-03-31" }, "2027-01-01")).toBe(false);
  });

  it("counts days in Europe/Berlin", () => {
    expect(berlinToday(new Date("2026-03-31T22:30:00Z"))).toBe("2026-04-01");
    expect(berlinToday(new Date("2026-12-31T22:59:00Z"))).toBe("2026-12-31");
    expect(berlinToday(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
  });
});

describe("whose turn it is", () => {
  it("is the side that can move the engagement forward; ending it (cancel, decline, complete early) does not count", () => {
    const turns = Object.fromEntries(ENGAGEMENT_STATUSES.map((s) => [s, nextActor(s)]));
    expect(turns).toEqual({
      requested: "provider",
      quoted: "company",
      revision_requested: "provider",
      accepted: "provider",
      // The company may close early, but the partner is expected to deliver.
      in_progress: "provider",
      delivered: "company",
      completed: null,
      declined: null,
      quote_rejected: null,
      cancelled: null,
    });
  });

  it("the company can close an order in progress (e.g. once it accepted the result) or after delivery", () => {
    expect(allowedActions("in_progress", "company")).toEqual(["complete", "cancel"]);
    expect(allowedActions("delivered", "company")).toEqual(["request_changes", "complete"]);
  });
});
