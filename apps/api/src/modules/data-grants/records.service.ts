import { type CursorQuery, dataScope, type PartnerGrants } from "@bgm/domain";
import type { z } from "zod";
import { decodeCursor, toPage } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";
import { AccessLogCursor, employeeIdsOfUser, listCompanyAccessLog, servedAccessesOf } from "./access-log.repository.js";
import { toGrant, toLogEntry } from "./grants.mappers.js";
import { listGrants } from "./grants.repository.js";

/** The company's "Data sharing" page: every grant grouped by partner, each with its access log. */
export async function grantOverview(scope: TenantScope, now = new Date()) {
  const grants = await listGrants(scope.tx, scope.orgId);
  const logs = await listCompanyAccessLog(scope.tx, scope.orgId);
  const partners = new Map<string, z.infer<typeof PartnerGrants>>();
  const partnerOf = (id: string, name: string) => {
    let p = partners.get(id);
    if (!p) {
      p = { providerOrgId: id, providerName: name, grants: [], otherAttempts: [] };
      partners.set(id, p);
    }
    return p;
  };
  const grantIds = new Set(grants.map((g) => g.grant.id));
  for (const g of grants) {
    const accessLog = logs.filter((l) => l.log.grantId === g.grant.id).map((l) => toLogEntry(l.log, l.actorName));
    partnerOf(g.grant.providerOrgId, g.providerName).grants.push({ ...toGrant(g, now), accessLog });
  }
  for (const l of logs) {
    if (l.log.grantId && grantIds.has(l.log.grantId)) continue;
    partnerOf(l.log.providerOrgId, l.providerName).otherAttempts.push(toLogEntry(l.log, l.actorName));
  }
  return { partners: [...partners.values()] };
}

/** Art. 15 DSGVO: which partners received my name and e-mail, and when. */
export async function myDisclosures(scope: TenantScope, page: CursorQuery) {
  const ids = await employeeIdsOfUser(scope.tx, scope.orgId, scope.userId);
  const rows = await servedAccessesOf(scope.tx, scope.orgId, ids, { after: decodeCursor(page.cursor, AccessLogCursor), limit: page.limit });
  return toPage(
    rows,
    page.limit,
    (r) => [r.log.id],
    (r) => {
      const def = dataScope(r.log.scopeKey);
      return {
        providerName: r.providerName,
        scopeKey: r.log.scopeKey,
        scopeLabel: def ? { ...def.label } : { de: r.log.scopeKey, en: r.log.scopeKey },
        fields: def ? [...def.fields] : [],
        at: r.log.at.toISOString(),
      };
    },
  );
}
