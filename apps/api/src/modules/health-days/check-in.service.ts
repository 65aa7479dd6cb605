import {
  type CheckInBatch,
  type CheckInBatchResult,
  type CheckInKit,
  type CheckInOutcome,
  type CheckInResult,
  type CheckInScan,
  isShortCode,
  normalizeShortCode,
  parseTicketToken,
  TICKET_TOKEN_VERSION,
} from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import {
  type CalendarContext,
  type CheckInMark,
  checkInPlace,
  listStationPlaces,
  listStationSlotIds,
  listStationSlots,
} from "../participation/index.js";
import * as scans from "./check-in.repository.js";
import * as repo from "./health-days.repository.js";
import type { TicketKeys } from "./tickets.keys.js";

/**
 * The door of a health day (issue 13, Live). Phones scan QR tickets (or take a typed short code), check
 * the signature offline with the day's public key, queue the scans and sync them in batches. Here each
 * scan is decided and kept: idempotent by the phone's nonce, a second scan of a ticket flagged
 * `duplicate`, cancelled, foreign and forged tickets refused, and a valid first scan marks the place
 * attended through participation's core (audited there).
 */

/** Runs one unit of work in the caller's tenant transaction (the route's `req.inTenant`). */
export type InTenant = <T>(fn: (scope: TenantScope) => Promise<T>) => Promise<T>;

export interface CheckInDeps {
  keys: TicketKeys;
  calendar: CalendarContext;
  /** The server's clock; tests pin it. */
  now?: () => Date;
}

/** The day (404 when not the company's), its stations and their slots. */
export async function dayWithSlots(scope: TenantScope, healthDayId: string) {
  const day = await repo.findHealthDay(scope, healthDayId);
  if (!day) throw AppError.notFound("Health day");
  const modules = await repo.listModules(scope, [healthDayId]);
  const slots = await listStationSlots(
    scope,
    modules.map((m) => m.id),
  );
  return { day, modules, slots };
}

/** What the offline check-in page needs: the public key and the labels of stations and slots. No names. */
export async function checkInKit(scope: TenantScope, keys: TicketKeys, healthDayId: string): Promise<CheckInKit> {
  const { day, modules, slots } = await dayWithSlots(scope, healthDayId);
  return {
    healthDayId: day.id,
    title: day.title,
    startsOn: day.startsOn,
    endsOn: day.endsOn,
    status: day.status,
    publicKey: keys.publicKey(day.id),
    tokenVersion: TICKET_TOKEN_VERSION,
    stations: modules.map((m) => ({
      id: m.id,
      title: m.title,
      location: m.location,
      slots: slots
        .filter((s) => s.healthDayModuleId === m.id)
        .map((s) => ({
          id: s.id,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          location: s.location,
          status: s.status,
        })),
    })),
  };
}

/** A ticket read from a scan: which slot and registration it names, or why it names none of this day's. */
type Resolved = { kind: "ticket"; slotId: string; participationId: string } | { kind: "refused"; outcome: CheckInOutcome };

function resolveToken(keys: TicketKeys, dayId: string, slotIds: Set<string>, token: string): Resolved {
  const parsed = parseTicketToken(token);
  if (!parsed) return { kind: "refused", outcome: "invalid" };
  const { payload } = parsed;
  if (payload.healthDayId !== dayId) {
    // Signed for another day (of this company or another): refused as foreign; a forgery stays invalid.
    return { kind: "refused", outcome: keys.verify(token, payload.healthDayId) ? "refused_foreign" : "invalid" };
  }
  if (!keys.verify(token, dayId)) return { kind: "refused", outcome: "invalid" };
  if (!slotIds.has(payload.slotId)) return { kind: "refused", outcome: "refused_foreign" };
  return { kind: "ticket", slotId: payload.slotId, participationId: payload.participationId };
}

const MARK_OUTCOME: Record<CheckInMark, CheckInOutcome> = {
  checked_in: "checked_in",
  already: "duplicate",
  no_place: "refused_cancelled",
  cancelled: "refused_cancelled",
  not_open: "refused_not_open",
  unknown: "refused_foreign",
};

const toResult = (row: scans.CheckInRow, replay: boolean): CheckInResult => ({
  nonce: row.nonce,
  outcome: row.outcome,
  slotId: row.slotId,
  scannedAt: row.scannedAt.toISOString(),
  receivedAt: row.receivedAt.toISOString(),
  replay,
});

/**
 * A batch from one phone's queue. Each scan is its own transaction, which reads the day first (404 before
 * anything is written): a scan claims its nonce first and locks its slot after, so two phones syncing
 * the same scans at once wait for each other scan by scan and cannot deadlock, and a batch cut off midway
 * is simply synced again. The batch answers 200 with one outcome per scan, in the order sent.
 */
export async function recordScans(
  inTenant: InTenant,
  deps: CheckInDeps,
  healthDayId: string,
  batch: CheckInBatch,
): Promise<CheckInBatchResult> {
  const now = deps.now ?? (() => new Date());
  type Code = { slotId: string; participationId: string };
  let codes: Map<string, Code> | null = null;
  /** The day and its slot ids, read in each scan's transaction (a phone's sync is mostly one scan: one transaction). */
  const readDay = async (scope: TenantScope) => {
    const day = await repo.findHealthDay(scope, healthDayId);
    if (!day) throw AppError.notFound("Health day");
    const modules = await repo.listModules(scope, [healthDayId]);
    const ids = await listStationSlotIds(
      scope,
      modules.map((m) => m.id),
    );
    return { day, slotIds: new Set(ids) };
  };
  const resolve = async (scope: TenantScope, slotIds: Set<string>, scan: CheckInScan): Promise<Resolved> => {
    if (scan.token !== undefined) return resolveToken(deps.keys, healthDayId, slotIds, scan.token);
    const code = normalizeShortCode(scan.shortCode ?? "");
    if (!isShortCode(code)) return { kind: "refused", outcome: "invalid" };
    if (!codes) {
      // Short codes are HMACs of the registration id: the day's registrations are few enough to derive them all, once a batch.
      const places = await listStationPlaces(scope, [...slotIds]);
      codes = new Map(places.map((p) => [deps.keys.shortCode(healthDayId, p.id), { slotId: p.sessionId, participationId: p.id }]));
    }
    const hit = codes.get(code);
    return hit ? { kind: "ticket", ...hit } : { kind: "refused", outcome: "invalid" };
  };

  const results: CheckInResult[] = [];
  for (const scan of batch.scans) {
    results.push(
      await inTenant(async (scope) => {
        const { day, slotIds } = await readDay(scope);
        const receivedAt = now();
        const scannedAt = new Date(scan.scannedAt);
        const claimed = await scans.claimNonce(scope, {
          healthDayId: day.id,
          nonce: scan.nonce,
          scannedAt,
          receivedAt,
          deviceId: scan.deviceId,
          scannedBy: scope.userId,
        });
        if (!claimed) {
          const stored = await scans.findByNonce(scope, day.id, scan.nonce);
          if (!stored) throw new Error("a nonce that conflicts must be readable");
          return toResult(stored, true);
        }
        const ticket = await resolve(scope, slotIds, scan);
        let outcome: CheckInOutcome;
        if (ticket.kind === "refused") outcome = ticket.outcome;
        else if (day.status === "cancelled") outcome = "refused_cancelled";
        else {
          // Attendance is judged at the scan's time (an offline scan arrives later), never ahead of the server's clock.
          const at = scannedAt < receivedAt ? scannedAt : receivedAt;
          const mark = await checkInPlace({ scope, calendar: deps.calendar, now: at }, ticket.slotId, ticket.participationId);
          outcome = MARK_OUTCOME[mark];
        }
        const known = ticket.kind === "ticket";
        const row = await scans.decide(scope, claimed.id, {
          outcome,
          slotId: known ? ticket.slotId : null,
          participationId: known && outcome !== "refused_foreign" ? ticket.participationId : null,
        });
        await scope.audit({
          action: "health_days.check_in_scanned",
          entityType: "health_day",
          entityId: day.id,
          details: { scanId: row.id, outcome, slotId: row.slotId, deviceId: scan.deviceId, via: scan.token ? "qr" : "short_code" },
        });
        return toResult(row, false);
      }),
    );
  }
  return { results };
}
