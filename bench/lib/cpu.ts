import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";

/**
 * Process CPU per request (issue 14): on this shared 2-core machine the rps ratio swings with whatever else
 * runs, while the CPU one request costs does not. The app and the bare server both run on this process's
 * main thread (the load generator is a worker thread), so that thread's CPU time over a run, divided by the
 * requests, is what the server under test spent per request; the PostgreSQL backends serving the bench
 * database are counted the same way.
 */
const TICK_US = 10_000; // Linux USER_HZ = 100

/** utime + stime (µs) of a /proc stat line: fields 14 and 15, counted after the parenthesized command. */
function statCpuUs(path: string): number {
  try {
    const stat = readFileSync(path, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  } catch {
    return 0; // the process or thread ended
  }
}

/** CPU µs of every PostgreSQL backend connected to `dbName`, by pid (the backend's title names its database). */
function backendsCpuUs(dbName: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (cmdline.startsWith("postgres: ") && cmdline.includes(` ${dbName} `)) out.set(Number(entry), statCpuUs(`/proc/${entry}/stat`));
  }
  return out;
}

export interface CpuSample {
  mainUs: number;
  pg: Map<number, number>;
}

export function sampleCpu(dbName: string): CpuSample {
  return { mainUs: statCpuUs(`/proc/self/task/${process.pid}/stat`), pg: backendsCpuUs(dbName) };
}

export interface CpuPerRequest {
  /** µs of the node main thread (the server under test) per request. */
  app_us: number;
  /** µs of the bench database's PostgreSQL backends per request (backends that ended during the run are missed). */
  pg_us: number;
  /** 1-minute load average at the end of the run: the noise the rps figures were measured in. */
  load1: number;
}

export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number): CpuPerRequest {
  let pg = 0;
  for (const [pid, us] of after.pg) pg += us - (before.pg.get(pid) ?? 0);
  const per = (us: number) => (requests > 0 ? Math.round(us / requests) : 0);
  return { app_us: per(after.mainUs - before.mainUs), pg_us: per(pg), load1: Math.round(loadavg()[0]! * 100) / 100 };
}
