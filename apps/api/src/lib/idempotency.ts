import { createHash } from "node:crypto";
import { type Database, idempotencyKey, type Tx, withTenantTx } from "@bgm/db";
import { and, eq, lt, sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./app-error.js";

/**
 * Idempotency keys for creating POSTs, with Stripe's semantics (README, "Idempotency keys"):
 *
 * - A route opts in with `config: { idempotent: true }`; the client may send `Idempotency-Key: <1–255
 *   printable ASCII characters>` (anything else is a 400 `invalid_idempotency_key`; without the header
 *   the route works as before).
 * - The key is claimed where the route's tenant transaction starts (`req.inTenant`, the partner API's
 *   `inActorTenant`), i.e. after authentication, authorization and schema validation: what fails before
 *   that is neither remembered nor replayed. Keys are per caller: a session's user in its active
 *   organization, or a provider's API key.
 * - The same key with the same request (hash of method, route, parameters, query and body; a multipart
 *   upload by its fields and the SHA-256 of each file) within 24 hours answers the first answer again
 *   (status and body, header `Idempotent-Replayed: true`) without acting. Another request under the
 *   same key is a 422 `idempotency_key_reused`; while the first is still running a 409
 *   `idempotency_key_in_use`.
 * - Stored answers: every answer of a request that acted, and 4xx answers of one that did not (a 404, a
 *   business rule's 409/422 are the request's result), except 409 and 429, which say "try again later".
 *   A 5xx of a request that did not act releases the key, so the retry acts.
 * - No half-state: the row's `acted` flag is set in the route's own transaction, so it commits exactly
 *   with the change. A crash before that commit leaves an unacted claim, which a retry takes over after
 *   LOCK_TTL_MS; a crash between the commit and storing the answer leaves an acted row without an
 *   answer: a retry then gets a 409 `idempotency_answer_lost` and never acts a second time.
 */

export const IDEMPOTENCY_HEADER = "idempotency-key";
export const REPLAYED_HEADER = "idempotent-replayed";
/** How long a key and its answer are kept. */
export const KEY_TTL_HOURS = 24;
/** A claim older than this without an answer and without a committed change belongs to a request that died. */
export const LOCK_TTL_MS = 60_000;
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

export const IDEMPOTENCY_HEADER_DESCRIPTION = `Optional. 1–255 printable ASCII characters, unique per operation you mean (a UUID is fine). The same key with the same request within ${KEY_TTL_HOURS} h answers the first answer again, with \`Idempotent-Replayed: true\`, and changes nothing; the same key with another request is a 422 \`idempotency_key_reused\`, while the first request still runs a 409 \`idempotency_key_in_use\`. Keys are per caller (your user in its organization, or your API key).`;

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * POSTs that create something: honour an `Idempotency-Key` header (lib/idempotency.ts). `redact`
     * names top-level fields of the answer that are never stored (a secret shown once): a replay lacks them.
     */
    idempotent?: boolean | { redact: readonly string[] };
  }
}

/** Who a key belongs to. */
export interface KeyOwner {
  orgId: string;
  /** `user:<id>` or `api_key:<id>`. */
  caller: string;
}

interface Claim extends KeyOwner {
  key: string;
}

interface RequestState {
  key: string;
  /** Set by the preHandler hook: claims are made only by the handler, after validation. */
  armed: boolean;
  claim?: Claim;
  acted: boolean;
  replayed: boolean;
  parts?: unknown;
}

const states = new WeakMap<FastifyRequest, RequestState>();

/** The answer of the first request, thrown to skip the handler; the error handler sends it. */
export class IdempotentReplay extends Error {
  constructor(
    readonly status: number,
    readonly contentType: string | null,
    readonly body: string,
  ) {
    super("idempotent replay");
  }
  send(reply: FastifyReply) {
    reply.status(this.status).header(REPLAYED_HEADER, "true");
    if (this.contentType) reply.type(this.contentType);
    return reply.send(this.body);
  }
}

/** onRequest: a malformed key is a 400 before anything else; a valid one is remembered for the handler. */
export function readIdempotencyKey(req: FastifyRequest): void {
  if (!req.routeOptions.config?.idempotent) return;
  const raw = req.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return;
  const key = Array.isArray(raw) ? raw.join(", ") : raw;
  if (!KEY_PATTERN.test(key)) {
    throw new AppError("invalid_idempotency_key", "The Idempotency-Key must be 1 to 255 printable ASCII characters", undefined, 400);
  }
  states.set(req, { key, armed: false, acted: false, replayed: false });
}

/** preHandler: from now on (the handler) the first tenant transaction claims the key. */
export function armIdempotencyKey(req: FastifyRequest): void {
  const state = states.get(req);
  if (state) state.armed = true;
}

/** A body's parts that are not in `req.body` (files of a multipart upload), for the request hash. */
export function addIdempotencyParts(req: FastifyRequest, parts: { name: string; content: Buffer }[]): void {
  const state = states.get(req);
  if (state) state.parts = parts.map((p) => ({ name: p.name, sha256: createHash("sha256").update(p.content).digest("hex") }));
}

function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return { sha256: createHash("sha256").update(value).digest("hex") };
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as object).sort()) out[k] = canonical((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

export function requestHash(req: FastifyRequest, parts?: unknown): string {
  const what = [req.method, req.routeOptions.url ?? "", req.params, req.query, req.body, parts ?? null];
  return createHash("sha256")
    .update(JSON.stringify(canonical(what)))
    .digest("hex");
}

const ownRow = (c: Claim) => and(eq(idempotencyKey.orgId, c.orgId), eq(idempotencyKey.caller, c.caller), eq(idempotencyKey.key, c.key));

type ClaimOutcome = { kind: "act" } | { kind: "replay"; replay: IdempotentReplay };

/** Claims the key in a transaction of its own, or says why not (replay, 409, 422). */
async function claim(db: Database, c: Claim, hash: string): Promise<ClaimOutcome> {
  return withTenantTx(db, c.orgId, async (tx) => {
    // A row held by a running route transaction (it set `acted`) is skipped, not waited for.
    const [row] = await tx.select().from(idempotencyKey).where(ownRow(c)).for("update", { skipLocked: true });
    if (!row) {
      const [inserted] = await tx
        .insert(idempotencyKey)
        .values({ ...c, requestHash: hash, lockedAt: sql`now()` })
        .onConflictDoNothing()
        .returning({ key: idempotencyKey.key });
      if (inserted) return { kind: "act" };
      throw inUse();
    }
    const ageMs = Date.now() - row.createdAt.getTime();
    const expired = ageMs >= KEY_TTL_HOURS * 3_600_000;
    const deadClaim =
      row.responseStatus === null && !row.acted && (row.lockedAt === null || Date.now() - row.lockedAt.getTime() >= LOCK_TTL_MS);
    if (expired || (deadClaim && row.requestHash === hash)) {
      await tx
        .update(idempotencyKey)
        .set({
          requestHash: hash,
          lockedAt: sql`now()`,
          acted: false,
          responseStatus: null,
          responseType: null,
          responseBody: null,
          createdAt: sql`now()`,
        })
        .where(ownRow(c));
      return { kind: "act" };
    }
    if (row.requestHash !== hash) {
      throw new AppError(
        "idempotency_key_reused",
        "This Idempotency-Key was used for another request; use a new key for a new request",
        undefined,
        422,
      );
    }
    if (row.responseStatus !== null) {
      return { kind: "replay", replay: new IdempotentReplay(row.responseStatus, row.responseType, row.responseBody ?? "") };
    }
    if (row.acted && row.lockedAt !== null && Date.now() - row.lockedAt.getTime() >= LOCK_TTL_MS) {
      throw new AppError(
        "idempotency_answer_lost",
        "The first request with this Idempotency-Key made its change, but its answer was lost; look the result up instead of retrying",
        undefined,
        409,
      );
    }
    throw inUse();
  });
}

const inUse = () =>
  new AppError("idempotency_key_in_use", "A request with this Idempotency-Key is still running; retry in a moment", undefined, 409);

/** Inside the route's transaction: the change and `acted` commit together (and the row stays locked until then). */
async function markActed(tx: Tx, c: Claim) {
  await tx.update(idempotencyKey).set({ acted: true }).where(ownRow(c));
}

/**
 * Runs a route's tenant transaction under the request's idempotency key, if it has one: `run` gets the
 * step to call first in its transaction. The first such transaction of the handler claims the key;
 * a replay is thrown as IdempotentReplay, a reused or busy key as its AppError.
 */
export async function withIdempotency<T>(
  db: Database,
  req: FastifyRequest,
  owner: KeyOwner,
  run: (inTx: (tx: Tx) => Promise<void>) => Promise<T>,
): Promise<T> {
  const state = states.get(req);
  if (!state?.armed) return run(async () => {});
  if (!state.claim) {
    const c: Claim = { ...owner, key: state.key };
    const outcome = await claim(db, c, requestHash(req, state.parts));
    if (outcome.kind === "replay") {
      state.replayed = true;
      throw outcome.replay;
    }
    state.claim = c;
  }
  const c = state.claim;
  // A second transaction of the same request acting for another tenant does not count for this key.
  if (c.orgId !== owner.orgId || c.caller !== owner.caller) return run(async () => {});
  const result = await run((tx) => markActed(tx, c));
  state.acted = true;
  return result;
}

/** Statuses that mean "not now" rather than a result: not stored unless the request acted. */
const RETRYABLE = new Set([409, 429]);

/** onSend: stores the answer of a request that claimed a key (or releases the key, see the top). */
export async function storeIdempotentAnswer(db: Database, req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const state = states.get(req);
  const c = state?.claim;
  if (!state || !c || state.replayed) return;
  state.claim = undefined;
  const status = reply.statusCode;
  try {
    await withTenantTx(db, c.orgId, async (tx) => {
      if (!state.acted && (status >= 500 || RETRYABLE.has(status))) {
        await tx.delete(idempotencyKey).where(and(ownRow(c), eq(idempotencyKey.acted, false)));
        return;
      }
      const text = typeof payload === "string" ? payload : Buffer.isBuffer(payload) ? payload.toString("utf8") : "";
      const body = redacted(text, req.routeOptions.config?.idempotent);
      const type = reply.getHeader("content-type");
      await tx
        .update(idempotencyKey)
        .set({ responseStatus: status, responseType: typeof type === "string" ? type : null, responseBody: body, lockedAt: null })
        .where(ownRow(c));
    });
  } catch (err) {
    req.log.error({ err: { message: (err as Error).message } }, "idempotent answer could not be stored");
  }
}

function redacted(body: string, option: boolean | { redact: readonly string[] } | undefined): string {
  if (typeof option !== "object" || option.redact.length === 0) return body;
  try {
    const parsed = JSON.parse(body) as unknown;
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return body;
    const out = { ...(parsed as Record<string, unknown>) };
    for (const field of option.redact) delete out[field];
    return JSON.stringify(out);
  } catch {
    return "";
  }
}

/** Deletes keys older than KEY_TTL_HOURS (expired keys are also ignored when read). Returns how many. */
export async function sweepIdempotencyKeys(db: Database, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - KEY_TTL_HOURS * 3_600_000);
  const rows = await db.delete(idempotencyKey).where(lt(idempotencyKey.createdAt, cutoff)).returning({ key: idempotencyKey.key });
  return rows.length;
}
