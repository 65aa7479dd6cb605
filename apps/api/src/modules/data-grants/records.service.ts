import { type AccessDigest, type AccessLogQuery, type CursorQuery, dataScope, type PartnerGrants, RECENT_ACCESS_MAX } from "@bgm/domain";
import type { z } from "zod";
import { decodeCursor, toPage } from "../../lib/keyset.js";
import type { TenantScope } from "../../lib/request-context.js";
import { employeeIdsOfUser } from "../employees/index.js";
import { AccessLogCursor, accessTotals, companyAccessLogPage, recentAccesses, servedGrantsOf } from "./access-log.repository.js";
import { toGrant, toLogEntry } from "./grants.mappers.js";
import { listGrants } from "./grants.repository.js";

type Digest = z.infer<typeof AccessDigest>;
type Totals = Awaited<ReturnType<typeof accessTotals>>[number];
type LogRow = Awaited<ReturnType<typeof recentAccesses>>[number];

const emptyDigest = (): Digest => ({ served: 0, denied: 0, lastServedAt: null, lastAt: null, recent: [] });

const latest = (a: string | null, b: Date | null) => {
  const iso = b?.toISOString() ?? null;
  return a === null || (iso !== null && iso > a) ? iso : a;
};

function addTotals(d: Digest, t: Totals) {
  d.served += t.served;
  d.denied += t.denied;
  d.lastServedAt = latest(d.lastServedAt, t.lastServedAt);
  d.lastAt = latest(d.lastAt, t.lastAt);
}

/**
 * Every grant grouped by partner, each with totals over its whole access log and its latest `recent`
 * entries (none for the exports). Totals come from one aggregate query, so they are complete however
 * long the log grows, while the answer's size depends only on the number of grants.
 */
async function grantRecords(scope: TenantScope, now: Date, recent: number) {
  const grants = await listGrants(scope.tx, scope.orgId);
  const totals = await accessTotals(scope.tx, scope.orgId);
  const recentRows: LogRow[] = recent > 0 ? await recentAccesses(scope.tx, scope.orgId, recent) : [];
  const partners = new Map<string, z.infer<typeof PartnerGrants>>();
  const partnerOf = (id: string, name: string) => {
    let p = partners.get(id);
    if (!p) {
      p = { providerOrgId: id, providerName: name, grants: [], otherAttempts: emptyDigest() };
      partners.set(id, p);
    }
    return p;
  };
  const byGrant = new Map<string, Digest>();
  for (const g of grants) {
    const access = emptyDigest();
    byGrant.set(g.grant.id, access);
    partnerOf(g.grant.providerOrgId, g.providerName).grants.push({ ...toGrant(g, now), access });
  }
  const digestOf = (grantId: string | null, providerOrgId: string, providerName: string) =>
    (grantId ? byGrant.get(grantId) : undefined) ?? partnerOf(providerOrgId, providerName).otherAttempts;
  for (const t of totals) addTotals(digestOf(t.grantId, t.providerOrgId, t.providerName), t);
  // Rows come newest first, so each digest keeps its own latest few.
  for (const r of recentRows) {
    const d = digestOf(r.log.grantId, r.log.providerOrgId, r.providerName);
    if (d.recent.length < recent) d.recent.push(toLogEntry(r.log, r.actorName));
  }
  return { partners: [...partners.values()] };
}

/** The company's "Data sharing" page: every grant grouped by partner, with access totals and the latest requests. */
export const grantOverview = (scope: TenantScope, now = new Date()) => grantRecords(scope, now, RECENT_ACCESS_MAX);

/** The Art. 30 record (CSV/PDF): the same grants and complete totals, without log entries. */
export const recordOfProcessing = (scope: TenantScope, now = new Date()) => grantRecords(scope, now, 0);

/** The company's access log, newest first, paged; filters narrow it to a grant, a partner or an outcome. */
export async function accessLog(scope: TenantScope, q: AccessLogQuery) {
  const { cursor, limit, ...filter } = q;
  const rows = await companyAccessLogPage(scope.tx, scope.orgId, filter, { after: decodeCursor(cursor, AccessLogCursor), limit });
  return toPage(
    rows,
    limit,
    (r) => [r.log.id],
    (r) => ({ ...toLogEntry(r.log, r.actorName), providerOrgId: r.log.providerOrgId, providerName: r.providerName }),
  );
}

/**
 * Art. 15 DSGVO: which partners received my name and e-mail, for what, how often, and whether they may
 * still fetch it — one entry per grant, not per request, so a partner's repeated fetches read as one.
 */
export async function myDisclosures(scope: TenantScope, page: CursorQuery, now = new Date()) {
  const ids = await employeeIdsOfUser(scope.tx, scope.orgId, scope.userId);
  const rows = await servedGrantsOf(scope.tx, scope.orgId, ids, { after: decodeCursor(page.cursor, AccessLogCursor), limit: page.limit });
  const grants = rows.length > 0 ? new Map((await listGrants(scope.tx, scope.orgId)).map((g) => [g.grant.id, g])) : new Map();
  return toPage(
    rows,
    page.limit,
    (r) => [r.lastId],
    (r) => {
      const def = dataScope(r.scopeKey);
      const view = r.grantId ? grants.get(r.grantId) : undefined;
      const grant = view ? toGrant(view, now) : undefined;
      return {
        grantId: r.grantId,
        providerName: r.providerName,
        scopeKey: r.scopeKey,
        scopeLabel: def ? { ...def.label } : { de: r.scopeKey, en: r.scopeKey },
        fields: grant?.fields ?? (def ? [...def.fields] : []),
        purpose: grant?.purpose ?? null,
        state: grant?.state ?? null,
        expiresAt: grant?.expiresAt ?? null,
        revokedAt: grant?.revokedAt ?? null,
        deliveries: r.deliveries,
        firstAt: r.firstAt.toISOString(),
        at: r.lastAt.toISOString(),
      };
    },
  );
}
