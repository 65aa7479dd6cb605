// node --import tsx bench/cpu.ts: process CPU per request of the real app and of the bare baseline, for the
// scenarios in BENCH_ONLY (comma-separated; required). Sequential requests (one at a time, cycling through the
// target's paths), BENCH_CPU_REQUESTS per round (default 80), BENCH_CPU_ROUNDS rounds (default 3), after 10
// unmeasured requests. On a shared machine throughput ratios swing with other people's load; the CPU this
// process spends per request does much less. It includes the in-process HTTP client (the same for both sides),
// not PostgreSQL's work (the same SQL for both sides).

import type { Target } from "./lib/load.js";
import { createDatabase, DEFAULT_ADMIN_URL, databaseUrl, dropDatabase, ensurePostgres } from "./lib/postgres.js";
import type { BareServer } from "./lib/servers.js";
import { startBareServer, startRealApp } from "./lib/servers.js";
import { scenarios } from "./scenarios/index.js";

const only = (process.env.BENCH_ONLY ?? "").split(",").filter(Boolean);
if (only.length === 0) throw new Error("BENCH_ONLY names the scenario(s) to measure");
const requests = Number(process.env.BENCH_CPU_REQUESTS ?? 80);
const rounds = Number(process.env.BENCH_CPU_ROUNDS ?? 3);
const adminUrl = process.env.BENCH_DATABASE_URL || DEFAULT_ADMIN_URL;

/** Process CPU (user + system) per request in ms over `n` sequential requests. */
async function cpuPerRequest(target: Target, n: number): Promise<number> {
  const urls = target.paths ? target.paths.map((p) => new URL(p, target.url).toString()) : [target.url];
  const send = async (i: number) => {
    const res = await fetch(urls[i % urls.length]!, { method: target.method ?? "GET", headers: target.headers, body: target.body });
    await res.arrayBuffer();
    if (res.status >= 300) throw new Error(`${urls[i % urls.length]}: ${res.status}`);
  };
  for (let i = 0; i < 10; i++) await send(i);
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await send(i);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / n;
}

const dbName = `bgm_bench_cpu_${process.pid}`;
await ensurePostgres(adminUrl);
await createDatabase(adminUrl, dbName);
const url = databaseUrl(adminUrl, dbName);
const real = await startRealApp(url);
try {
  for (const scenario of scenarios.filter((s) => only.includes(s.name))) {
    const bare: BareServer[] = [];
    try {
      const prepared = await scenario.prepare({
        real,
        async bare(register) {
          const server = await startBareServer(url, register);
          bare.push(server);
          return server;
        },
      });
      for (let r = 1; r <= rounds; r++) {
        const baseline = await cpuPerRequest(prepared.baseline, requests);
        const app = await cpuPerRequest(prepared.real, requests);
        console.log(
          `cpu ${scenario.name} round ${r}: real ${app.toFixed(1)} ms/request, baseline ${baseline.toFixed(1)} ms/request, ratio ${(baseline / app).toFixed(2)}`,
        );
      }
    } finally {
      for (const s of bare) await s.close();
    }
  }
} finally {
  await real.close();
  await dropDatabase(adminUrl, dbName);
}
