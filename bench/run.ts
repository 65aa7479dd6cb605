// npm run bench: every scenario in bench/scenarios against the real app on a fresh PostgreSQL
// database, each compared with a bare Fastify route doing the same SQL. Not part of CI.
//
// Env: BENCH_DURATION (s per measured run, default 10), BENCH_CONNECTIONS (default 50),
// BENCH_WARMUP (s of unmeasured load before each run, default 2), BENCH_DATABASE_URL (admin
// connection to the server, default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_ONLY (comma-separated scenario names), BENCH_DISCOVERY_CACHE=off (the app without its discovery cache),
// BENCH_ONLY=webhooks: the webhook fan-out line alone (bench/webhooks/fanout.ts),
// BENCH_CPU_PROFILE=<folder> (a CPU profile of the app per scenario, bench/lib/profile.ts; the folder is created),
// BENCH_POOL_SIZE (the pg pool of the app and of the bare server, default 20 as the app's own),
// BENCH_ROUNDS (default 1): alternate the bare and the real run this many times per scenario and print the pair
// with the median ratio, with every pair's ratio (`rounds=`): on a shared machine the throughput of the same code
// moves by ±20 % within minutes, and one bare run followed by one real run takes that drift into the ratio,
// BENCH_LOW_CONNECTIONS (default 1; 0 skips it) and BENCH_LOW_DURATION (s, default 5): a second, separate
// measurement of latency at low concurrency.
//
// The load generator (autocannon in a worker thread of this process), the app and PostgreSQL share this
// machine's cores: at BENCH_CONNECTIONS the main line's p50/p95/p99 are mostly queueing (50 requests waiting
// for 2 cores), so they say how the app behaves saturated, not what one request costs. The extra line
// "… at N connection(s)" is that: the same requests at low concurrency, for the p95 a single client sees.
import { fileURLToPath } from "node:url";
import { cpuPerRequest, sampleCpu } from "./lib/cpu.js";
import { checkTarget, type LoadOptions, runLoad, type Target } from "./lib/load.js";
import { type BenchRecord, formatLine, formatLowLine, medianRound, toLowConcurrency, toRecord, writeResults } from "./lib/output.js";
import { createDatabase, DEFAULT_ADMIN_URL, databaseUrl, dropDatabase, ensurePostgres } from "./lib/postgres.js";
import { profiled } from "./lib/profile.js";
import type { BenchContext } from "./lib/scenario.js";
import { type BareServer, type RealApp, startBareServer, startRealApp } from "./lib/servers.js";
import { matchingQualityLines } from "./matching/evaluate.js";
import { scenarios } from "./scenarios/index.js";
import { webhookFanoutLine } from "./webhooks/fanout.js";

function numberEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got ${raw}`);
  return n;
}

const duration = numberEnv("BENCH_DURATION", 10);
const connections = numberEnv("BENCH_CONNECTIONS", 50);
const warmup = numberEnv("BENCH_WARMUP", 2);
const lowConnections = numberEnv("BENCH_LOW_CONNECTIONS", 1);
const lowDuration = numberEnv("BENCH_LOW_DURATION", 5);
// Pairs of runs (bare, then real) per scenario; the line is the pair with the median ratio (lib/output.ts).
const rounds = Math.max(1, Math.floor(numberEnv("BENCH_ROUNDS", 1)));
const adminUrl = process.env.BENCH_DATABASE_URL || DEFAULT_ADMIN_URL;
const only = process.env.BENCH_ONLY?.split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const resultsFile = fileURLToPath(new URL("./results.json", import.meta.url));
const log = (msg: string) => process.stderr.write(`${msg}\n`);

// Not a load scenario: the webhook fan-out drains a queue and prints its own line.
const WEBHOOKS = "webhooks";
const runWebhooks = !only || only.includes(WEBHOOKS);
const selected = only ? scenarios.filter((s) => only.includes(s.name)) : scenarios;
if (only && selected.length !== only.filter((n) => n !== WEBHOOKS).length) {
  throw new Error(`unknown scenario in BENCH_ONLY; known: ${scenarios.map((s) => s.name).join(", ")}`);
}

const dbName = `bgm_bench_${process.pid}`;

async function measure(target: Target, opts: LoadOptions) {
  await checkTarget(target);
  if (warmup > 0) await runLoad(target, { ...opts, duration: warmup });
  const before = sampleCpu(dbName);
  const result = await runLoad(target, opts);
  return { ...result, cpu: cpuPerRequest(before, sampleCpu(dbName), result.requests) };
}

let real: RealApp | undefined;
let created = false;
const records: BenchRecord[] = [];

async function cleanup() {
  await real?.close().catch((err) => log(`closing the app failed: ${err}`));
  real = undefined;
  if (created) {
    await dropDatabase(adminUrl, dbName).catch((err) => log(`dropping ${dbName} failed: ${err}`));
    created = false;
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

// The partner matching's quality against its labelled set (issue 15): pure, a few milliseconds, no server.
for (const line of matchingQualityLines(process.env.BENCH_VERBOSE === "1")) console.log(line);

try {
  await ensurePostgres(adminUrl);
  if (runWebhooks) {
    log("bench webhooks: fan-out ...");
    console.log(await webhookFanoutLine(adminUrl));
    if (!selected.length) process.exit(0);
  }
  await createDatabase(adminUrl, dbName);
  created = true;
  const url = databaseUrl(adminUrl, dbName);
  log(`bench: database ${dbName}; ${connections} connections, ${warmup} s warm-up + ${duration} s per run; node ${process.version}`);
  real = await startRealApp(url);

  const opts: LoadOptions = { connections, duration };
  for (const scenario of selected) {
    const bareServers: BareServer[] = [];
    const ctx: BenchContext = {
      real,
      async bare(register) {
        const server = await startBareServer(url, register);
        bareServers.push(server);
        return server;
      },
    };
    try {
      const prepared = await scenario.prepare(ctx);
      const measuredRounds: BenchRecord[] = [];
      for (let round = 1; round <= rounds; round++) {
        const of = rounds > 1 ? ` (round ${round}/${rounds})` : "";
        log(`bench ${scenario.name}: baseline${of} ...`);
        const baseline = await measure(prepared.baseline, opts);
        log(`bench ${scenario.name}: real app${of} ...`);
        const measured = await profiled(process.env.BENCH_CPU_PROFILE, scenario.name, () => measure(prepared.real, opts));
        const one = toRecord(scenario.name, measured, baseline, opts);
        one.cpu = { real: measured.cpu, baseline: baseline.cpu };
        if (rounds > 1) log(formatLine(one));
        measuredRounds.push(one);
      }
      const record = medianRound(measuredRounds);
      process.stdout.write(`${formatLine(record)}\n`);
      if (lowConnections > 0) {
        const low: LoadOptions = { connections: lowConnections, duration: lowDuration };
        log(`bench ${scenario.name}: low concurrency (${lowConnections}) ...`);
        const lowBaseline = await measure(prepared.baseline, low);
        const lowReal = await measure(prepared.real, low);
        record.low_concurrency = toLowConcurrency(lowReal, lowBaseline, low);
        process.stdout.write(`${formatLowLine(record.name, record.low_concurrency)}\n`);
      }
      records.push(record);
    } finally {
      for (const s of bareServers) await s.close();
    }
  }
  writeResults(resultsFile, records);
  log(`bench: wrote ${records.length} result(s) to ${resultsFile}`);
} catch (err) {
  log(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
