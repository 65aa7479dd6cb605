import http from "node:http";
import https from "node:https";
import { checkWebhookUrl, ForbiddenUrlError, guardedLookup } from "./ssrf.js";

/** At most this much of an answer is read; the rest is dropped (the body is not used). */
export const RESPONSE_CAP_BYTES = 64 * 1024;

export interface SendOutcome {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

/**
 * POSTs one webhook: a timeout for the whole exchange, a cap on what is read back, no redirects followed,
 * the address checked after DNS resolution (ssrf.ts). Never throws.
 */
export function sendWebhook(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  opts: { allowPrivate: boolean; timeoutMs: number },
): Promise<SendOutcome> {
  const started = performance.now();
  const done = (ok: boolean, statusCode: number | null, error: string | null): SendOutcome => ({
    ok,
    statusCode,
    latencyMs: Math.round(performance.now() - started),
    error,
  });
  let url: URL;
  try {
    url = checkWebhookUrl(rawUrl, opts.allowPrivate);
  } catch (err) {
    return Promise.resolve(done(false, null, `refused: ${(err as Error).message}`));
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (o: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "user-agent": "BGM-Hub-Webhooks/1",
          ...headers,
        },
        lookup: guardedLookup(opts.allowPrivate) as never,
        agent: false,
      },
      (res) => {
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > RESPONSE_CAP_BYTES) res.destroy();
        });
        const status = res.statusCode ?? 0;
        const end = () => finish(done(status >= 200 && status < 300, status, status >= 200 && status < 300 ? null : `HTTP ${status}`));
        res.on("end", end);
        res.on("close", end);
        res.on("error", end);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish(done(false, null, `timeout after ${opts.timeoutMs} ms`));
    }, opts.timeoutMs);
    req.on("error", (err) => {
      const message = err instanceof ForbiddenUrlError ? `refused: ${err.message}` : ((err as NodeJS.ErrnoException).code ?? err.message);
      finish(done(false, null, String(message).slice(0, 200)));
    });
    req.end(body);
  });
}
