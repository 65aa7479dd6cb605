import type { Database } from "@bgm/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { armIdempotencyKey, readIdempotencyKey, storeIdempotentAnswer, sweepIdempotencyKeys } from "../lib/idempotency.js";

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * `Idempotency-Key` on the routes with `config: { idempotent: true }` (lib/idempotency.ts): the key is
 * checked on arrival, claimed by the handler's tenant transaction, and the answer stored on its way
 * out. Expired keys are deleted hourly (not in tests, which call sweepIdempotencyKeys).
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance, opts: { db: Database; sweep: boolean }) => {
  app.addHook("onRequest", async (req) => readIdempotencyKey(req));
  app.addHook("preHandler", async (req) => armIdempotencyKey(req));
  app.addHook("onSend", async (req, reply, payload) => {
    await storeIdempotentAnswer(opts.db, req, reply, payload);
    return payload;
  });
  if (!opts.sweep) return;
  let timer: NodeJS.Timeout | undefined;
  const run = () =>
    void sweepIdempotencyKeys(opts.db).catch((err: Error) =>
      app.log.error({ err: { message: err.message } }, "idempotency key sweep failed"),
    );
  app.addHook("onReady", async () => {
    timer = setInterval(run, SWEEP_INTERVAL_MS);
    timer.unref();
  });
  app.addHook("onClose", async () => clearInterval(timer));
});
