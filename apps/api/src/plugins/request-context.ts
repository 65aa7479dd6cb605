import { createHmac, timingSafeEqual } from "node:crypto";
import { type Database, member, organization, session, user, withTenantTx } from "@bgm/db";
import { MEMBER_ROLES, type MemberRole, type Membership, type OrgKind } from "@bgm/domain";
import { asc, eq, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "../lib/app-error.js";
import type { Auth } from "../lib/auth.js";
import { withIdempotency } from "../lib/idempotency.js";
import { prebuiltQuery } from "../lib/prebuilt-query.js";
import type { Caller, TenantScope } from "../lib/request-context.js";
import { makeTenantScope } from "../lib/tenant-scope.js";
import { toWebHeaders } from "./auth-bridge.js";

/** Who may call a route: roles of the active membership and, optionally, the kind of organization. */
export interface AccessRule {
  roles: readonly MemberRole[];
  kind?: OrgKind;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in caller, or throws 401. */
    caller(): Promise<Caller>;
    /**
     * The access check of `inTenant` alone, for reads that need no tenant transaction (public data
     * served from a cache): 401/403 exactly as `inTenant` would, else the active membership.
     */
    authorize(rule: AccessRule): Promise<{ caller: Caller; active: Membership }>;
    /**
     * Runs `fn` inside the caller's organization: role check first, then one transaction under
     * row-level security. Throws 401/403 before any query when the caller may not act.
     */
    inTenant<T>(rule: AccessRule, fn: (scope: TenantScope) => Promise<T>): Promise<T>;
  }
}

function toMemberships(
  rows: { organizationId: string | null; role: string | null; organizationName: string | null; kind: string | null }[],
) {
  // A membership with a role we do not know (e.g. written by a tool) grants nothing.
  return rows
    .filter((r) => r.organizationId !== null && (MEMBER_ROLES as readonly string[]).includes(r.role ?? ""))
    .map((r) => ({
      organizationId: r.organizationId as string,
      organizationName: r.organizationName ?? "",
      role: r.role as MemberRole,
      kind: r.kind as OrgKind,
    }));
}

function toCaller(
  u: { id: string; name: string; email: string; platformRole?: string | null },
  sessionId: string,
  activeId: string | null | undefined,
  memberships: Membership[],
): Caller {
  return {
    user: { id: u.id, name: u.name, email: u.email, platformRole: u.platformRole === "admin" ? "admin" : null },
    sessionId,
    memberships,
    active: memberships.find((m) => m.organizationId === activeId) ?? memberships[0] ?? null,
  };
}

/** better-auth's own path: the session (refreshing or deleting it when due), then the memberships. */
async function loadCallerViaAuth(db: Database, auth: Auth, req: FastifyRequest): Promise<Caller | null> {
  const found = await auth.api.getSession({ headers: toWebHeaders(req.headers) });
  if (!found) return null;
  const rows = await db
    .select({ organizationId: member.organizationId, role: member.role, organizationName: organization.name, kind: organization.kind })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(eq(member.userId, found.user.id))
    .orderBy(member.createdAt);
  const activeId = (found.session as { activeOrganizationId?: string | null }).activeOrganizationId;
  return toCaller(found.user as typeof found.user & { platformRole?: string | null }, found.session.id, activeId, toMemberships(rows));
}

/** The first value of one cookie, decoded as better-call decodes it; null when absent. */
function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/** The caller's session, user and memberships for a session token (built once: lib/prebuilt-query.ts). */
const callerLookup = prebuiltQuery("request_context_caller", (q) =>
  q
    .select({
      sessionId: session.id,
      expiresAt: session.expiresAt,
      activeOrganizationId: session.activeOrganizationId,
      userId: user.id,
      userName: user.name,
      email: user.email,
      platformRole: user.platformRole,
      organizationId: member.organizationId,
      role: member.role,
      organizationName: organization.name,
      kind: organization.kind,
    })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .leftJoin(member, eq(member.userId, user.id))
    .leftJoin(organization, eq(organization.id, member.organizationId))
    .where(eq(session.token, sql.placeholder("token")))
    .orderBy(asc(member.createdAt)),
);

/**
 * The session lookup of every authenticated request, in one prepared statement instead of
 * better-auth's getSession (session, then user) plus our membership query: three round trips and
 * better-auth's endpoint machinery (a WebCrypto key import per call) were most of the cost of an
 * authenticated GET. Nothing is cached: the session row and the memberships are read on every
 * request, so sign-out, revocation and a removed membership take effect on the next request.
 *
 * It only ever answers for a valid, unexpired session that needs no refresh; anything else (no or
 * malformed cookie, unknown token, expired session, refresh due) goes to better-auth, which
 * decides, deletes expired sessions and extends sessions exactly as before.
 */
async function makeFastSessionLookup(db: Database, auth: Auth) {
  const ctx = await auth.$context;
  const tokenCookie = ctx.authCookies.sessionToken.name;
  const secret = ctx.secret;
  const { expiresIn, updateAge } = ctx.sessionConfig;

  /** The token of a correctly signed session cookie (value "token.base64(HMAC-SHA256)"), else null. */
  function verifiedToken(cookieHeader: string | undefined): string | null {
    const value = readCookie(cookieHeader, tokenCookie);
    if (!value) return null;
    const dot = value.lastIndexOf(".");
    if (dot < 1) return null;
    const token = value.slice(0, dot);
    const signature = Buffer.from(value.slice(dot + 1));
    const expected = Buffer.from(createHmac("sha256", secret).update(token).digest("base64"));
    return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
  }

  return async (req: FastifyRequest): Promise<Caller | undefined> => {
    const token = verifiedToken(req.headers.cookie);
    if (!token) return undefined;
    const rows = await callerLookup(db, { token });
    const first = rows[0];
    if (!first) return undefined;
    const expiresAt = first.expiresAt.getTime();
    const now = Date.now();
    // better-auth extends a session once it is updateAge old; let it do so.
    if (expiresAt <= now || expiresAt - expiresIn * 1000 + updateAge * 1000 <= now) return undefined;
    return toCaller(
      { id: first.userId, name: first.userName, email: first.email, platformRole: first.platformRole },
      first.sessionId,
      first.activeOrganizationId,
      toMemberships(rows),
    );
  };
}

export const requestContextPlugin = fp(async (app: FastifyInstance, opts: { db: Database; auth: Auth }) => {
  const { db, auth } = opts;
  const fastLookup = await makeFastSessionLookup(db, auth);
  const cache = new WeakMap<FastifyRequest, Promise<Caller | null>>();
  const loadCaller = async (req: FastifyRequest) => (await fastLookup(req)) ?? loadCallerViaAuth(db, auth, req);

  app.decorateRequest("caller", async function (this: FastifyRequest) {
    let pending = cache.get(this);
    if (!pending) {
      pending = loadCaller(this);
      cache.set(this, pending);
    }
    const caller = await pending;
    if (!caller) throw new AppError("unauthenticated", "Please sign in");
    return caller;
  });

  app.decorateRequest("authorize", async function (this: FastifyRequest, rule: AccessRule) {
    const caller = await this.caller();
    const active = caller.active;
    if (!active) throw AppError.forbidden("You are not a member of any organization");
    if (rule.kind && active.kind !== rule.kind) throw AppError.forbidden(`Only ${rule.kind} organizations can do this`);
    if (!rule.roles.includes(active.role)) {
      throw AppError.forbidden(`Your role (${active.role}) may not do this`);
    }
    return { caller, active };
  });

  app.decorateRequest("inTenant", async function <
    T,
  >(this: FastifyRequest, rule: AccessRule, fn: (scope: TenantScope) => Promise<T>): Promise<T> {
    const { caller, active } = await this.authorize(rule);
    const owner = { orgId: active.organizationId, caller: `user:${caller.user.id}` };
    return withIdempotency(db, this, owner, (inTx) =>
      withTenantTx(db, active.organizationId, async (tx) => {
        await inTx(tx);
        return fn(
          makeTenantScope(
            tx,
            { orgId: active.organizationId, orgKind: active.kind, role: active.role, userId: caller.user.id },
            { ip: this.ip, userAgent: this.headers["user-agent"]?.slice(0, 300) ?? null, requestId: this.id },
          ),
        );
      }),
    );
  });
});
