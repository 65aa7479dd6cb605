// npm run bench:load (issue 17): the mixed workload (bench/cluster/workload.ts: discovery 60 %, dashboards 25 %,
// writes 15 %) at rising rates, first on one API node, then on two nodes behind nginx round robin, both on one
// private PostgreSQL (bench/cluster/lib.ts). Prints one line per step and the knee of each: the highest rate
// with p95 < 100 ms and no error; then the scaling factor (knee of two nodes / knee of one).
//
// Env: BENCH_RATES (requests/s, comma-separated, default 5,10,20,40,80,120,160,240), BENCH_STEP_S (s per step,
// default 20; 300 for the issue's 5 minutes), BENCH_WARMUP_S (default 5), BENCH_PORT (nginx; nodes on the next
// ports, default 3400), BENCH_PG_PORT (private PostgreSQL, default 55432), BENCH_KEEP=1 (keep logs),
// BENCH_BUILD=1 (rebuild the API). Not a test: a figure, not a verdict.
import { mkdirSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import {
  ensureBuild,
  log,
  numberEnv,
  onCleanup,
  runAtRate,
  runBench,
  type StepResult,
  say,
  seedDemo,
  setAppOrigin,
  startNginx,
  startNode,
  startPrivatePostgres,
  waitReady,
  workDir,
} from "./lib.js";
import { mixedPicker, newAcknowledged, prepareWorld } from "./workload.js";

const RATES = (process.env.BENCH_RATES ?? "5,10,20,40,80,120,160,240").split(",").map(Number);
const STEP_S = numberEnv("BENCH_STEP_S", 20);
const WARMUP_S = numberEnv("BENCH_WARMUP_S", 5);
const PORT = numberEnv("BENCH_PORT", 3400);
const P95_LIMIT_MS = 100;

const passes = (r: StepResult) => r.errors === 0 && r.p95 < P95_LIMIT_MS;

function stepLine(setup: string, r: StepResult) {
  const kinds = Object.entries(r.byKind)
    .map(([k, v]) => `${k}:${v.n}/p95=${v.p95}${v.errors ? `/err=${v.errors}` : ""}`)
    .join(" ");
  say(
    `load ${setup} rate=${r.rate}/s sent=${r.sent} ok=${r.ok} errors=${r.errors} p50=${r.p50}ms p95=${r.p95}ms p99=${r.p99}ms ` +
      `achieved=${r.achievedRps}/s loadavg=${loadavg()[0]?.toFixed(1)} ${passes(r) ? "PASS" : "FAIL"} statuses=${JSON.stringify(r.statuses)} [${kinds}]`,
  );
}

/** Keeps up: no error and at least 90 % of the offered rate answered (the server is not yet saturated). */
const keepsUp = (r: StepResult) => r.errors === 0 && r.achievedRps >= 0.9 * r.rate;

interface Knees {
  /** Highest rate with p95 < 100 ms and no error (the issue's knee). */
  latency: number;
  /** Highest rate the setup kept up with (no error, >= 90 % answered), whatever the latency. */
  throughput: number;
}

/**
 * Rising rates until the setup no longer keeps up (an error, under 90 % answered, or p95 over 2 s). Two knees:
 * the issue's (p95 < 100 ms, no error) and the throughput one, which stays informative on a machine whose
 * cores are busy with other work (then even the lowest rate can miss 100 ms).
 */
async function rampUp(setup: string, base: string, databaseUrl: string): Promise<Knees> {
  const world = await prepareWorld(base, databaseUrl);
  const ack = newAcknowledged();
  const pick = mixedPicker(base, world, ack);
  if (WARMUP_S > 0) await runAtRate(RATES[0] ?? 10, WARMUP_S, pick);
  const knees: Knees = { latency: 0, throughput: 0 };
  for (const rate of RATES) {
    log(`${setup}: ${rate} requests/s for ${STEP_S} s`);
    const r = await runAtRate(rate, STEP_S, pick);
    stepLine(setup, r);
    if (passes(r) && knees.latency === knees.throughput) knees.latency = rate;
    if (!keepsUp(r) || r.p95 > 2000) break;
    knees.throughput = rate;
  }
  say(
    `knee ${setup}: ${knees.latency} requests/s with p95 < ${P95_LIMIT_MS} ms and 0 errors; keeps up (0 errors, >= 90 % answered) to ${knees.throughput} requests/s (steps ${RATES.join(",")}, ${STEP_S} s each)`,
  );
  return knees;
}

async function main() {
  ensureBuild();
  const pgc = startPrivatePostgres();
  const work = workDir("load");
  onCleanup(() => {
    if (process.env.BENCH_KEEP === "1") log(`logs in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });
  const files = join(work, "files");
  mkdirSync(files);
  const nodePorts = [PORT + 1, PORT + 2];
  const appUrl = `http://127.0.0.1:${PORT}`;
  setAppOrigin(appUrl);
  const common = { databaseUrl: pgc.url, filesDir: files, logDir: work, appUrl };

  await seedDemo({ ...common, port: PORT + 3 });
  log("demo data loaded");
  // One node behind its own nginx, so both setups pay the same proxy hop.
  const singlePort = PORT + 10;
  await startNode({ ...common, name: "node1", port: nodePorts[0] as number });
  startNginx(singlePort, [nodePorts[0] as number], join(work, "nginx-single"));
  await waitReady(`http://127.0.0.1:${singlePort}`, "nginx (one node)");
  const kneeOne = await rampUp("one-node", `http://127.0.0.1:${singlePort}`, pgc.url);

  await startNode({ ...common, name: "node2", port: nodePorts[1] as number });
  startNginx(PORT, nodePorts, join(work, "nginx-two"));
  await waitReady(`http://127.0.0.1:${PORT}`, "nginx (two nodes)");
  const kneeTwo = await rampUp("two-nodes", `http://127.0.0.1:${PORT}`, pgc.url);

  const ratio = (a: number, b: number) => (b > 0 ? String(Math.round((a / b) * 100) / 100) : "n/a (no step passed on one node)");
  say(
    `scaling two-nodes/one-node: ${ratio(kneeTwo.latency, kneeOne.latency)} by the p95 < 100 ms knee (${kneeTwo.latency} / ${kneeOne.latency}), ` +
      `${ratio(kneeTwo.throughput, kneeOne.throughput)} by throughput (${kneeTwo.throughput} / ${kneeOne.throughput} requests/s); load generator, nginx, both nodes and PostgreSQL share ${availableParallelism()} cores; 1-min load average now ${loadavg()[0]?.toFixed(1)})`,
  );
}

await runBench(main);
