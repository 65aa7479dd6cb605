import { z } from "zod";
import { COMPANY_ROLES } from "../registries/roles.js";
import { Timestamp } from "./common.js";

/**
 * Company SSO (issue 17, ADR 0021): a company's OpenID Connect provider. Its users (by e-mail domain) sign in
 * with it; the first sign-in makes them members (default role, or a role mapped from a claim). The client
 * secret is write-only: the API stores it sealed and never returns it.
 */
export const CompanyRole = z.enum(COMPANY_ROLES);

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(253)
  .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "an e-mail domain like firma.de");

export const SsoConfigInput = z.strictObject({
  issuer: z.url().max(500).describe("The provider's issuer URL; its discovery document is at {issuer}/.well-known/openid-configuration"),
  clientId: z.string().trim().min(1).max(255),
  clientSecret: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe("Write-only. Required when the company has no provider yet; omitted on an update, the stored one is kept"),
  domains: z.array(Domain).min(1).max(20).describe("E-mail domains that sign in with this provider; one company per domain"),
  defaultRole: CompanyRole.default("employee").describe("The role of a user who signs in for the first time"),
  roleClaim: z.string().trim().min(1).max(100).nullable().default(null).describe("ID-token claim to map roles from (e.g. `groups`)"),
  roleMapping: z
    .record(z.string().min(1).max(200), CompanyRole)
    .default({})
    .refine((m) => Object.keys(m).length <= 50, "at most 50 entries")
    .describe("Claim value → role; the first match wins over the default role"),
  passwordSignInDisabled: z.boolean().default(false).describe("Refuse e-mail/password sign-in for addresses of these domains"),
});
export type SsoConfigInput = z.infer<typeof SsoConfigInput>;

export const SsoConfig = z.object({
  issuer: z.string(),
  clientId: z.string(),
  hasClientSecret: z.literal(true).describe("The secret is stored; it is never returned"),
  domains: z.array(z.string()),
  defaultRole: CompanyRole,
  roleClaim: z.string().nullable(),
  roleMapping: z.record(z.string(), CompanyRole),
  passwordSignInDisabled: z.boolean(),
  redirectUri: z.string().describe("The redirect URI to register with the provider"),
  updatedAt: Timestamp,
});
export type SsoConfig = z.infer<typeof SsoConfig>;

export const SsoConfigState = z.object({ config: SsoConfig.nullable(), redirectUri: z.string() });
export type SsoConfigState = z.infer<typeof SsoConfigState>;

export const SsoTestInput = z.strictObject({ issuer: z.url().max(500) });
export const SsoTestResult = z.object({
  ok: z.boolean(),
  issuer: z.string().nullable(),
  authorizationEndpoint: z.string().nullable(),
  message: z.string().nullable().describe("Why the discovery document could not be used"),
});
export type SsoTestResult = z.infer<typeof SsoTestResult>;

export const SsoDiscoverInput = z.strictObject({ email: z.email().max(254) });
export const SsoDiscovery = z.object({
  sso: z.boolean().describe("The address's domain signs in with its company's provider"),
  passwordSignIn: z.boolean().describe("false: e-mail/password sign-in is switched off for this domain"),
});
export type SsoDiscovery = z.infer<typeof SsoDiscovery>;

export const SsoStartQuery = z.strictObject({ email: z.email().max(254) });
export const SsoCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
  iss: z.string().max(500).optional(),
});
