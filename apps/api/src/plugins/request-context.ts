import { type Database, member, organization, withTenantTx } from "@bgm/db";
import { MEMBER_ROLES, type MemberRole, type OrgKind } from "@bgm/domain";
import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "../lib/app-error.js";
import type { Auth } from "../lib/auth.js";
import type { Caller, TenantScope } from "../lib/request-context.js";
import { makeTenantScope } from "../lib/tenant-scope.js";
import { toWebHeaders } from "./auth-bridge.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in caller, or throws 401. */
    caller(): Promise<Caller>;
    /**
     * Runs `fn` inside the caller's organization: role check first, then one transaction under
     * row-level security. Throws 401/403 before any query when the caller may not act.
     */
    inTenant<T>(opts: { roles: readonly MemberRole[]; kind?: OrgKind }, fn: (scope: TenantScope) => Promise<T>): Promise<T>;
  }
}

async function loadCaller(db: Database, auth: Auth, req: FastifyRequest): Promise<Caller | null> {
  const session = await auth.api.getSession({ headers: toWebHeaders(req.headers) });
  if (!session) return null;
  const rows = await db
    .select({ organizationId: member.organizationId, role: member.role, organizationName: organization.name, kind: organization.kind })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(eq(member.userId, session.user.id))
    .orderBy(member.createdAt);
  // A membership with a role we do not know (e.g. written by a tool) grants nothing.
  const memberships = rows
    .filter((r) => (MEMBER_ROLES as readonly string[]).includes(r.role))
    .map((r) => ({ ...r, role: r.role as MemberRole, kind: r.kind as OrgKind }));
  const activeId = (session.session as { activeOrganizationId?: string | null }).activeOrganizationId;
  const active = memberships.find((m) => m.organizationId === activeId) ?? memberships[0] ?? null;
  const u = session.user as typeof session.user & { platformRole?: string | null };
  return {
    user: { id: u.id, name: u.name, email: u.email, platformRole: u.platformRole === "admin" ? "admin" : null },
    sessionId: session.session.id,
    memberships,
    active,
  };
}

export const requestContextPlugin = fp(async (app: FastifyInstance, opts: { db: Database; auth: Auth }) => {
  const { db, auth } = opts;
  const cache = new WeakMap<FastifyRequest, Promise<Caller | null>>();

  app.decorateRequest("caller", async function (this: FastifyRequest) {
    let pending = cache.get(this);
    if (!pending) {
      pending = loadCaller(db, auth, this);
      cache.set(this, pending);
    }
    const caller = await pending;
    if (!caller) throw new AppError("unauthenticated", "Please sign in");
    return caller;
  });

  app.decorateRequest("inTenant", async function <
    T,
  >(this: FastifyRequest, o: { roles: readonly MemberRole[]; kind?: OrgKind }, fn: (scope: TenantScope) => Promise<T>): Promise<T> {
    const caller = await this.caller();
    const active = caller.active;
    if (!active) throw AppError.forbidden("You are not a member of any organization");
    if (o.kind && active.kind !== o.kind) throw AppError.forbidden(`Only ${o.kind} organizations can do this`);
    if (!o.roles.includes(active.role)) {
      throw AppError.forbidden(`Your role (${active.role}) may not do this`);
    }
    return withTenantTx(db, active.organizationId, (tx) =>
      fn(
        makeTenantScope(
          tx,
          { orgId: active.organizationId, orgKind: active.kind, role: active.role, userId: caller.user.id },
          { ip: this.ip, userAgent: this.headers["user-agent"]?.slice(0, 300) ?? null, requestId: this.id },
        ),
      ),
    );
  });
});
