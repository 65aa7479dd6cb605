import { Worker } from "node:worker_threads";

export interface Target {
  /** Full URL on 127.0.0.1. */
  url: string;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers?: Record<string, string>;
  body?: string;
  /** Paths (with query) on the url's origin that each connection cycles through, instead of `url` alone. */
  paths?: string[];
}

export interface LoadOptions {
  connections: number;
  /** Seconds. */
  duration: number;
}

export interface LoadResult {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  durationS: number;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

interface WorkerMessage {
  error?: string;
  result?: { duration: number; errors: number; timeouts: number; non2xx: number; total: number; statusCodes: Record<string, number> };
  latencies?: Float64Array;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * Fires `opts.connections` keep-alive connections at `target` for `opts.duration` seconds with
 * autocannon in a worker thread. Fails when any request errors or answers non-2xx: a fast
 * 401/429 would otherwise look like a great result.
 */
export function runLoad(target: Target, opts: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), {
      workerData: {
        url: target.url,
        method: target.method ?? "GET",
        headers: target.headers ?? {},
        body: target.body,
        paths: target.paths,
        connections: opts.connections,
        duration: opts.duration,
      },
    });
    let settled = false;
    worker.once("message", (msg: WorkerMessage) => {
      settled = true;
      void worker.terminate();
      if (msg.error || !msg.result || !msg.latencies) return reject(new Error(`autocannon: ${msg.error ?? "no result"}`));
      const r = msg.result;
      if (r.errors > 0 || r.non2xx > 0) {
        return reject(
          new Error(
            `${target.url}: ${r.errors} errors (${r.timeouts} timeouts), ${r.non2xx} non-2xx, status codes ${JSON.stringify(r.statusCodes)}`,
          ),
        );
      }
      const sorted = msg.latencies.sort();
      resolve({
        p50: round(percentile(sorted, 50)),
        p95: round(percentile(sorted, 95)),
        p99: round(percentile(sorted, 99)),
        rps: round(r.total / r.duration, 1),
        requests: r.total,
        durationS: r.duration,
        errors: r.errors,
        non2xx: r.non2xx,
        statusCodes: r.statusCodes,
      });
    });
    worker.once("error", (err) => {
      if (!settled) reject(err);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`load worker exited with code ${code}`));
    });
  });
}

/** One request up front, so a wrong URL or a missing login fails loudly before the load. */
export async function checkTarget(target: Target): Promise<void> {
  const urls = target.paths ? target.paths.map((p) => new URL(p, target.url).toString()) : [target.url];
  for (const url of urls) {
    const res = await fetch(url, { method: target.method ?? "GET", headers: target.headers, body: target.body });
    const text = await res.text();
    if (!res.ok) throw new Error(`${target.method ?? "GET"} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  }
}
