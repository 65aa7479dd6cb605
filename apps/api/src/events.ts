import { type DomainEventType, domainEvents, type EventBus } from "./lib/domain-events.js";
import { endGrantsForEngagement } from "./modules/data-grants/index.js";
import { recordPendingResults } from "./modules/engagements/index.js";

/**
 * Who reacts to which domain event: every subscription of the app, in this one place. The events and
 * what they carry are listed in lib/domain-events.ts; subscribers run in the publisher's transaction,
 * in the order written here. buildApp calls this; a second call changes nothing.
 */
export function wireDomainEvents(bus: EventBus = domainEvents): void {
  if (bus.sealed) return;

  // engagements → data-grants: an engagement in a final state ends its data grants in the same
  // transaction (engagements no longer imports data-grants for it).
  bus.subscribe("engagement.ended", async (scope, e) => {
    await endGrantsForEngagement(scope, e.engagementId);
  });

  // results → engagements: the count of deliveries waiting for the company's answer that the
  // engagement lists show (engagements no longer reads the results table for it).
  const resultEvents = ["result.submitted", "result.accepted", "result.changes_requested"] as const satisfies DomainEventType[];
  for (const type of resultEvents) bus.subscribe(type, recordPendingResults);

  bus.seal();
}
