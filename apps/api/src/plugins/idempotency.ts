import type { Database } from "@bgm/db";
import type { FastifyInstance, onRequestHookHandler, onSendHookHandler, preHandlerHookHandler } from "fastify";
import fp from "fastify-plugin";
import { armIdempotencyKey, readIdempotencyKey, storeIdempotentAnswer, sweepIdempotencyKeys } from "../lib/idempotency.js";

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** A route option's hooks (absent, one, or a list) as a list. */
const hooks = <T>(h: T | T[] | undefined): T[] => (h === undefined ? [] : Array.isArray(h) ? h : [h]);

/**
 * `Idempotency-Key` on the routes with `config: { idempotent: true }` (lib/idempotency.ts): the key is
 * checked on arrival, claimed by the handler's tenant transaction, and the answer stored on its way
 * out. Expired keys are deleted hourly (not in tests, which call sweepIdempotencyKeys).
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance, opts: { db: Database; sweep: boolean }) => {
  // Only the routes that take a key get the hooks: on every other request they would be three hook calls
  // for nothing (issue 14, "API overhead"). Route hooks run after the app's own, as these did.
  const onRequest: onRequestHookHandler = (req, _reply, done) => {
    try {
      readIdempotencyKey(req);
      done();
    } catch (err) {
      done(err as Error);
    }
  };
  const preHandler: preHandlerHookHandler = (req, _reply, done) => {
    armIdempotencyKey(req);
    done();
  };
  const onSend: onSendHookHandler = async (req, reply, payload) => {
    await storeIdempotentAnswer(opts.db, req, reply, payload);
    return payload;
  };
  app.addHook("onRoute", (route) => {
    if (!route.config?.idempotent) return;
    route.onRequest = [...hooks(route.onRequest), onRequest];
    route.preHandler = [...hooks(route.preHandler), preHandler];
    route.onSend = [...hooks(route.onSend), onSend];
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
