import { writeFileSync } from "node:fs";
import type { CpuPerRequest } from "./cpu.js";
import type { LoadResult } from "./load.js";

export interface BenchRecord {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  baseline_rps: number;
  ratio: number;
  baseline: { p50: number; p95: number; p99: number };
  requests: number;
  baseline_requests: number;
  duration_s: number;
  connections: number;
  /** Server CPU per request under full load (bench/lib/cpu.ts): the figure the machine's noise moves least. */
  cpu?: { real: CpuPerRequest; baseline: CpuPerRequest };
  /** With BENCH_ROUNDS > 1: the ratio of every pair of runs, in the order they ran; the record is the median pair's. */
  rounds?: number[];
  /** Latency at low concurrency, measured separately (BENCH_LOW_CONNECTIONS); the figures above are under full load. */
  low_concurrency?: LowConcurrency;
}

export interface LowConcurrency {
  connections: number;
  duration_s: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  baseline: { p50: number; p95: number; p99: number; rps: number };
}

export function toLowConcurrency(real: LoadResult, baseline: LoadResult, opts: { duration: number; connections: number }): LowConcurrency {
  return {
    connections: opts.connections,
    duration_s: opts.duration,
    p50: real.p50,
    p95: real.p95,
    p99: real.p99,
    rps: real.rps,
    baseline: { p50: baseline.p50, p95: baseline.p95, p99: baseline.p99, rps: baseline.rps },
  };
}

/** The separate low-concurrency line, labelled so that it is never read as the load figure. */
export function formatLowLine(name: string, l: LowConcurrency): string {
  const conns = `${l.connections} connection${l.connections === 1 ? "" : "s"}`;
  return `bench ${name} at ${conns} (latency, not under load): p50=${l.p50} p95=${l.p95} p99=${l.p99} rps=${l.rps} baseline_p50=${l.baseline.p50} baseline_p95=${l.baseline.p95}`;
}

export function toRecord(
  name: string,
  real: LoadResult,
  baseline: LoadResult,
  opts: { duration: number; connections: number },
): BenchRecord {
  return {
    name,
    p50: real.p50,
    p95: real.p95,
    p99: real.p99,
    rps: real.rps,
    baseline_rps: baseline.rps,
    ratio: baseline.rps > 0 ? Math.round((real.rps / baseline.rps) * 1000) / 1000 : 0,
    baseline: { p50: baseline.p50, p95: baseline.p95, p99: baseline.p99 },
    requests: real.requests,
    baseline_requests: baseline.requests,
    duration_s: opts.duration,
    connections: opts.connections,
  };
}

/** The pair of runs with the median ratio (the lower middle one of an even count), carrying every pair's ratio. */
export function medianRound(records: BenchRecord[]): BenchRecord {
  if (records.length === 0) throw new Error("medianRound: no runs");
  if (records.length === 1) return records[0] as BenchRecord;
  const sorted = [...records].sort((a, b) => a.ratio - b.ratio);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] as BenchRecord;
  return { ...median, rounds: records.map((r) => r.ratio) };
}

/**
 * The one line per scenario: `bench <name>: p50=… p95=… p99=… rps=… baseline_rps=… ratio=…`, then the server CPU per
 * request (µs, node main thread and PostgreSQL backends, real and bare) and the load average after each run.
 */
export function formatLine(r: BenchRecord): string {
  const line = `bench ${r.name}: p50=${r.p50} p95=${r.p95} p99=${r.p99} rps=${r.rps} baseline_rps=${r.baseline_rps} ratio=${r.ratio}`;
  const rounds = r.rounds ? ` rounds=${r.rounds.join("/")}` : "";
  if (!r.cpu) return `${line}${rounds}`;
  const { real, baseline } = r.cpu;
  return `${line}${rounds} app_us=${real.app_us} baseline_app_us=${baseline.app_us} pg_us=${real.pg_us} baseline_pg_us=${baseline.pg_us} load=${baseline.load1}/${real.load1}`;
}

export function writeResults(file: string, records: BenchRecord[]): void {
  writeFileSync(file, `${JSON.stringify(records, null, 2)}\n`);
}
