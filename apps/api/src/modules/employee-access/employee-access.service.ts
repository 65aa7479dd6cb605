import { randomUUID } from "node:crypto";
import { type Database, session, user, withTenantTx } from "@bgm/db";
import { type JoinInfo, type JoinLinkState, SIGN_IN_LINK_MINUTES, type SignedIn } from "@bgm/domain";
import { eq, sql } from "drizzle-orm";
import { AppError } from "../../lib/app-error.js";
import type { Auth } from "../../lib/auth.js";
import type { TenantScope } from "../../lib/request-context.js";
import { SYSTEM_USER_ID } from "../../lib/system-user.js";
import { makeTenantScope, type ScopeMeta } from "../../lib/tenant-scope.js";
import { type ActiveEmployee, findActiveEmployee, linkEmployeeAccount } from "../employees/index.js";
import { joinCompanyAsEmployee } from "../organizations/index.js";
import * as repo from "./employee-access.repository.js";
import { hashJoinToken, joinToken, readSignInToken } from "./tokens.js";

/** What links are built from: the public base URL and the installation's secret. */
export interface LinkConfig {
  appUrl: string;
  secret: string;
}

const ENTITY = "company_join_link";

function toState(cfg: LinkConfig, row: repo.JoinLinkRow | undefined): JoinLinkState {
  if (!row) return { link: null };
  return { link: { url: `${cfg.appUrl}/join/${joinToken(cfg.secret, row.id)}`, createdAt: row.createdAt.toISOString() } };
}

// ---- The manager's side -------------------------------------------------------------------------------

export async function getJoinLink(scope: TenantScope, cfg: LinkConfig): Promise<JoinLinkState> {
  return toState(cfg, await repo.findActive(scope.tx, scope.orgId));
}

/**
 * Creates the company's join link, or rotates it: the active link is revoked in the same transaction, so
 * its token answers 404 from the moment this commits (and the sign-in links mailed through it stop working).
 */
export async function createJoinLink(scope: TenantScope, cfg: LinkConfig): Promise<{ state: JoinLinkState; rotated: boolean }> {
  const previous = await repo.revokeActive(scope.tx, scope.orgId, scope.userId);
  const id = randomUUID();
  const row = await repo.insert(scope.tx, {
    id,
    orgId: scope.orgId,
    tokenHash: hashJoinToken(joinToken(cfg.secret, id)),
    createdBy: scope.userId,
  });
  if (previous) {
    await scope.audit({ action: "join_link.rotated", entityType: ENTITY, entityId: id, details: { previousId: previous.id } });
  } else {
    await scope.audit({ action: "join_link.created", entityType: ENTITY, entityId: id });
  }
  return { state: toState(cfg, row), rotated: Boolean(previous) };
}

export async function disableJoinLink(scope: TenantScope): Promise<JoinLinkState> {
  const revoked = await repo.revokeActive(scope.tx, scope.orgId, scope.userId);
  if (!revoked) throw AppError.notFound("Active join link");
  await scope.audit({ action: "join_link.disabled", entityType: ENTITY, entityId: revoked.id });
  return { link: null };
}

// ---- The public side ----------------------------------------------------------------------------------

/** Unknown, rotated and disabled tokens answer alike: nothing tells a dead link from one that never was. */
async function activeLinkByToken(db: Database, token: string) {
  const link = await repo.findActiveLinkOutsideTenant(db, { tokenHash: hashJoinToken(token) });
  if (!link) throw AppError.notFound("Join link");
  return link;
}

export async function joinInfo(db: Database, token: string): Promise<JoinInfo> {
  const link = await activeLinkByToken(db, token);
  return { organizationName: link.organizationName, signInLinkMinutes: SIGN_IN_LINK_MINUTES };
}

/** Whom a sign-in link goes to: an active employee of the link's company, with the link it was asked through. */
export interface SignInRecipient {
  orgId: string;
  organizationName: string;
  linkId: string;
  employee: ActiveEmployee;
}

/**
 * The lookup behind "send me a sign-in link": the active employee of the link's company with this address,
 * or null. Both outcomes do the same work (the link, then one indexed read of the register in the company's
 * transaction); the caller answers both alike and mails in the background.
 */
export async function findSignInRecipient(db: Database, token: string, email: string): Promise<SignInRecipient | null> {
  const link = await activeLinkByToken(db, token);
  const employee = await withTenantTx(db, link.orgId, (tx) => findActiveEmployee(tx, link.orgId, { email }));
  return employee ? { orgId: link.orgId, organizationName: link.organizationName, linkId: link.id, employee } : null;
}

/** The metadata the sign-in mail is written from (see sign-in-mail.ts); passed through better-auth. */
export interface SignInLinkMetadata {
  linkId: string;
  employeeId: string;
  organizationName: string;
  firstName: string;
}

/**
 * Issues the one-use link through better-auth's magic-link plugin (verification row, 15 minutes; the
 * plugin then calls the sender with the token) to the address of the register, and audits it without the
 * address. Runs after the answer has gone out.
 */
export async function issueSignInLink(deps: { db: Database; auth: Auth }, r: SignInRecipient, headers: Headers, meta: ScopeMeta) {
  const metadata: SignInLinkMetadata = {
    linkId: r.linkId,
    employeeId: r.employee.id,
    organizationName: r.organizationName,
    firstName: r.employee.firstName,
  };
  await deps.auth.api.signInMagicLink({
    body: {
      email: r.employee.email.toLowerCase(),
      name: `${r.employee.firstName} ${r.employee.lastName}`.trim(),
      metadata: { ...metadata },
    },
    headers,
  });
  await withTenantTx(deps.db, r.orgId, (tx) =>
    makeTenantScope(tx, { orgId: r.orgId, orgKind: "company", role: "employee", userId: SYSTEM_USER_ID }, meta).audit({
      action: "employee.sign_in_link_sent",
      entityType: "employee",
      entityId: r.employee.id,
      details: { joinLinkId: r.linkId },
    }),
  );
}

const invalidLink = () =>
  new AppError(
    "invalid_sign_in_link",
    "This sign-in link is invalid, expired or already used: ask for a new one through the company link",
    undefined,
    400,
  );

/**
 * Redeems a mailed sign-in link. Before the one-use token is spent: the signature, the join link still
 * active, the employee still active in that company. Then better-auth verifies and consumes the token,
 * creates the account if there is none (name from the register, address verified: the link proves the
 * mailbox; an unverified account of that address loses its password and sessions first) and starts a
 * session. Then, in the company's transaction: the register entry is linked, the membership is created as
 * `employee` if missing (an existing role stays), the session works in this company, and it is audited.
 */
export async function completeSignIn(
  deps: { db: Database; auth: Auth; secret: string },
  token: string,
  headers: Headers,
  meta: ScopeMeta,
): Promise<{ signedIn: SignedIn; cookies: string[] }> {
  const parsed = readSignInToken(deps.secret, token);
  if (!parsed) throw invalidLink();
  const link = await repo.findActiveLinkOutsideTenant(deps.db, { id: parsed.linkId });
  if (!link) throw invalidLink();
  const employee = await withTenantTx(deps.db, link.orgId, (tx) => findActiveEmployee(tx, link.orgId, { id: parsed.employeeId }));
  if (!employee) throw invalidLink();
  const email = employee.email.toLowerCase();
  const [existing] = await deps.db
    .select({ id: user.id })
    .from(user)
    .where(eq(sql`lower(${user.email})`, email));

  let verified: Awaited<ReturnType<typeof verifyMagicLink>>;
  try {
    verified = await verifyMagicLink(deps.auth, parsed.magicToken, headers);
  } catch {
    // better-auth answers an unknown, used or expired token with a redirect to its error page.
    throw invalidLink();
  }
  const { userId, userEmail, sessionId } = verified;
  if (userEmail.toLowerCase() !== email) {
    // The register's address changed after the mail went out: the token was for another address.
    await deps.db.delete(session).where(eq(session.id, sessionId));
    throw invalidLink();
  }

  const result = await withTenantTx(deps.db, link.orgId, async (tx) => {
    await linkEmployeeAccount(tx, link.orgId, email, userId);
    const joined = await joinCompanyAsEmployee(tx, { orgId: link.orgId, userId, sessionId });
    const scope = makeTenantScope(tx, { orgId: link.orgId, orgKind: "company", role: joined.role, userId }, meta);
    await scope.audit({
      action: "employee.signed_in_by_link",
      entityType: "employee",
      entityId: employee.id,
      details: { joinLinkId: link.id, accountCreated: !existing, membershipCreated: joined.membershipCreated, role: joined.role },
    });
    return joined;
  });
  return {
    signedIn: { organizationId: link.orgId, organizationName: link.organizationName, role: result.role },
    cookies: verified.cookies,
  };
}

async function verifyMagicLink(auth: Auth, magicToken: string, headers: Headers) {
  const { headers: answer, response } = await auth.api.magicLinkVerify({ query: { token: magicToken }, headers, returnHeaders: true });
  const body = response as { user?: { id: string; email: string }; session?: { id: string } } | null;
  if (!body?.user || !body.session) throw new Error("magic-link verification answered without a session");
  return { userId: body.user.id, userEmail: body.user.email, sessionId: body.session.id, cookies: answer.getSetCookie() };
}
