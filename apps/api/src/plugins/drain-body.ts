import type { IncomingMessage } from "node:http";

/**
 * Reads and discards what is left of a request body. Fastify refuses a body over the limit as soon as
 * Content-Length announces it and closes the connection after its 413; a client that sends the body
 * without `Expect: 100-continue` (fetch, browsers) is still writing then and sees a broken pipe instead
 * of the answer. Draining first lets it finish and read the 413. Bounded, so a client cannot make the
 * server read forever: past `maxBytes` or `timeoutMs` the connection is closed as before.
 */
export function drainBody(raw: IncomingMessage, maxBytes = 16 * 1024 * 1024, timeoutMs = 15_000): Promise<void> {
  if (raw.readableEnded || raw.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      clearTimeout(timer);
      raw.off("data", onData);
      raw.off("end", done);
      raw.off("error", done);
      raw.off("close", done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) done();
    };
    const timer = setTimeout(done, timeoutMs);
    raw.on("data", onData);
    raw.once("end", done);
    raw.once("error", done);
    raw.once("close", done);
    raw.resume();
  });
}
