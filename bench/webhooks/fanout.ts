// Webhook fan-out (issue 16): 1,000 events to 10 local endpoints, delivered by the job queue of two
// "API processes" (two workers on two connection pools of one PostgreSQL database). Prints one line:
// all delivered, none twice, time to drain. BENCH_ONLY=webhooks npm run bench.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type DatabaseHandle, openDatabase, organization, webhookEndpoint } from "@bgm/db";
import { sql } from "drizzle-orm";
import pino from "pino";
import { createJobQueue, type JobQueue } from "../../apps/api/src/lib/jobs.js";
import { emitWebhookEvent } from "../../apps/api/src/modules/webhooks/emit.js";
import { registerWebhookJobs } from "../../apps/api/src/modules/webhooks/worker.js";
import { createDatabase, databaseUrl, dropDatabase } from "../lib/postgres.js";

const EVENTS = 1000;
const ENDPOINTS = 10;

interface Receiver {
  url: string;
  ids: Map<string, number>;
  server: Server;
}

function receiver(): Promise<Receiver> {
  const ids = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const id = String(req.headers["webhook-id"]);
      ids.set(id, (ids.get(id) ?? 0) + 1);
      res.end("ok");
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, ids, server })),
  );
}

export async function webhookFanoutLine(adminUrl: string): Promise<string> {
  const name = `bgm_bench_wh_${process.pid}`;
  await createDatabase(adminUrl, name);
  const handles: DatabaseHandle[] = [];
  const receivers: Receiver[] = [];
  const queues: JobQueue[] = [];
  try {
    const url = databaseUrl(adminUrl, name);
    const a = await openDatabase({ url, poolSize: 10 });
    handles.push(a);
    await a.migrate();
    const b = await openDatabase({ url, poolSize: 10 });
    handles.push(b);
    for (let i = 0; i < ENDPOINTS; i++) receivers.push(await receiver());
    const orgId = "bench-webhook-partner";
    await a.db.insert(organization).values({ id: orgId, name: "Bench Partner", slug: "bench-webhook-partner", kind: "provider" });
    await a.db
      .insert(webhookEndpoint)
      .values(
        receivers.map((r) => ({ orgId, url: r.url, events: ["quote.accepted"], secret: "whsec_YmVuY2gtc2VjcmV0LWJlbmNoLXNlY3JldA==" })),
      );
    const log = pino({ level: "silent" });
    const mailer = { send: async () => {} };
    for (const [i, h] of [a, b].entries()) {
      const q = createJobQueue({ db: h.db, workerId: `bench-${i}`, concurrency: 20 });
      registerWebhookJobs(q, { db: h.db, mailer, log, appUrl: "http://127.0.0.1", allowPrivate: true, timeoutMs: 5000 });
      queues.push(q);
    }
    // The events, as the modules emit them: one fan-out job each, in the changes' transactions.
    await a.db.transaction(async (tx) => {
      for (let n = 0; n < EVENTS; n++) {
        await emitWebhookEvent(tx as never, orgId, "quote.accepted", {
          engagementId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
          quoteId: null,
        });
      }
    });
    const started = performance.now();
    // Both workers drain until no job is open (a failed try waits for its backoff, so idle is not empty).
    const open = async () => {
      const res = await a.db.execute(sql`SELECT count(*)::int AS n FROM job WHERE done_at IS NULL AND failed_at IS NULL`);
      return (res as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
    };
    await Promise.all(
      queues.map(async (q) => {
        for (;;) {
          if ((await q.runDue()) > 0) continue;
          if ((await open()) === 0) return;
          await new Promise((r) => setTimeout(r, 100));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const expected = EVENTS * ENDPOINTS;
    let delivered = 0;
    let twice = 0;
    let missing = 0;
    for (const r of receivers) {
      delivered += r.ids.size;
      twice += [...r.ids.values()].filter((c) => c > 1).length;
      missing += EVENTS - r.ids.size;
    }
    return (
      `webhooks fan-out: ${EVENTS} events × ${ENDPOINTS} endpoints, 2 workers: ${delivered}/${expected} delivered, ` +
      `${twice} twice, ${missing} missing, drained in ${seconds.toFixed(1)} s (${Math.round(expected / seconds)} deliveries/s)`
    );
  } finally {
    for (const q of queues) await q.stop();
    for (const r of receivers) r.server.close();
    for (const h of handles) await h.close();
    await dropDatabase(adminUrl, name);
  }
}
