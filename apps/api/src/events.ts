import { type DomainEventType, domainEvents, type EventBus } from "./lib/domain-events.js";
import { endGrantsForEngagement } from "./modules/data-grants/index.js";
import { recordPendingResults } from "./modules/engagements/index.js";
import { requestProactiveRun, topicOfResult } from "./modules/proactive-suggestions/index.js";

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

  // results / bgm-process → proactive-suggestions: a result that lands, a phase that starts or a goal that
  // is added asks for a proactive matching run (a job, run after this transaction commits; ADR 0022).
  bus.subscribe("result.accepted", async (scope, e) => {
    const topic = topicOfResult(e.outputType);
    if (topic) await requestProactiveRun(scope, topic);
  });
  bus.subscribe("project.phase_changed", async (scope, e) => {
    if (e.to > e.from) await requestProactiveRun(scope, "phase");
  });
  bus.subscribe("goal.created", async (scope) => requestProactiveRun(scope, "goal"));

  bus.seal();
}
