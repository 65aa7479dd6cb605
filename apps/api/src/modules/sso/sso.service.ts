import { type Database, withTenantTx } from "@bgm/db";
import type { SsoConfigInput, SsoConfigState, SsoDiscovery, SsoTestResult } from "@bgm/domain";
import * as oidc from "openid-client";
import { isLoopback } from "../../config.js";
import { AppError } from "../../lib/app-error.js";
import type { Auth } from "../../lib/auth.js";
import type { TenantScope } from "../../lib/request-context.js";
import { makeTenantScope, type ScopeMeta } from "../../lib/tenant-scope.js";
import { linkEmployeeAccount } from "../employees/index.js";
import { joinCompanyAsEmployee } from "../organizations/index.js";
import { seal, unseal } from "./seal.js";
import * as repo from "./sso.repository.js";

const ENTITY = "company_sso";
const SECRET_PURPOSE = "client-secret";
const STATE_PURPOSE = "state";
/** How long a started sign-in may take at the provider. */
export const STATE_TTL_S = 600;
export const CALLBACK_PATH = "/api/sso/callback";

export interface SsoDeps {
  db: Database;
  auth: Auth;
  appUrl: string;
  secret: string;
  /** http:// issuers on loopback (tests, a local provider); never in production. */
  allowHttpLoopbackIssuer: boolean;
  /** Seconds added to this server's clock when checking tokens (tests of expiry); 0 normally. */
  clockSkewS: number;
}

export const redirectUri = (appUrl: string) => `${appUrl}${CALLBACK_PATH}`;
const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/** https, or http on a loopback address where allowed; anything else is refused before any request is made. */
function checkIssuerUrl(issuer: string, allowHttpLoopback: boolean): URL {
  const url = new URL(issuer);
  if (url.username || url.password || url.search || url.hash)
    throw AppError.unprocessable("The issuer URL must have no credentials, query or fragment");
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && allowHttpLoopback && isLoopback(url.hostname)) return url;
  throw AppError.unprocessable("The issuer URL must use https");
}

// ---- The company admin's side ----------------------------------------------------------------------------

export async function getConfig(scope: TenantScope, appUrl: string): Promise<SsoConfigState> {
  const found = await repo.findConfig(scope.tx, scope.orgId);
  return { config: found ? toConfig(found.row, found.domains, appUrl) : null, redirectUri: redirectUri(appUrl) };
}

function toConfig(row: repo.SsoRow, domains: string[], appUrl: string): NonNullable<SsoConfigState["config"]> {
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    hasClientSecret: true,
    domains,
    defaultRole: row.defaultRole as "employee" | "bgm_manager",
    roleClaim: row.roleClaim,
    roleMapping: row.roleMapping as Record<string, "employee" | "bgm_manager">,
    passwordSignInDisabled: row.passwordSignInDisabled,
    redirectUri: redirectUri(appUrl),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Before the company's transaction (the owner's connection; the one connection of the embedded database is
 * not free inside it): the domains another company claimed, named in the 409. The primary key still decides
 * a race between two companies.
 */
export async function checkDomainsFree(db: Database, orgId: string, domains: string[]): Promise<void> {
  const claimed = await repo.domainsClaimedElsewhere(db, orgId, [...new Set(domains)]);
  if (claimed.length) throw AppError.conflict("Another company signs in with these e-mail domains", { domains: claimed });
}

export async function saveConfig(
  scope: TenantScope,
  deps: Pick<SsoDeps, "appUrl" | "secret" | "allowHttpLoopbackIssuer">,
  input: SsoConfigInput,
): Promise<SsoConfigState> {
  checkIssuerUrl(input.issuer, deps.allowHttpLoopbackIssuer);
  const domains = [...new Set(input.domains)].sort();
  const existing = await repo.findConfig(scope.tx, scope.orgId);
  if (!existing && !input.clientSecret)
    throw AppError.unprocessable("The client secret is required for a new provider", { field: "clientSecret" });
  const row = await repo.upsertConfig(scope.tx, {
    orgId: scope.orgId,
    issuer: input.issuer.replace(/\/+$/, ""),
    clientId: input.clientId,
    clientSecretSealed: input.clientSecret
      ? seal(deps.secret, SECRET_PURPOSE, input.clientSecret)
      : (existing?.row.clientSecretSealed as string),
    defaultRole: input.defaultRole,
    roleClaim: input.roleClaim,
    roleMapping: input.roleMapping,
    passwordSignInDisabled: input.passwordSignInDisabled,
    updatedBy: scope.userId,
  });
  try {
    await repo.replaceDomains(scope.tx, scope.orgId, domains);
  } catch (err) {
    // Two companies claiming one domain at the same moment: the primary key decides.
    if ((err as { cause?: { code?: string } }).cause?.code === "23505" || (err as { code?: string }).code === "23505") {
      throw AppError.conflict("Another company signs in with these e-mail domains");
    }
    throw err;
  }
  await scope.audit({
    action: existing ? "sso.updated" : "sso.configured",
    entityType: ENTITY,
    entityId: scope.orgId,
    // Never the secret; whether it changed, and what a reviewer needs to see.
    details: {
      issuer: row.issuer,
      clientId: row.clientId,
      domains,
      defaultRole: row.defaultRole,
      roleClaim: row.roleClaim,
      passwordSignInDisabled: row.passwordSignInDisabled,
      clientSecretChanged: Boolean(input.clientSecret),
    },
  });
  return { config: toConfig(row, domains, deps.appUrl), redirectUri: redirectUri(deps.appUrl) };
}

export async function removeConfig(scope: TenantScope, appUrl: string): Promise<SsoConfigState> {
  if (!(await repo.deleteConfig(scope.tx, scope.orgId))) throw AppError.notFound("SSO configuration");
  await scope.audit({ action: "sso.removed", entityType: ENTITY, entityId: scope.orgId });
  return { config: null, redirectUri: redirectUri(appUrl) };
}

/** Fetches the issuer's discovery document: does it answer, and does it name this issuer? */
export async function testIssuer(issuer: string, allowHttpLoopback: boolean): Promise<SsoTestResult> {
  const url = checkIssuerUrl(issuer, allowHttpLoopback);
  const base = url.href.replace(/\/+$/, "");
  try {
    const res = await fetch(`${base}/.well-known/openid-configuration`, { redirect: "error", signal: AbortSignal.timeout(5000) });
    if (!res.ok) return { ok: false, issuer: null, authorizationEndpoint: null, message: `The discovery document answered ${res.status}` };
    const doc = (await res.json()) as { issuer?: unknown; authorization_endpoint?: unknown };
    const named = typeof doc.issuer === "string" ? doc.issuer : null;
    const auth = typeof doc.authorization_endpoint === "string" ? doc.authorization_endpoint : null;
    if (!named || named.replace(/\/+$/, "") !== base) {
      return { ok: false, issuer: named, authorizationEndpoint: auth, message: "The discovery document names another issuer" };
    }
    if (!auth)
      return { ok: false, issuer: named, authorizationEndpoint: null, message: "The discovery document has no authorization endpoint" };
    return { ok: true, issuer: named, authorizationEndpoint: auth, message: null };
  } catch {
    return { ok: false, issuer: null, authorizationEndpoint: null, message: "The discovery document could not be fetched" };
  }
}

// ---- The sign-in side -------------------------------------------------------------------------------------

/** What the sign-in page needs to know about an address: SSO or not, password or not. Says nothing about the person. */
export async function discover(db: Database, email: string): Promise<SsoDiscovery> {
  const cfg = await repo.findByDomainOutsideTenant(db, domainOf(email));
  return { sso: Boolean(cfg), passwordSignIn: !cfg?.passwordSignInDisabled };
}

/** For better-auth's hook: is password sign-in switched off for this address's domain? */
export async function passwordSignInDisabled(db: Database, email: string): Promise<boolean> {
  const cfg = await repo.findByDomainOutsideTenant(db, domainOf(email));
  return Boolean(cfg?.passwordSignInDisabled);
}

/** Why a sign-in was refused; the code goes to the sign-in page, the reason to the log (no personal data). */
export class SsoRefused extends Error {
  constructor(
    public readonly code: "not_configured" | "state_invalid" | "provider_error" | "token_rejected" | "domain_not_allowed" | "email_missing",
    reason: string,
  ) {
    super(reason);
  }
}

async function clientConfig(deps: SsoDeps, cfg: repo.SsoRow): Promise<oidc.Configuration> {
  const issuerUrl = checkIssuerUrl(cfg.issuer, deps.allowHttpLoopbackIssuer);
  const clientSecret = unseal(deps.secret, SECRET_PURPOSE, cfg.clientSecretSealed);
  if (clientSecret === null) throw new SsoRefused("provider_error", "client secret unreadable (AUTH_SECRET changed?)");
  const insecure = issuerUrl.protocol === "http:";
  try {
    return await oidc.discovery(
      issuerUrl,
      cfg.clientId,
      { client_secret: clientSecret, [oidc.clockSkew]: deps.clockSkewS, [oidc.clockTolerance]: 0 } as Partial<oidc.ClientMetadata>,
      oidc.ClientSecretBasic(clientSecret),
      { ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}), timeout: 10 },
    );
  } catch (err) {
    throw new SsoRefused("provider_error", `discovery failed: ${(err as Error).message}`);
  }
}

interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  orgId: string;
  domain: string;
  exp: number;
}

/** Starts the authorization code flow: the provider's URL, and the sealed state for the cookie. */
export async function startSignIn(deps: SsoDeps, email: string): Promise<{ url: string; stateCookie: string }> {
  const domain = domainOf(email);
  const cfg = await repo.findByDomainOutsideTenant(deps.db, domain);
  if (!cfg) throw new SsoRefused("not_configured", "no provider for this domain");
  const config = await clientConfig(deps, cfg);
  const pending: PendingSignIn = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    orgId: cfg.orgId,
    domain,
    exp: Math.floor(Date.now() / 1000) + STATE_TTL_S,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(deps.appUrl),
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
    login_hint: email,
  });
  return { url: url.href, stateCookie: seal(deps.secret, STATE_PURPOSE, JSON.stringify(pending)) };
}

function roleFor(cfg: repo.SsoRow, claims: Record<string, unknown>): "employee" | "bgm_manager" {
  const mapping = cfg.roleMapping as Record<string, "employee" | "bgm_manager">;
  if (cfg.roleClaim) {
    const raw = claims[cfg.roleClaim];
    const values = Array.isArray(raw) ? raw : [raw];
    for (const v of values) {
      if (typeof v === "string" && Object.hasOwn(mapping, v)) return mapping[v] as "employee" | "bgm_manager";
    }
  }
  return cfg.defaultRole as "employee" | "bgm_manager";
}

/**
 * The provider sent the browser back: exchange the code (PKCE, state, nonce; openid-client checks the ID
 * token's signature, issuer, audience, expiry and nonce), check the address's domain is this company's, sign
 * in, and make the user a member (JIT) linked to the employee register entry of the same address.
 */
export async function completeSignIn(
  deps: SsoDeps,
  currentUrl: URL,
  stateCookie: string | null,
  headers: Headers,
  meta: ScopeMeta,
): Promise<{ cookies: string[]; orgId: string }> {
  const raw = stateCookie ? unseal(deps.secret, STATE_PURPOSE, stateCookie) : null;
  const pending = raw ? (JSON.parse(raw) as PendingSignIn) : null;
  if (!pending || pending.exp < Math.floor(Date.now() / 1000)) throw new SsoRefused("state_invalid", "no or expired sign-in state");
  const cfg = await repo.findByDomainOutsideTenant(deps.db, pending.domain);
  if (!cfg || cfg.orgId !== pending.orgId) throw new SsoRefused("not_configured", "provider removed or moved during sign-in");
  const config = await clientConfig(deps, cfg);

  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = (tokens.claims() ?? {}) as Record<string, unknown>;
  } catch (err) {
    const e = err as Error & { error?: string; code?: string };
    throw new SsoRefused(e.error ? "provider_error" : "token_rejected", `${e.code ?? e.name}: ${e.error ?? e.message}`);
  }

  const email = typeof claims.email === "string" ? claims.email.toLowerCase() : null;
  if (!email || claims.email_verified === false) throw new SsoRefused("email_missing", "ID token has no verified e-mail");
  const owner = await repo.findByDomainOutsideTenant(deps.db, domainOf(email));
  if (!owner || owner.orgId !== cfg.orgId) throw new SsoRefused("domain_not_allowed", "the address's domain is not one of this company's");
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
  const role = roleFor(cfg, claims);

  const { headers: answer, response } = await deps.auth.api.bgmSsoSession({
    body: { email, name, providerId: cfg.orgId },
    headers,
    returnHeaders: true,
  });
  const signed = response as { userId: string; sessionId: string; created: boolean };
  await withTenantTx(deps.db, cfg.orgId, async (tx) => {
    await linkEmployeeAccount(tx, cfg.orgId, email, signed.userId);
    const joined = await joinCompanyAsEmployee(tx, { orgId: cfg.orgId, userId: signed.userId, sessionId: signed.sessionId, role });
    const scope = makeTenantScope(tx, { orgId: cfg.orgId, orgKind: "company", role: joined.role, userId: signed.userId }, meta);
    await scope.audit({
      action: "sso.signed_in",
      entityType: ENTITY,
      entityId: cfg.orgId,
      details: { accountCreated: signed.created, membershipCreated: joined.membershipCreated, role: joined.role },
    });
  });
  return { cookies: answer.getSetCookie(), orgId: cfg.orgId };
}
