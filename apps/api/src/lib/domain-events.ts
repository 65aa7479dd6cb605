import type { EngagementStatus } from "@bgm/domain";
import type { TenantScope } from "./request-context.js";

/**
 * In-process domain events: how a module tells others that something happened to its data without
 * importing them (an import back would close a cycle). Synchronous and inside the publisher's tenant
 * transaction: subscribers run in order, awaited, with the publisher's scope, so what they write
 * commits with the change, and an error in any of them rolls the whole transaction back. No queue,
 * no retries, nothing after commit; mails stay the publisher's business (they go out after commit).
 *
 * Every event is listed here with what it carries (ids and facts, no rows), and every subscription is
 * made in one place, `src/events.ts`, so the list of who reacts to what is one file long.
 */

/** A partner result changed state; `pendingResults` is what the results module counts after the change. */
export interface ResultChange {
  engagementId: string;
  resultId: string;
  outputType: string;
  version: number;
  /** The engagement's results now waiting for the company's answer (status submitted). */
  pendingResults: number;
}

export interface DomainEvents {
  /** An engagement reached a final state (completed, declined, quote_rejected, cancelled). */
  "engagement.ended": { engagementId: string; status: EngagementStatus };
  /** A partner delivered a result (a pending earlier version of the same series is superseded). */
  "result.submitted": ResultChange;
  /** The company, or the deadline job (`automatic`), accepted a result. */
  "result.accepted": ResultChange & { automatic: boolean };
  /** The company sent a submitted or accepted result back; an accepted one was withdrawn from where it landed. */
  "result.changes_requested": ResultChange & { wasAccepted: boolean };
  /** The company moved its BGM project to another phase. */
  "project.phase_changed": { projectId: string; from: number; to: number };
  /** The company added a goal. */
  "goal.created": { goalId: string };
}

export type DomainEventType = keyof DomainEvents;
export type DomainEvent<K extends DomainEventType = DomainEventType> = { [T in K]: { type: T } & DomainEvents[T] }[K];
export type Subscriber<K extends DomainEventType> = (scope: TenantScope, event: DomainEvent<K>) => Promise<void>;

export interface EventBus {
  subscribe<K extends DomainEventType>(type: K, subscriber: Subscriber<K>): void;
  /** Ends the wiring: later subscriptions throw, and publishing is allowed from now on. */
  seal(): void;
  readonly sealed: boolean;
  publish<K extends DomainEventType>(scope: TenantScope, event: DomainEvent<K>): Promise<void>;
}

export function createEventBus(): EventBus {
  const subscribers = new Map<DomainEventType, Subscriber<never>[]>();
  let sealed = false;
  return {
    subscribe(type, subscriber) {
      if (sealed) throw new Error(`domain events are already wired; subscribe to ${type} in src/events.ts`);
      subscribers.set(type, [...(subscribers.get(type) ?? []), subscriber as Subscriber<never>]);
    },
    seal() {
      sealed = true;
    },
    get sealed() {
      return sealed;
    },
    async publish(scope, event) {
      // Publishing before the wiring would silently skip every subscriber (grants left running,
      // counts left stale): fail loudly instead.
      if (!sealed) throw new Error(`domain event ${event.type} published before the events were wired (src/events.ts)`);
      for (const subscriber of subscribers.get(event.type) ?? []) await (subscriber as Subscriber<typeof event.type>)(scope, event);
    },
  };
}

/** The application's one bus: wired by `wireDomainEvents` (src/events.ts), which `buildApp` calls. */
export const domainEvents: EventBus = createEventBus();

/** Publishes on the application's bus, inside `scope`'s transaction. */
export function publish<K extends DomainEventType>(scope: TenantScope, event: DomainEvent<K>): Promise<void> {
  return domainEvents.publish(scope, event);
}
