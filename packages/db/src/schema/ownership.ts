/**
 * Which module owns which table (or view). The owner is the module that writes it; every other module
 * reads that data through the owner's `index.ts`, never through the table. `apps/api/test/module-boundaries.test.ts`
 * checks the imports of `@bgm/db` against this map, and `docs/architecture.md` lists it.
 *
 * - `shared`: the identity tables every module may read (the session's user, organization and membership).
 * - `platform`: code outside `apps/api/src/modules` (lib/, plugins/, startup/): better-auth's own tables
 *   the mail outbox written by `lib/mailer.ts` and the rate-limit counters of `lib/rate-limit-store.ts`.
 * - any other value: the folder name of a module under `apps/api/src/modules`.
 */
export const SHARED = "shared";
export const PLATFORM = "platform";

export const TABLE_OWNERS = {
  // Identity, shared by all (auth.ts).
  user: SHARED,
  organization: SHARED,
  member: SHARED,
  session: SHARED,
  // better-auth's own bookkeeping (auth.ts), reached only through lib/auth.ts and startup checks.
  account: PLATFORM,
  verification: PLATFORM,
  // organizations.ts: better-auth's organization plugin declares it, but only the organizations module writes it.
  invitation: "organizations",
  // mail.ts: lib/mailer.ts writes the outbox when no SMTP server is configured.
  outbox_mail: PLATFORM,
  // idempotency.ts: lib/idempotency.ts keeps the Idempotency-Keys of creating POSTs, for every module.
  idempotency_key: PLATFORM,
  // jobs.ts: the job queue, written by lib/jobs.ts; modules enqueue through it.
  job: PLATFORM,
  // rate-limit.ts: lib/rate-limit-store.ts counts the request limits of every API node here.
  rate_limit: PLATFORM,
  // audit.ts
  audit_log: "audit",
  // bgm-process.ts (planned_intervention is phase 3 planning, written by bgm-process when a plan lands).
  bgm_project: "bgm-process",
  bgm_task: "bgm-process",
  goal: "bgm-process",
  kpi_card: "bgm-process",
  planned_intervention: "bgm-process",
  // data-grants.ts
  data_grant: "data-grants",
  data_access_log: "data-grants",
  // employees.ts
  employee: "employees",
  // employee-access.ts: the company's join link for employees without an account.
  company_join_link: "employee-access",
  // engagements.ts
  engagement: "engagements",
  quote: "engagements",
  engagement_event: "engagements",
  // files.ts
  stored_file: "files",
  // legal.ts
  legal_requirement: "legal",
  legal_requirement_step: "legal",
  legal_measure: "legal",
  legal_requirement_event: "legal",
  // health-days.ts: the day and its stations; the stations' time slots are participation sessions.
  health_day: "health-days",
  health_day_module: "health-days",
  // health-days-checkin.ts: the scans of the day's check-in (tickets are signed, not stored).
  health_day_check_in: "health-days",
  // health-day-mailings.ts: who was invited to a day, and the reminder the day before (a marker per slot and person).
  health_day_invitation: "health-days",
  health_day_reminder: "health-days",
  // health-day-feedback.ts: anonymous ratings per station, and apart from them who answered (ADR 0016).
  health_day_feedback: "health-days",
  health_day_feedback_given: "health-days",
  // marketplace.ts (published_offering is a view over offering)
  provider_profile: "marketplace",
  offering: "marketplace",
  published_offering: "marketplace",
  // buddy.ts: the partner buddy's conversations, per user (ADR 0023).
  buddy_conversation: "matching",
  buddy_turn: "matching",
  // messaging.ts: the messages of an engagement's thread, their files and each side's read marker.
  engagement_message: "messaging",
  engagement_message_attachment: "messaging",
  engagement_message_read: "messaging",
  // notifications.ts
  notification: "notifications",
  // partner-access.ts
  api_key: "partner-access",
  // results.ts
  partner_result: "results",
  partner_result_landing: "results",
  partner_result_file: "results",
  // participation.ts: interventions, their bookable sessions and employees' places in them.
  intervention: "participation",
  participation_session: "participation",
  participation: "participation",
  participation_session_count: "participation",
  participation_settings: "participation",
  // proactive-suggestions.ts: suggestions made without being asked, the notices sent and the digest opt-ins (ADR 0022).
  proactive_suggestion: "proactive-suggestions",
  proactive_notice: "proactive-suggestions",
  proactive_digest: "proactive-suggestions",
  // result-evidence.ts
  result_evidence: "result-evidence",
  // webhooks.ts: partners' endpoints, their deliveries and every try.
  webhook_endpoint: "webhooks",
  webhook_delivery: "webhooks",
  webhook_attempt: "webhooks",
  // sso.ts: a company's OpenID Connect provider and its e-mail domains (ADR 0021).
  company_sso: "sso",
  company_sso_domain: "sso",
  // suggestion-stats.ts: daily counters of suggested/opened/requested per offering, read by its provider (ADR 0024).
  suggestion_stat: "suggestion-stats",
  suggestion_event: "suggestion-stats",
} as const satisfies Record<string, string>;

export type TableName = keyof typeof TABLE_OWNERS;
export type TableOwner = (typeof TABLE_OWNERS)[TableName];
