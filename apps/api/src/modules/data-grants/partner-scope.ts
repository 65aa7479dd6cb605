import { type Database, type Tx, withTenantTx } from "@bgm/db";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { SYSTEM_USER_ID } from "../../lib/system-user.js";
import { makeTenantScope, type ScopeMeta } from "../../lib/tenant-scope.js";
import { type ApiKeyCaller, authenticateApiKey } from "./api-key-auth.js";
import { touchKey } from "./api-keys.repository.js";

/** What a key read is about, for its audit entry (e.g. `{ engagementId }`). */
export type KeyRead = Record<string, string | null>;

/** The OpenAPI `security` of a route served through inPartnerTenant: an API key or a session. */
export const PARTNER_SECURITY: { [scheme: string]: string[] }[] = [{ partnerApiKey: [] }, { session: [] }];

const PARTNER = { roles: ["partner_admin", "partner_member"], kind: "provider" } as const;
const ENTITY = "api_key";

type KeyOwner = { orgId: string; id: string; createdBy: string | null };

const metaOf = (req: FastifyRequest): ScopeMeta => ({
  ip: req.ip,
  userAgent: req.headers["user-agent"]?.slice(0, 300) ?? null,
  requestId: req.id,
});

/** The provider's tenant scope as one of its keys acts in it: read-only role, on behalf of the key's creator. */
function keyScope(tx: Tx, key: KeyOwner, req: FastifyRequest) {
  return makeTenantScope(
    tx,
    { orgId: key.orgId, orgKind: "provider", role: "partner_member", userId: key.createdBy ?? SYSTEM_USER_ID },
    metaOf(req),
  );
}

/**
 * A read of partner endpoints by `Authorization: Bearer <key>` or by a partner's session. Either way
 * it runs in the provider's tenant transaction (row-level security as for the portal) and through the
 * same use case, so a key sees exactly what the partner's portal shows. A key is read-only: it acts
 * as a `partner_member`, whatever its creator's role.
 *
 * Every key access is logged in the provider's audit log, where its partner admins read it: served
 * reads in the read's own transaction (with `lastUsedAt`), refusals (unknown engagement, revoked or
 * expired key) in a transaction of their own, since the read's rolls back with the error.
 */
export async function inPartnerTenant<T>(
  db: Database,
  req: FastifyRequest,
  what: KeyRead,
  fn: (scope: TenantScope) => Promise<T>,
): Promise<T> {
  const header = req.headers.authorization;
  if (header === undefined) return req.inTenant(PARTNER, fn);
  const route = `${req.method} ${req.routeOptions.url ?? ""}`;
  // A refused key was not used, so only a key that worked gets lastUsedAt. A failing log must not
  // hide the refusal the client is owed.
  const logRefusal = (key: KeyOwner, details: { status: number; reason: string }) =>
    withTenantTx(db, key.orgId, async (tx) => {
      if (details.status !== 401) await touchKey(tx, key.orgId, key.id);
      await keyScope(tx, key, req).audit({
        action: "api_key.refused",
        entityType: ENTITY,
        entityId: key.id,
        details: { route, ...what, ...details },
      });
    }).catch((e: Error) => req.log.error({ err: { message: e.message } }, "api key refusal could not be logged"));

  const key: ApiKeyCaller = await authenticateApiKey(db, header, {
    onRefused: (k, reason) => logRefusal(k, { status: 401, reason }),
  });
  const owner = { orgId: key.providerOrgId, id: key.apiKeyId, createdBy: key.createdBy };
  try {
    return await withTenantTx(db, owner.orgId, async (tx) => {
      await touchKey(tx, owner.orgId, owner.id);
      const scope = keyScope(tx, owner, req);
      const result = await fn(scope);
      await scope.audit({ action: "api_key.read", entityType: ENTITY, entityId: owner.id, details: { route, ...what } });
      return result;
    });
  } catch (err) {
    if (err instanceof AppError) await logRefusal(owner, { status: err.status, reason: err.code });
    throw err;
  }
}
