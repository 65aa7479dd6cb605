/**
 * What each audit action means, for people reading the audit log: one entry per action string the
 * API writes (apps/api/test/audit-actions.test.ts fails naming any action missing here). An entry
 * gives the action's area (the page's filter), a German and an English phrase that follows the
 * actor's name („Petra Schmidt hat ein Angebot angenommen“), and where the object lives in the app.
 *
 * `link` is a path pattern: `:entityId` and `:details.<key>` are filled from the entry; a pattern
 * whose values are missing gives no link. A record picks the pattern by the entry's entity type.
 */

export const AUDIT_AREAS = [
  "engagements",
  "data_sharing",
  "results",
  "participation",
  "health_days",
  "process",
  "legal",
  "employees",
  "organization",
  "marketplace",
  "partner_api",
] as const;
export type AuditArea = (typeof AUDIT_AREAS)[number];

export const AUDIT_AREA_LABELS: Record<AuditArea, { de: string; en: string }> = {
  engagements: { de: "Aufträge", en: "Engagements" },
  data_sharing: { de: "Datenfreigaben", en: "Data sharing" },
  results: { de: "Ergebnisse", en: "Results" },
  participation: { de: "Teilnahme", en: "Participation" },
  health_days: { de: "Gesundheitstage", en: "Health days" },
  process: { de: "BGM-Prozess", en: "BGM process" },
  legal: { de: "Rechtliches", en: "Legal" },
  employees: { de: "Beschäftigte", en: "Employees" },
  organization: { de: "Organisation und Team", en: "Organization and team" },
  marketplace: { de: "Marktplatz", en: "Marketplace" },
  partner_api: { de: "Partner-API", en: "Partner API" },
};

export interface AuditActionDef {
  area: AuditArea;
  /** Follows the actor's name: „hat ein Angebot angenommen“. */
  de: string;
  /** Follows the actor's name: "accepted a quote". */
  en: string;
  link?: string | Readonly<Record<string, string>>;
}

const ENGAGEMENT = "/engagements/:entityId";
const BY_ENGAGEMENT = "/engagements/:details.engagementId";
const LEGAL = "/legal/:details.requirementKey";
const HEALTH_DAY = "/health-days/:entityId";
const INTERVENTION = "/interventions/:entityId";
const SESSION = "/interventions/:details.interventionId";

export const AUDIT_ACTIONS = {
  // Engagements: each step of the order, on either side (engagement.<timeline kind>).
  "engagement.created": { area: "engagements", de: "hat ein Angebot angefragt", en: "requested a quote", link: ENGAGEMENT },
  "engagement.send_quote": { area: "engagements", de: "hat ein Angebot gesendet", en: "sent a quote", link: ENGAGEMENT },
  "engagement.decline": { area: "engagements", de: "hat eine Anfrage abgelehnt", en: "declined a request", link: ENGAGEMENT },
  "engagement.request_revision": {
    area: "engagements",
    de: "hat um ein überarbeitetes Angebot gebeten",
    en: "asked for a revised quote",
    link: ENGAGEMENT,
  },
  "engagement.accept_quote": { area: "engagements", de: "hat ein Angebot angenommen", en: "accepted a quote", link: ENGAGEMENT },
  "engagement.reject_quote": { area: "engagements", de: "hat ein Angebot abgelehnt", en: "rejected a quote", link: ENGAGEMENT },
  "engagement.start": { area: "engagements", de: "hat mit einem Auftrag begonnen", en: "started an engagement", link: ENGAGEMENT },
  "engagement.progress": { area: "engagements", de: "hat Fortschritt gemeldet", en: "reported progress", link: ENGAGEMENT },
  "engagement.mark_delivered": {
    area: "engagements",
    de: "hat eine Leistung als geliefert gemeldet",
    en: "marked an engagement delivered",
    link: ENGAGEMENT,
  },
  "engagement.request_changes": { area: "engagements", de: "hat um Nachbesserung gebeten", en: "asked for changes", link: ENGAGEMENT },
  "engagement.complete": { area: "engagements", de: "hat einen Auftrag abgeschlossen", en: "completed an engagement", link: ENGAGEMENT },
  "engagement.cancel": { area: "engagements", de: "hat einen Auftrag storniert", en: "cancelled an engagement", link: ENGAGEMENT },
  "engagement.result_submitted": { area: "engagements", de: "hat ein Ergebnis geliefert", en: "delivered a result", link: ENGAGEMENT },
  "engagement.result_accepted": { area: "engagements", de: "hat ein Ergebnis angenommen", en: "accepted a result", link: ENGAGEMENT },
  "engagement.result_changes_requested": {
    area: "engagements",
    de: "hat Änderungen an einem Ergebnis erbeten",
    en: "asked for changes to a result",
    link: ENGAGEMENT,
  },
  "engagement.result_auto_accepted": {
    area: "engagements",
    de: "– ein Ergebnis wurde nach Ablauf der Prüffrist automatisch angenommen",
    en: "– a result was accepted automatically after the review period",
    link: ENGAGEMENT,
  },

  // Messages between the parties of an engagement (the text is never in the audit log).
  "message.sent": {
    area: "engagements",
    de: "hat eine Nachricht zu einem Auftrag geschrieben",
    en: "wrote a message on an engagement",
    link: ENGAGEMENT,
  },
  "message.personal_data_acknowledged": {
    area: "engagements",
    de: "hat eine Nachricht trotz Hinweis auf personenbezogene Daten gesendet",
    en: "sent a message despite the personal data warning",
    link: ENGAGEMENT,
  },

  // Data sharing.
  "data_grant.granted": {
    area: "data_sharing",
    de: "hat Daten für einen Partner freigegeben",
    en: "shared data with a partner",
    link: BY_ENGAGEMENT,
  },
  "data_grant.declined": { area: "data_sharing", de: "hat eine Datenfreigabe abgelehnt", en: "declined to share data", link: ENGAGEMENT },
  "data_grant.revoked": { area: "data_sharing", de: "hat eine Datenfreigabe widerrufen", en: "revoked a data grant", link: BY_ENGAGEMENT },
  "data_grant.ended": {
    area: "data_sharing",
    de: "– Datenfreigaben endeten mit dem Auftrag",
    en: "– data grants ended with the engagement",
    link: ENGAGEMENT,
  },

  // Partner results.
  "result.submitted": { area: "results", de: "hat ein Ergebnis hochgeladen", en: "uploaded a result", link: BY_ENGAGEMENT },
  "result.accepted": { area: "results", de: "hat ein Ergebnis angenommen", en: "accepted a result", link: BY_ENGAGEMENT },
  "result.auto_accepted": {
    area: "results",
    de: "– ein Ergebnis wurde automatisch angenommen",
    en: "– a result was accepted automatically",
    link: BY_ENGAGEMENT,
  },
  "result.changes_requested": {
    area: "results",
    de: "hat Änderungen an einem Ergebnis erbeten",
    en: "asked for changes to a result",
    link: BY_ENGAGEMENT,
  },
  "result.superseded": {
    area: "results",
    de: "hat ein Ergebnis durch eine neue Fassung ersetzt",
    en: "replaced a result by a new version",
    link: BY_ENGAGEMENT,
  },
  "result.file_downloaded": { area: "results", de: "hat eine Ergebnisdatei heruntergeladen", en: "downloaded a result file" },
  "result.reminder_sent": {
    area: "results",
    de: "– Erinnerung an eine offene Ergebnisprüfung verschickt",
    en: "– reminder about a result awaiting review sent",
    link: BY_ENGAGEMENT,
  },

  // Participation in interventions and sessions.
  "participation.intervention_created": {
    area: "participation",
    de: "hat eine Maßnahme angelegt",
    en: "created an intervention",
    link: INTERVENTION,
  },
  "participation.intervention_updated": {
    area: "participation",
    de: "hat eine Maßnahme geändert",
    en: "changed an intervention",
    link: INTERVENTION,
  },
  "participation.intervention_closed": {
    area: "participation",
    de: "hat eine Maßnahme abgeschlossen",
    en: "closed an intervention",
    link: INTERVENTION,
  },
  "participation.intervention_reopened": {
    area: "participation",
    de: "hat eine Maßnahme wieder geöffnet",
    en: "reopened an intervention",
    link: INTERVENTION,
  },
  "participation.intervention_cancelled": {
    area: "participation",
    de: "hat eine Maßnahme abgesagt",
    en: "cancelled an intervention",
    link: INTERVENTION,
  },
  "participation.sessions_created": {
    area: "participation",
    de: "hat Termine angelegt",
    en: "added sessions",
    link: { intervention: INTERVENTION, health_day_module: "/health-days" },
  },
  "participation.session_updated": { area: "participation", de: "hat einen Termin geändert", en: "changed a session", link: SESSION },
  "participation.session_cancelled": { area: "participation", de: "hat einen Termin abgesagt", en: "cancelled a session", link: SESSION },
  "participation.session_reopened": {
    area: "participation",
    de: "hat einen Termin wieder angesetzt",
    en: "reinstated a session",
    link: SESSION,
  },
  "participation.registered": { area: "participation", de: "hat einen Platz gebucht", en: "booked a place", link: "/interventions" },
  "participation.waitlisted": {
    area: "participation",
    de: "hat sich auf die Warteliste gesetzt",
    en: "joined a waiting list",
    link: "/interventions",
  },
  "participation.cancelled": { area: "participation", de: "hat eine Teilnahme abgesagt", en: "cancelled a place", link: "/interventions" },
  "participation.promoted": {
    area: "participation",
    de: "– ein Platz von der Warteliste wurde vergeben",
    en: "– a place went to the waiting list",
    link: "/interventions",
  },
  "participation.attendance_set": {
    area: "participation",
    de: "hat die Anwesenheit erfasst",
    en: "recorded attendance",
    link: "/interventions",
  },
  "participation.walk_in": {
    area: "participation",
    de: "hat eine spontane Teilnahme erfasst",
    en: "recorded a walk-in",
    link: "/interventions",
  },
  "participation.walk_in_removed": {
    area: "participation",
    de: "hat eine spontane Teilnahme entfernt",
    en: "removed a walk-in",
    link: "/interventions",
  },
  "participation.certificate_downloaded": {
    area: "participation",
    de: "hat eine Teilnahmebescheinigung heruntergeladen",
    en: "downloaded a certificate of attendance",
    link: INTERVENTION,
  },
  "participation.insurance_report_exported": {
    area: "participation",
    de: "hat den Nachweis für die Krankenkasse exportiert",
    en: "exported the health insurer report",
    link: "/participation/insurance-report",
  },
  "participation.min_group_size_raised": {
    area: "participation",
    de: "hat die Mindestgruppengröße erhöht",
    en: "raised the minimum group size",
    link: "/participation/reports",
  },

  // Health days.
  "health_days.created": { area: "health_days", de: "hat einen Gesundheitstag angelegt", en: "created a health day", link: HEALTH_DAY },
  "health_days.updated": { area: "health_days", de: "hat einen Gesundheitstag geändert", en: "changed a health day", link: HEALTH_DAY },
  "health_days.status_changed": {
    area: "health_days",
    de: "hat den Status eines Gesundheitstags geändert",
    en: "changed a health day's status",
    link: HEALTH_DAY,
  },
  "health_days.module_added": {
    area: "health_days",
    de: "hat einem Gesundheitstag eine Station hinzugefügt",
    en: "added a station to a health day",
    link: HEALTH_DAY,
  },
  "health_days.slots_added": { area: "health_days", de: "hat Zeitfenster hinzugefügt", en: "added time slots", link: HEALTH_DAY },
  "health_days.planner_set": {
    area: "health_days",
    de: "hat einen Planungspartner beauftragt",
    en: "appointed a planning partner",
    link: HEALTH_DAY,
  },
  "health_days.module_approved": { area: "health_days", de: "hat eine Station genehmigt", en: "approved a station", link: HEALTH_DAY },
  "health_days.module_rejected": { area: "health_days", de: "hat eine Station abgelehnt", en: "rejected a station", link: HEALTH_DAY },
  "health_days.plan_approved": {
    area: "health_days",
    de: "hat den Plan eines Gesundheitstags genehmigt",
    en: "approved a health day's plan",
    link: HEALTH_DAY,
  },
  "health_days.invitations_sent": {
    area: "health_days",
    de: "hat Einladungen zu einem Gesundheitstag verschickt",
    en: "sent health day invitations",
    link: HEALTH_DAY,
  },
  "health_days.reminders_sent": {
    area: "health_days",
    de: "– Erinnerungen an einen Gesundheitstag verschickt",
    en: "– health day reminders sent",
    link: HEALTH_DAY,
  },
  "health_days.check_in_scanned": {
    area: "health_days",
    de: "hat einen Check-in am Gesundheitstag erfasst",
    en: "checked someone in at a health day",
    link: HEALTH_DAY,
  },
  "health_days.report_exported": {
    area: "health_days",
    de: "hat den Bericht zu einem Gesundheitstag exportiert",
    en: "exported a health day report",
    link: HEALTH_DAY,
  },
  "health_days.consolidated_report_exported": {
    area: "health_days",
    de: "hat den Gesamtbericht zu einem Gesundheitstag exportiert",
    en: "exported the consolidated report of a health day",
    link: HEALTH_DAY,
  },
  "health_days.feedback_given": {
    area: "health_days",
    de: "hat eine anonyme Rückmeldung zu einer Station gegeben",
    en: "gave anonymous feedback on a station",
  },

  // BGM process: phases, tasks, goals, planning, key figures.
  "project.phase_changed": {
    area: "process",
    de: "hat die Projektphase gewechselt",
    en: "changed the project phase",
    link: "/phases/:details.to",
  },
  "task.updated": { area: "process", de: "hat eine Aufgabe bearbeitet", en: "updated a task", link: "/tasks/:details.key" },
  "task.document_attached": {
    area: "process",
    de: "hat einer Aufgabe ein Dokument angehängt",
    en: "attached a document to a task",
    link: "/tasks/:details.key",
  },
  "file.uploaded": { area: "process", de: "hat eine Datei hochgeladen", en: "uploaded a file" },
  "goal.created": { area: "process", de: "hat ein Ziel angelegt", en: "created a goal", link: "/goals" },
  "goal.updated": { area: "process", de: "hat ein Ziel geändert", en: "changed a goal", link: "/goals" },
  "planning.interventions_proposed": {
    area: "process",
    de: "– Maßnahmen wurden aus einem Ergebnis vorgeschlagen",
    en: "– interventions were proposed from a result",
    link: "/phases",
  },
  "planning.interventions_withdrawn": {
    area: "process",
    de: "– Maßnahmenvorschläge wurden zurückgezogen",
    en: "– proposed interventions were withdrawn",
    link: "/phases",
  },
  "planning.intervention_adopted": {
    area: "process",
    de: "hat eine vorgeschlagene Maßnahme übernommen",
    en: "adopted a proposed intervention",
    link: "/phases",
  },
  "planning.intervention_dismissed": {
    area: "process",
    de: "hat eine vorgeschlagene Maßnahme verworfen",
    en: "dismissed a proposed intervention",
    link: "/phases",
  },
  "kpi.point_recorded": {
    area: "process",
    de: "– eine Kennzahl wurde aus einem Ergebnis übernommen",
    en: "– a key figure was taken from a result",
    link: "/",
  },
  "kpi.point_withdrawn": { area: "process", de: "– eine Kennzahl wurde zurückgenommen", en: "– a key figure was withdrawn", link: "/" },

  // Legal requirements.
  "legal.requirements_created": {
    area: "legal",
    de: "– die gesetzlichen Anforderungen wurden angelegt",
    en: "– the legal requirements were set up",
    link: "/legal",
  },
  "legal.requirement_updated": {
    area: "legal",
    de: "hat eine gesetzliche Anforderung bearbeitet",
    en: "updated a legal requirement",
    link: LEGAL,
  },
  "legal.step_updated": {
    area: "legal",
    de: "hat einen Schritt einer Anforderung bearbeitet",
    en: "updated a step of a requirement",
    link: LEGAL,
  },
  "legal.steps_reopened": {
    area: "legal",
    de: "– Schritte einer Anforderung wurden wieder geöffnet",
    en: "– steps of a requirement were reopened",
    link: LEGAL,
  },
  "legal.evidence_added": { area: "legal", de: "hat einen Nachweis hochgeladen", en: "uploaded evidence", link: LEGAL },
  "legal.measure_created": {
    area: "legal",
    de: "hat eine Maßnahme zu einer Anforderung angelegt",
    en: "added a measure to a requirement",
    link: LEGAL,
  },
  "legal.measure_updated": {
    area: "legal",
    de: "hat eine Maßnahme zu einer Anforderung geändert",
    en: "changed a measure of a requirement",
    link: LEGAL,
  },
  "legal.completed": { area: "legal", de: "hat eine gesetzliche Anforderung erledigt", en: "completed a legal requirement", link: LEGAL },
  "legal.reopened": {
    area: "legal",
    de: "– eine gesetzliche Anforderung ist wieder offen",
    en: "– a legal requirement is open again",
    link: LEGAL,
  },
  "legal.result_withdrawn": {
    area: "legal",
    de: "– ein zurückgenommenes Ergebnis wurde aus einer Anforderung entfernt",
    en: "– a withdrawn result was taken out of a requirement",
    link: LEGAL,
  },

  // Employees and their access.
  "employee.created": { area: "employees", de: "hat eine Person angelegt", en: "added an employee", link: "/employees" },
  "employee.updated": {
    area: "employees",
    de: "hat die Angaben einer Person geändert",
    en: "changed an employee's details",
    link: "/employees",
  },
  "employee.deactivated": { area: "employees", de: "hat eine Person deaktiviert", en: "deactivated an employee", link: "/employees" },
  "employee.reactivated": { area: "employees", de: "hat eine Person wieder aktiviert", en: "reactivated an employee", link: "/employees" },
  "employees.imported": {
    area: "employees",
    de: "hat eine Beschäftigtenliste importiert",
    en: "imported an employee list",
    link: "/employees",
  },
  "employee.sign_in_link_sent": {
    area: "employees",
    de: "– ein Anmeldelink wurde verschickt",
    en: "– a sign-in link was sent",
    link: "/employees",
  },
  "employee.signed_in_by_link": {
    area: "employees",
    de: "hat sich mit einem Anmeldelink angemeldet",
    en: "signed in with a sign-in link",
    link: "/employees",
  },
  "join_link.created": { area: "employees", de: "hat einen Beitrittslink erstellt", en: "created a join link", link: "/employees" },
  "join_link.rotated": { area: "employees", de: "hat den Beitrittslink erneuert", en: "renewed the join link", link: "/employees" },
  "join_link.disabled": { area: "employees", de: "hat den Beitrittslink deaktiviert", en: "disabled the join link", link: "/employees" },
  "sso.configured": {
    area: "organization",
    de: "hat die Firmen-Anmeldung (SSO) eingerichtet",
    en: "configured company sign-in (SSO)",
    link: "/settings/sso",
  },
  "sso.updated": {
    area: "organization",
    de: "hat die Firmen-Anmeldung (SSO) geändert",
    en: "changed company sign-in (SSO)",
    link: "/settings/sso",
  },
  "sso.removed": {
    area: "organization",
    de: "hat die Firmen-Anmeldung (SSO) entfernt",
    en: "removed company sign-in (SSO)",
    link: "/settings/sso",
  },
  "sso.signed_in": {
    area: "organization",
    de: "hat sich mit dem Firmen-Login angemeldet",
    en: "signed in with the company login",
    link: "/settings/sso",
  },

  // Organization and team.
  "organization.created": { area: "organization", de: "hat die Organisation angelegt", en: "created the organization", link: "/settings" },
  "organization.profile_updated": {
    area: "organization",
    de: "hat das Unternehmensprofil geändert",
    en: "changed the company profile",
    link: "/settings",
  },
  "invitation.created": {
    area: "organization",
    de: "hat eine Person ins Team eingeladen",
    en: "invited someone to the team",
    link: "/team",
  },
  "invitation.accepted": {
    area: "organization",
    de: "hat eine Einladung ins Team angenommen",
    en: "accepted an invitation to the team",
    link: "/team",
  },
  "invitation.canceled": { area: "organization", de: "hat eine Einladung zurückgezogen", en: "withdrew an invitation", link: "/team" },

  // Marketplace (partners).
  // The partner buddy's kept conversations (ADR 0023): only that deletions happened, never what was asked.
  "buddy.conversation_deleted": {
    area: "marketplace",
    de: "hat eine Unterhaltung mit dem Partner-Buddy gelöscht",
    en: "deleted a conversation with the partner buddy",
  },
  "buddy.conversations_deleted": {
    area: "marketplace",
    de: "hat alle eigenen Unterhaltungen mit dem Partner-Buddy gelöscht",
    en: "deleted all own conversations with the partner buddy",
  },
  "buddy.conversations_expired": {
    area: "marketplace",
    de: "hat Unterhaltungen mit dem Partner-Buddy nach Ablauf der Aufbewahrungsfrist gelöscht",
    en: "deleted conversations with the partner buddy after their retention period",
  },
  "offering.created": {
    area: "marketplace",
    de: "hat ein Angebot im Marktplatz angelegt",
    en: "created a marketplace offering",
    link: "/partner/offerings",
  },
  "offering.updated": {
    area: "marketplace",
    de: "hat ein Angebot im Marktplatz geändert",
    en: "changed a marketplace offering",
    link: "/partner/offerings",
  },
  "offering.status_changed": {
    area: "marketplace",
    de: "hat den Status eines Angebots im Marktplatz geändert",
    en: "changed a marketplace offering's status",
    link: "/partner/offerings",
  },
  "provider_profile.updated": {
    area: "marketplace",
    de: "hat das Partnerprofil geändert",
    en: "changed the partner profile",
    link: "/partner/profile",
  },
  // Proactive partner suggestions (issue 15, 5.5).
  "proactive_suggestion.dismissed": {
    area: "marketplace",
    de: "hat einen Partnervorschlag ausgeblendet",
    en: "dismissed a partner suggestion",
    link: "/partner-suggestions",
  },
  "proactive_digest.updated": {
    area: "marketplace",
    de: "hat die wöchentliche E-Mail mit Partnervorschlägen geändert",
    en: "changed the weekly partner suggestion e-mail",
    link: "/partner-suggestions",
  },

  // Partner API keys.
  // Partner webhooks.
  "webhook_endpoint.created": { area: "partner_api", de: "hat einen Webhook angelegt", en: "added a webhook", link: "/partner/webhooks" },
  "webhook_endpoint.updated": { area: "partner_api", de: "hat einen Webhook geändert", en: "changed a webhook", link: "/partner/webhooks" },
  "webhook_endpoint.deleted": { area: "partner_api", de: "hat einen Webhook gelöscht", en: "deleted a webhook", link: "/partner/webhooks" },
  "webhook_endpoint.secret_rotated": {
    area: "partner_api",
    de: "hat das Geheimnis eines Webhooks erneuert",
    en: "rotated a webhook's secret",
    link: "/partner/webhooks",
  },
  "webhook_endpoint.test_sent": {
    area: "partner_api",
    de: "hat ein Testereignis gesendet",
    en: "sent a test event",
    link: "/partner/webhooks",
  },
  "webhook_endpoint.disabled": {
    area: "partner_api",
    de: "hat einen Webhook nach wiederholten Fehlern abgeschaltet",
    en: "disabled a webhook after repeated failures",
    link: "/partner/webhooks",
  },
  "api_key.created": { area: "partner_api", de: "hat einen API-Schlüssel erstellt", en: "created an API key", link: "/partner/api-keys" },
  "api_key.revoked": { area: "partner_api", de: "hat einen API-Schlüssel widerrufen", en: "revoked an API key", link: "/partner/api-keys" },
  "api_key.read": {
    area: "partner_api",
    de: "hat Daten über die Partner-API abgerufen",
    en: "read data through the partner API",
    link: "/partner/api-keys",
  },
  "api_key.refused": {
    area: "partner_api",
    de: "– ein Abruf über die Partner-API wurde abgewiesen",
    en: "– a partner API request was refused",
    link: "/partner/api-keys",
  },
} as const satisfies Record<string, AuditActionDef>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}

/** The action strings of one area, for filtering the log in SQL. */
export function auditActionsOfArea(area: AuditArea): AuditAction[] {
  return (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((a) => AUDIT_ACTIONS[a].area === area);
}

/**
 * The app path an entry links to, or null when the action has no link or the entry lacks a value the
 * pattern needs (an older entry, another entity type).
 */
export function auditLink(entry: {
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
}): string | null {
  if (!isAuditAction(entry.action)) return null;
  const def: AuditActionDef = AUDIT_ACTIONS[entry.action];
  const pattern = typeof def.link === "string" ? def.link : def.link?.[entry.entityType];
  if (!pattern) return null;
  let complete = true;
  const path = pattern.replace(/:(entityId|details\.[A-Za-z_]\w*)/g, (_m, field: string) => {
    const value = field === "entityId" ? entry.entityId : entry.details[field.slice("details.".length)];
    if ((typeof value !== "string" && typeof value !== "number") || value === "") {
      complete = false;
      return "";
    }
    return encodeURIComponent(String(value));
  });
  return complete ? path : null;
}
