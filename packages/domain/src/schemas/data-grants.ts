import { z } from "zod";
import { ShortText, Timestamp } from "./common.js";
import { EngagementStatusSchema } from "./engagements.js";
import { CursorQuery, cursorPage, wholeList } from "./lists.js";

/** Scope keys travel as plain strings: an unknown key must reach the service to be refused by name (422). */
export const ScopeKeyParam = z.string().trim().min(1).max(64);

const LocalizedText = z.object({ de: z.string(), en: z.string() });

export const Narrowing = z.strictObject({
  departments: z.array(ShortText).max(200).optional(),
  employeeIds: z.array(z.uuid()).max(10_000).optional(),
});

export const GRANT_STATES = ["active", "expired", "revoked", "replaced", "ended"] as const;
export const GrantState = z.enum(GRANT_STATES);

export const DataGrant = z.object({
  id: z.uuid(),
  engagementId: z.uuid(),
  providerOrgId: z.string(),
  providerName: z.string(),
  offeringTitle: z.string().nullable(),
  scopeKey: z.string(),
  scopeVersion: z.number().int(),
  label: LocalizedText,
  sensitivity: z.enum(["low", "medium", "high"]).nullable(),
  fields: z.array(z.string()),
  purpose: LocalizedText,
  preview: LocalizedText.describe("The preview exactly as shown when the grant was given"),
  narrowing: Narrowing,
  grantedByName: z.string().nullable(),
  grantedAt: Timestamp,
  expiresAt: Timestamp,
  revokedByName: z.string().nullable(),
  revokedAt: Timestamp.nullable(),
  endReason: z.string().nullable(),
  state: GrantState,
});

export const DataRequestScope = z.object({
  key: z.string(),
  version: z.number().int(),
  label: LocalizedText,
  description: LocalizedText,
  purpose: LocalizedText,
  sensitivity: z.enum(["low", "medium", "high"]),
  personalData: z.boolean(),
  fields: z.array(z.string()),
  narrowable: z.boolean(),
  preview: LocalizedText.extend({ count: z.number().int() }).describe("Computed now from the company's current data"),
  currentGrant: DataGrant.nullable(),
  /** The company's last answer for this scope was "no" (and it has not granted it since): decided, not open. */
  declinedAt: Timestamp.nullable(),
  /** The company revoked its last grant of this scope (and has not granted or declined it since): decided, not open. */
  revokedAt: Timestamp.nullable(),
});

export const DataRequest = z.object({
  engagementId: z.uuid(),
  engagementStatus: EngagementStatusSchema,
  providerName: z.string(),
  offeringTitle: z.string().nullable(),
  /** Grants can be given only while the engagement is accepted, in progress or delivered. */
  canGrant: z.boolean(),
  scopes: z.array(DataRequestScope),
  defaultExpiresAt: Timestamp,
  maxExpiresAt: Timestamp,
});

export const GrantDecision = z.strictObject({
  scopeKey: ScopeKeyParam,
  grant: z.boolean(),
  confirmHighSensitivity: z.boolean().optional(),
  narrowing: Narrowing.optional(),
});

export const GrantRequest = z.strictObject({
  decisions: z.array(GrantDecision).min(1).max(50),
  expiresAt: Timestamp.describe("In the future and at most 12 months ahead"),
});

export const GrantResult = z.object({
  engagementId: z.uuid(),
  granted: z.array(DataGrant),
  declined: z.array(z.string()),
});

/**
 * Why a partner request was refused, as the access log records it (the API's denials and API-key refusals).
 * The log's `reason` stays a string: an entry keeps the code it was written with.
 */
export const ACCESS_DENIAL_REASONS = [
  "foreign_engagement",
  "unknown_scope",
  "scope_not_requested",
  "engagement_ended",
  "no_grant",
  "revoked",
  "expired",
  "scope_changed",
  "bad_key",
  "key_revoked",
  "key_expired",
] as const;
export type AccessDenialReason = (typeof ACCESS_DENIAL_REASONS)[number];

export const AccessLogEntry = z.object({
  id: z.number().int(),
  at: Timestamp,
  engagementId: z.uuid().nullable(),
  grantId: z.uuid().nullable(),
  scopeKey: z.string(),
  outcome: z.enum(["served", "denied"]),
  reason: z.string().nullable(),
  recordCount: z.number().int(),
  format: z.string().nullable(),
  via: z.enum(["session", "api_key", "unknown"]),
  actorName: z.string().nullable(),
});

/** How many of the latest requests the overview shows per grant; the rest is in the paged access log. */
export const RECENT_ACCESS_MAX = 5;

/**
 * Totals over the whole log and only its latest few entries: the overview stays the same size however
 * often a partner calls. Every entry is in `GET /api/data-grants/access-log`.
 */
export const AccessDigest = z.object({
  served: z.number().int().describe("Requests served, over the whole log"),
  denied: z.number().int().describe("Requests refused, over the whole log"),
  lastServedAt: Timestamp.nullable(),
  lastAt: Timestamp.nullable().describe("The latest request, served or refused"),
  recent: z.array(AccessLogEntry).max(RECENT_ACCESS_MAX).describe(`The latest ${RECENT_ACCESS_MAX} requests at most, newest first`),
});

export const PartnerGrants = z.object({
  providerOrgId: z.string(),
  providerName: z.string(),
  grants: z.array(DataGrant.extend({ access: AccessDigest })),
  /** Requests that name no grant of this company (e.g. a scope that was never granted). */
  otherAttempts: AccessDigest,
});
export const DataGrantOverview = z.object({ partners: z.array(PartnerGrants) });

/** One request in the company's access log, with the partner that made it. */
export const AccessLogItem = AccessLogEntry.extend({ providerOrgId: z.string(), providerName: z.string() });
export const AccessLogList = cursorPage(AccessLogItem);
export const AccessLogQuery = CursorQuery.extend({
  grantId: z.uuid().optional().describe("Only requests on this grant"),
  providerOrgId: z.string().min(1).max(64).optional().describe("Only requests of this partner"),
  outcome: z.enum(["served", "denied"]).optional(),
});
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;

export const DataDisclosure = z.object({
  grantId: z.uuid().nullable().describe("The grant under which the data was served"),
  providerName: z.string(),
  scopeKey: z.string(),
  scopeLabel: LocalizedText,
  fields: z.array(z.string()),
  purpose: LocalizedText.nullable().describe("The purpose the company stated when it granted the data"),
  state: DataGrant.shape.state.nullable().describe("Whether the partner may still fetch it: active, revoked, expired, ended, replaced"),
  expiresAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
  deliveries: z.number().int().min(1).describe("How often the partner fetched it"),
  firstAt: Timestamp.describe("The first delivery"),
  at: Timestamp.describe("The latest delivery"),
});
export const DataDisclosureList = cursorPage(DataDisclosure);

export const ApiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
  state: z.enum(["active", "expired", "revoked"]),
});
export const ApiKeyList = cursorPage(ApiKey);
export const CreateApiKey = z.strictObject({
  name: ShortText,
  expiresAt: Timestamp.optional(),
});
export const CreatedApiKey = ApiKey.extend({
  key: z.string().describe("The plaintext key. Shown only in this answer; store it now."),
});

export const PartnerDataParams = z.strictObject({ id: z.uuid(), scope: ScopeKeyParam });
export const CsvDialect = z
  .enum(["excel", "rfc4180"])
  .describe("CSV convention: `excel` = `;`-separated with a UTF-8 BOM (German Excel); `rfc4180` = `,`-separated, no BOM");
export type CsvDialect = z.infer<typeof CsvDialect>;
export const PartnerDataQuery = z.strictObject({
  format: z
    .enum(["json", "csv", "xlsx"])
    .default("json")
    .describe(
      "`json` (default), `csv` (see `dialect`) or `xlsx` (sheet „Daten“ with the field keys as columns, sheet „Felder“ explaining them)",
    ),
  dialect: CsvDialect.default("excel"),
});
/** Head counts are numbers; a withheld one is null with `suppressed: true` (ADR 0007), never a "< 5" string. */
export const DepartmentStructureRecord = z
  .strictObject({
    department: z.string(),
    size: z.number().int().min(0).nullable().describe("The department's own head count; null when withheld"),
    suppressed: z.boolean().describe("true when `size` is withheld (below 5, or combined to protect a department below 5)"),
    combinedGroup: z.string().nullable().describe('For a withheld department: the combined group it is counted in ("Sonstige")'),
    combinedSize: z.number().int().min(0).nullable().describe("The combined group's head count (at least 5); null when counted nowhere"),
  })
  .describe("department_structure (version 2)");
export const EmployeeCountRecord = z
  .strictObject({
    employeeCount: z.number().int().min(0).nullable().describe("Active employees; null when withheld (it would reveal a group below 5)"),
  })
  .describe("employee_count");

export const PartnerData = z.object({
  scope: z.string(),
  fields: z.array(z.string()),
  grantedAt: Timestamp,
  expiresAt: Timestamp,
  records: z.array(
    z.union([
      DepartmentStructureRecord,
      EmployeeCountRecord,
      z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).describe("Other scopes: one value per field"),
    ]),
  ),
});

/**
 * A grant as the partner sees it: which scope, which fields, for what purpose, until when, and its
 * state. No names of the company's people and no narrowing details (those are the company's).
 */
export const PartnerGrant = z.object({
  id: z.uuid(),
  scopeKey: z.string(),
  label: z.object({ de: z.string(), en: z.string() }),
  fields: z.array(z.string()),
  purpose: z.object({ de: z.string(), en: z.string() }),
  narrowed: z.boolean().describe("The company limited the scope to some departments or people"),
  grantedAt: Timestamp,
  expiresAt: Timestamp,
  revokedAt: Timestamp.nullable(),
  state: GrantState,
  /** Where to fetch the data while the grant is active. */
  dataPath: z.string(),
});
export const PartnerGrantList = wholeList(PartnerGrant);
