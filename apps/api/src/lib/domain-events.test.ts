import { describe, expect, it } from "vitest";
import { createEventBus } from "./domain-events.js";
import type { TenantScope } from "./request-context.js";

const scope = { orgId: "org-1" } as TenantScope;
const ended = { type: "engagement.ended", engagementId: "e-1", status: "cancelled" } as const;

describe("domain events", () => {
  it("runs the subscribers of an event in the order they were wired, awaiting each, with the publisher's scope", async () => {
    const bus = createEventBus();
    const seen: string[] = [];
    bus.subscribe("engagement.ended", async (s, e) => {
      await new Promise((r) => setTimeout(r, 5));
      seen.push(`first ${s.orgId} ${e.engagementId} ${e.status}`);
    });
    bus.subscribe("result.submitted", async () => {
      seen.push("not this one");
    });
    bus.subscribe("engagement.ended", async () => {
      seen.push("second");
    });
    bus.seal();
    await bus.publish(scope, ended);
    expect(seen).toEqual(["first org-1 e-1 cancelled", "second"]);
  });

  it("hands a subscriber's error to the publisher (its transaction rolls back) and skips the later ones", async () => {
    const bus = createEventBus();
    const seen: string[] = [];
    bus.subscribe("engagement.ended", async () => {
      throw new Error("grants could not be ended");
    });
    bus.subscribe("engagement.ended", async () => {
      seen.push("later");
    });
    bus.seal();
    await expect(bus.publish(scope, ended)).rejects.toThrow("grants could not be ended");
    expect(seen).toEqual([]);
  });

  it("refuses to publish before the wiring is done, and to subscribe after it", async () => {
    const bus = createEventBus();
    await expect(bus.publish(scope, ended)).rejects.toThrow(/before the events were wired/);
    bus.seal();
    expect(() => bus.subscribe("engagement.ended", async () => {})).toThrow(/already wired/);
    // An event nobody subscribes to is fine once wired.
    await expect(bus.publish(scope, ended)).resolves.toBeUndefined();
  });
});
