/**
 * The events a partner can subscribe webhooks to (issue 16). Payloads name ids and what changed, never
 * employee data: the partner fetches details through the API with its key. `planned`: declared for
 * subscriptions already, emitted by a later feature.
 */
export const WEBHOOK_EVENT_TYPES = [
  "inquiry.received",
  "quote.accepted",
  "quote.rejected",
  "engagement.status_changed",
  "data_grant.given",
  "data_grant.revoked",
  "data_grant.expired",
  "result.accepted",
  "result.changes_requested",
  "message.received",
  "participation.registrations_updated",
  "participation.attendance_updated",
  "webhook.test",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookEventDef {
  de: string;
  en: string;
  /** Declared, not emitted yet (the feature that emits it comes later). */
  planned?: boolean;
  /** Sent only on request ("send test event"), not subscribable. */
  internal?: boolean;
}

export const WEBHOOK_EVENTS: Record<WebhookEventType, WebhookEventDef> = {
  "inquiry.received": { de: "Anfrage eingegangen", en: "Inquiry received" },
  "quote.accepted": { de: "Angebot angenommen", en: "Quote accepted" },
  "quote.rejected": { de: "Angebot abgelehnt", en: "Quote rejected" },
  "engagement.status_changed": { de: "Auftragsstatus geändert", en: "Engagement status changed" },
  "data_grant.given": { de: "Datenfreigabe erteilt", en: "Data grant given" },
  "data_grant.revoked": { de: "Datenfreigabe widerrufen", en: "Data grant revoked" },
  "data_grant.expired": { de: "Datenfreigabe abgelaufen", en: "Data grant expired" },
  "result.accepted": { de: "Ergebnis angenommen", en: "Result accepted" },
  "result.changes_requested": { de: "Nachbesserung angefordert", en: "Changes requested for a result" },
  "message.received": { de: "Nachricht erhalten", en: "Message received" },
  "participation.registrations_updated": { de: "Anmeldezahlen aktualisiert", en: "Registration figures updated", planned: true },
  "participation.attendance_updated": { de: "Teilnahmezahlen aktualisiert", en: "Attendance figures updated", planned: true },
  "webhook.test": { de: "Testereignis", en: "Test event", internal: true },
};

/** The types a partner can subscribe to. */
export const SUBSCRIBABLE_WEBHOOK_EVENTS = WEBHOOK_EVENT_TYPES.filter((t) => !WEBHOOK_EVENTS[t].internal);

/** What each event's `data` carries: ids, states and counts only. */
export interface WebhookEventData {
  "inquiry.received": { engagementId: string; offeringId: string };
  "quote.accepted": { engagementId: string; quoteId: string | null };
  "quote.rejected": { engagementId: string; quoteId: string | null };
  "engagement.status_changed": { engagementId: string; from: string | null; to: string };
  "data_grant.given": { engagementId: string; grantId: string; scopeKey: string; expiresAt: string };
  "data_grant.revoked": { engagementId: string; grantId: string; scopeKey: string };
  "data_grant.expired": { engagementId: string; grantId: string; scopeKey: string };
  "result.accepted": { engagementId: string; resultId: string; outputType: string; version: number; automatic: boolean };
  "result.changes_requested": { engagementId: string; resultId: string; outputType: string; version: number };
  "message.received": { engagementId: string; threadId: string; messageId: string };
  "participation.registrations_updated": { interventionId: string };
  "participation.attendance_updated": { interventionId: string };
  "webhook.test": { endpointId: string };
}
