import { type Database, type Tx, withTenantTx } from "@bgm/db";
import type { MemberRole } from "@bgm/domain";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../lib/app-error.js";
import { withIdempotency } from "../../lib/idempotency.js";
import type { TenantScope } from "../../lib/request-context.js";
import { SYSTEM_USER_ID } from "../../lib/system-user.js";
import { makeTenantScope } from "../../lib/tenant-scope.js";
import { touchKey } from "./api-keys.repository.js";
import { resolveBearerKey } from "./bearer-key.js";

/** What a key's request is about, for its audit entry (e.g. `{ engagementId }`). */
export type KeyRead = Record<string, string | null>;

/** The OpenAPI `security` of a route a key may call: an API key or a session. */
export const PARTNER_SECURITY: { [scheme: string]: string[] }[] = [{ partnerApiKey: [] }, { session: [] }];

const PARTNER = { roles: ["partner_admin", "partner_member"], kind: "provider" } as const;
const ENTITY = "api_key";

/** Who acts on a partner endpoint: a member of the provider by session, or one of the provider's keys. */
export interface PartnerActor {
  providerOrgId: string;
  /** The signed-in member, or for a key the partner admin who created it (the system user once they are gone). */
  userId: string;
  /** A key acts as `partner_member`, whatever its creator's role: it reads and delivers, nothing else. */
  role: MemberRole;
  apiKeyId: string | null;
}

type KeyActor = PartnerActor & { apiKeyId: string };

const keyActor = (orgId: string, id: string, createdBy: string | null): KeyActor => ({
  providerOrgId: orgId,
  userId: createdBy ?? SYSTEM_USER_ID,
  role: "partner_member",
  apiKeyId: id,
});

const routeOf = (req: FastifyRequest) => `${req.method} ${req.routeOptions.url ?? ""}`;

function actorScope(tx: Tx, actor: PartnerActor, req: FastifyRequest): TenantScope {
  return makeTenantScope(
    tx,
    { orgId: actor.providerOrgId, orgKind: "provider", role: actor.role, userId: actor.userId },
    { ip: req.ip, userAgent: req.headers["user-agent"]?.slice(0, 300) ?? null, requestId: req.id },
  );
}

/**
 * A refused key request in the provider's audit log, where its partner admins read key use. It has a
 * transaction of its own, since the request's rolls back with the error. A key refused with a 401 was
 * not used, so only a key that worked gets lastUsedAt. A failing log must not hide the refusal the
 * client is owed.
 */
async function recordRefusal(db: Database, req: FastifyRequest, key: KeyActor, what: KeyRead, details: { status: number; reason: string }) {
  await withTenantTx(db, key.providerOrgId, async (tx) => {
    if (details.status !== 401) await touchKey(tx, key.providerOrgId, key.apiKeyId);
    await actorScope(tx, key, req).audit({
      action: "api_key.refused",
      entityType: ENTITY,
      entityId: key.apiKeyId,
      details: { route: routeOf(req), ...what, ...details },
    });
  }).catch((e: Error) => req.log.error({ err: { message: e.message } }, "api key refusal could not be logged"));
}

/**
 * The caller of a partner endpoint: the request's `Authorization: Bearer <key>` if it has one (a
 * refused key is recorded as `api_key.refused` in its provider's audit log), else a partner's session
 * (401/403 as everywhere in the portal).
 */
export async function partnerActor(db: Database, req: FastifyRequest, what: KeyRead): Promise<PartnerActor> {
  if (req.headers.authorization === undefined) {
    const { caller, active } = await req.authorize(PARTNER);
    return { providerOrgId: active.organizationId, userId: caller.user.id, role: active.role, apiKeyId: null };
  }
  const key = await resolveBearerKey(db, req, {
    onRefused: (k, reason) => recordRefusal(db, req, keyActor(k.orgId, k.id, k.createdBy), what, { status: 401, reason }),
  });
  return keyActor(key.providerOrgId, key.apiKeyId, key.createdBy);
}

/** Runs `fn` in the provider's tenant transaction as the actor: row-level security as for the portal. */
export function inActorTenant<T>(db: Database, req: FastifyRequest, actor: PartnerActor, fn: (scope: TenantScope) => Promise<T>) {
  // Idempotency-Keys are per key for a key, per member (as in the portal) for a session.
  const caller = actor.apiKeyId === null ? `user:${actor.userId}` : `api_key:${actor.apiKeyId}`;
  return withIdempotency(db, req, { orgId: actor.providerOrgId, caller }, (inTx) =>
    withTenantTx(db, actor.providerOrgId, async (tx) => {
      await inTx(tx);
      return fn(actorScope(tx, actor, req));
    }),
  );
}

/**
 * A read of partner endpoints by `Authorization: Bearer <key>` or by a partner's session. Either way
 * it runs in the provider's tenant transaction and through the same use case, so a key sees exactly
 * what the partner's portal shows.
 *
 * Every key access is in the provider's audit log: a served read in the read's own transaction (with
 * `lastUsedAt`), a refusal (unknown engagement, revoked or expired key) in a transaction of its own.
 */
export async function inPartnerTenant<T>(
  db: Database,
  req: FastifyRequest,
  what: KeyRead,
  fn: (scope: TenantScope) => Promise<T>,
): Promise<T> {
  const actor = await partnerActor(db, req, what);
  const keyId = actor.apiKeyId;
  if (keyId === null) return inActorTenant(db, req, actor, fn);
  try {
    return await inActorTenant(db, req, actor, async (scope) => {
      await touchKey(scope.tx, actor.providerOrgId, keyId);
      const result = await fn(scope);
      await scope.audit({ action: "api_key.read", entityType: ENTITY, entityId: keyId, details: { route: routeOf(req), ...what } });
      return result;
    });
  } catch (err) {
    if (err instanceof AppError)
      await recordRefusal(db, req, { ...actor, apiKeyId: keyId }, what, { status: err.status, reason: err.code });
    throw err;
  }
}
