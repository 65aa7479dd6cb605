// Shared by bench/cluster/load.ts and bench/cluster/faults.ts (issue 17): a private PostgreSQL cluster, compiled
// API nodes, nginx round robin, demo sign-ins and a rate-controlled (open-loop) HTTP client. Everything on
// loopback, everything started here is stopped again. Never touches the system PostgreSQL on :5432: faults
// restart the database, and other people's tests use that one.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CSRF_HEADER, CSRF_VALUE } from "../../apps/api/src/plugins/security.js";
import { percentile } from "../lib/load.js";

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const DEMO_PASSWORD = "Demo!2026bgm";
export const MANAGER = "petra.manager@muster-gmbh.de";
export const PARTNER = "marcus@surveypro.de";

/** Progress goes to stderr; the measurement lines (one per figure) to stdout. */
export const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
export const say = (m: string) => process.stdout.write(`${m}\n`);

export function numberEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got ${raw}`);
  return n;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A work folder for this run; kept when BENCH_KEEP=1 (logs of the nodes, nginx and PostgreSQL). */
export function workDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `bgm-${prefix}-`));
}

// ---------------------------------------------------------------------------------------------- processes

interface Proc {
  name: string;
  child: ChildProcess;
}
const procs: Proc[] = [];
let stopping = false;

export function startProcess(
  name: string,
  cmd: string,
  args: string[],
  env: Record<string, string | undefined>,
  logDir: string,
): ChildProcess {
  const out = createWriteStream(join(logDir, `${name}.log`), { flags: "a" });
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  procs.push({ name, child });
  child.on("exit", () => {
    const i = procs.findIndex((p) => p.child === child);
    if (i >= 0) procs.splice(i, 1);
  });
  return child;
}

export const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;

export function exited(c: ChildProcess): Promise<void> {
  return new Promise((resolve) => (alive(c) ? c.once("exit", () => resolve()) : resolve()));
}

/** SIGTERM (graceful shutdown), then SIGKILL after 15 s. */
export async function stopProcess(c: ChildProcess): Promise<void> {
  if (!alive(c)) return;
  c.kill("SIGTERM");
  const force = setTimeout(() => c.kill("SIGKILL"), 15_000);
  await exited(c);
  clearTimeout(force);
}

const cleanups: (() => Promise<void> | void)[] = [];
export const onCleanup = (fn: () => Promise<void> | void) => cleanups.push(fn);

export async function cleanup(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled(procs.toReversed().map((p) => stopProcess(p.child)));
  for (const fn of cleanups.toReversed()) await Promise.resolve(fn()).catch((err) => log(`cleanup: ${err}`));
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping everything this run started`);
    void cleanup().finally(() => process.exit(130));
  });
}

export async function waitReady(base: string, what: string, ms = 180_000, watch?: ChildProcess): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await request(base, "GET", "/api/health/ready", { timeoutMs: 2000 });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (watch && !alive(watch)) throw new Error(`${what} stopped before it was ready`);
    await sleep(250);
  }
  throw new Error(`${what} not ready at ${base} within ${ms / 1000} s`);
}

// -------------------------------------------------------------------------------------- private PostgreSQL

const PG_BIN = process.env.PG_BIN || "/usr/lib/postgresql/15/bin";

export interface PrivatePostgres {
  port: number;
  url: string;
  start(): void;
  /** `fast`: the server terminates every session (57P01) and closes its port, like a restart does. */
  stop(mode?: "fast" | "immediate"): void;
  destroy(): void;
}

/** initdb refuses to run as root: as root, the PostgreSQL binaries run as the `postgres` user. */
function pgCommand(bin: string, args: string[]): string[] {
  const full = join(PG_BIN, bin);
  return process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", full, ...args] : [full, ...args];
}

function run(argv: string[], what: string) {
  const [cmd, ...args] = argv;
  const r = spawnSync(cmd as string, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stderr || r.stdout}`);
}

/** A throw-away PostgreSQL 15 cluster in a temp folder on its own port (default 55432), trust auth on loopback. */
export function startPrivatePostgres(port = numberEnv("BENCH_PG_PORT", 55432)): PrivatePostgres {
  if (!existsSync(join(PG_BIN, "initdb"))) throw new Error(`no PostgreSQL binaries in ${PG_BIN} (set PG_BIN)`);
  const dir = mkdtempSync(join(tmpdir(), "bgm-pg-"));
  const data = join(dir, "data");
  if (process.getuid?.() === 0) spawnSync("chown", ["-R", "postgres:postgres", dir]);
  run(pgCommand("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]), "initdb");
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=128MB`;
  const pgc: PrivatePostgres = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => run(pgCommand("pg_ctl", ["-D", data, "-l", join(dir, "postgres.log"), "-o", opts, "-w", "start"]), "pg_ctl start"),
    stop: (mode = "fast") => run(pgCommand("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]), "pg_ctl stop"),
    destroy() {
      spawnSync(pgCommand("pg_ctl", [])[0] as string, pgCommand("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).slice(1));
      if (process.env.BENCH_KEEP !== "1") rmSync(dir, { recursive: true, force: true });
    },
  };
  pgc.start();
  onCleanup(() => pgc.destroy());
  log(`private PostgreSQL on 127.0.0.1:${port} (${dir})`);
  return pgc;
}

// ------------------------------------------------------------------------------------------- API nodes

/** The compiled server (`npm run build:api`), built once when missing or when BENCH_BUILD=1. */
export function ensureBuild() {
  const server = join(root, "apps/api/dist/server.js");
  if (existsSync(server) && process.env.BENCH_BUILD !== "1") return;
  log("building the API (npm run build:api)");
  const r = spawnSync("npm", ["run", "build:api"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("npm run build:api failed");
}

export interface NodeOptions {
  name: string;
  port: number;
  /** PostgreSQL; absent: the embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  filesDir: string;
  appUrl: string;
  logDir: string;
  production?: boolean;
  extra?: Record<string, string>;
}

const AUTH_SECRET = randomBytes(48).toString("base64url");

export function nodeEnv(o: NodeOptions): Record<string, string | undefined> {
  return {
    NODE_ENV: o.production === false ? "development" : "production",
    HOST: "127.0.0.1",
    PORT: String(o.port),
    DATABASE_URL: o.databaseUrl,
    DATA_DIR: o.dataDir,
    APP_URL: o.appUrl,
    AUTH_SECRET,
    SEED_DEMO: "false",
    DEV_OUTBOX: "false",
    // Every virtual user signs in from one address: the login limit must not count them as an attack.
    LOGIN_RATE_LIMIT: "100000",
    LOG_LEVEL: "warn",
    TRUST_PROXY: "127.0.0.1",
    FILE_STORAGE_DIR: o.filesDir,
    FILE_STORAGE_SHARED: "true",
    SHUTDOWN_GRACE_MS: "3000",
    ...o.extra,
  };
}

export async function startNode(o: NodeOptions): Promise<ChildProcess> {
  const child = startProcess(o.name, process.execPath, ["apps/api/dist/server.js"], nodeEnv(o), o.logDir);
  await waitReady(`http://127.0.0.1:${o.port}`, o.name, 180_000, child);
  return child;
}

/**
 * The demo data (sign-ins, offerings, engagements): production refuses SEED_DEMO=true, so a short-lived
 * development process loads it into the database and stops again (as scripts/test-cluster.mjs does).
 */
export async function seedDemo(o: Omit<NodeOptions, "name">): Promise<void> {
  const child = startProcess(
    "seed",
    process.execPath,
    ["apps/api/dist/server.js"],
    {
      ...nodeEnv({ ...o, name: "seed" }),
      NODE_ENV: "development",
      SEED_DEMO: "true",
    },
    o.logDir,
  );
  await waitReady(`http://127.0.0.1:${o.port}`, "seeding node", 240_000, child);
  await stopProcess(child);
}

export function startNginx(port: number, upstreams: number[], work: string): ChildProcess {
  const nginx = ["/usr/sbin/nginx", "/usr/bin/nginx", process.env.NGINX].find((p) => p && existsSync(p));
  if (!nginx) throw new Error("nginx not found: apt-get install -y nginx");
  mkdirSync(work, { recursive: true });
  const conf = join(work, "nginx.conf");
  for (const d of ["client_body", "proxy"]) mkdirSync(join(work, d), { recursive: true });
  writeFileSync(
    conf,
    `daemon off;
master_process off;
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${work}/client_body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/proxy;
  uwsgi_temp_path ${work}/proxy;
  scgi_temp_path ${work}/proxy;
  upstream bgm_api {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 25m;
    location / {
      proxy_pass http://bgm_api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Only requests that never reached a node are retried on the other one: a POST that a node may have
      # committed before it died is not sent twice (nginx's default for non-idempotent methods).
      proxy_next_upstream error timeout;
    }
  }
}
`,
  );
  return startProcess(`nginx-${port}`, nginx, ["-p", work, "-c", conf, "-e", join(work, "nginx-error.log")], {}, work);
}

// ------------------------------------------------------------------------------------------------- HTTP

/** The APP_URL every node of a run shares; sent as Origin (better-auth and the CSRF check compare it). */
let appOrigin: string | undefined;
export const setAppOrigin = (url: string) => {
  appOrigin = new URL(url).origin;
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface Resp {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

export interface ReqOptions {
  cookie?: string;
  json?: unknown;
  body?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** One request on a keep-alive agent (lighter than fetch: the client shares the 2 cores with the servers). */
export function request(base: string, method: string, path: string, o: ReqOptions = {}): Promise<Resp> {
  const url = new URL(path, base);
  const body = o.json !== undefined ? Buffer.from(JSON.stringify(o.json)) : o.body;
  const headers: Record<string, string> = {
    origin: appOrigin ?? url.origin,
    [CSRF_HEADER]: CSRF_VALUE,
    ...(o.cookie ? { cookie: o.cookie } : {}),
    ...(body ? { "content-type": o.json !== undefined ? "application/json" : (o.contentType ?? "application/octet-stream") } : {}),
    ...(body ? { "content-length": String(body.length) } : {}),
    ...o.headers,
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent, timeout: o.timeoutMs ?? 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          ms: performance.now() - started,
        }),
      );
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(body);
  });
}

export async function signIn(base: string, email: string): Promise<string> {
  const res = await request(base, "POST", "/api/auth/sign-in/email", { json: { email, password: DEMO_PASSWORD } });
  if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${res.body.slice(0, 200)}`);
  const set = res.headers["set-cookie"] ?? [];
  const cookie = set.map((c) => c.split(";")[0]).join("; ");
  if (!cookie) throw new Error(`sign-in as ${email} set no cookie`);
  return cookie;
}

export function expectOk(res: Resp, what: string): Resp {
  if (res.status < 200 || res.status >= 300) throw new Error(`${what}: ${res.status} ${res.body.slice(0, 300)}`);
  return res;
}

// ----------------------------------------------------------------------------------- open-loop load

export interface Planned {
  kind: string;
  run: () => Promise<Resp>;
  /** Called with every 2xx answer (e.g. to record an acknowledged id). */
  onOk?: (res: Resp) => void;
}

export interface StepResult {
  rate: number;
  sent: number;
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  achievedRps: number;
  byKind: Record<string, { n: number; p95: number; errors: number }>;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Fires `rate` requests per second for `durationS`, on schedule whatever the answers (open loop: a slow
 * server does not slow the client down, so queueing shows up in the latency). A request that cannot start
 * because `maxInFlight` are still open counts as an error ("dropped"), and so does a timeout.
 */
export type Observer = (p: Planned, at: number, outcome: Resp | Error) => void;

export async function runAtRate(
  rate: number,
  durationS: number,
  pick: () => Planned,
  maxInFlight = 512,
  observe?: Observer,
): Promise<StepResult> {
  const latencies: number[] = [];
  const byKind = new Map<string, { lat: number[]; errors: number }>();
  const statuses: Record<string, number> = {};
  let sent = 0;
  let ok = 0;
  let errors = 0;
  let inFlight = 0;
  const pending = new Set<Promise<void>>();
  const started = performance.now();
  const total = Math.round(rate * durationS);
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
    while (sent < due) {
      sent++;
      const p = pick();
      const k = byKind.get(p.kind) ?? { lat: [], errors: 0 };
      byKind.set(p.kind, k);
      if (inFlight >= maxInFlight) {
        errors++;
        k.errors++;
        statuses.dropped = (statuses.dropped ?? 0) + 1;
        continue;
      }
      inFlight++;
      const t0 = performance.now();
      const job = p
        .run()
        .then(
          (res) => {
            observe?.(p, t0, res);
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            if (res.status >= 200 && res.status < 300) {
              ok++;
              p.onOk?.(res);
            } else {
              errors++;
              k.errors++;
            }
          },
          (err: Error) => {
            observe?.(p, t0, err);
            const key = err.message === "timeout" ? "timeout" : "network";
            statuses[key] = (statuses[key] ?? 0) + 1;
            errors++;
            k.errors++;
          },
        )
        .finally(() => {
          const ms = performance.now() - t0;
          latencies.push(ms);
          k.lat.push(ms);
          inFlight--;
          pending.delete(job);
        });
      pending.add(job);
    }
    await sleep(2);
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    rate,
    sent,
    ok,
    errors,
    statuses,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    achievedRps: round(ok / elapsed),
    byKind: Object.fromEntries(
      [...byKind].map(([kind, v]) => [
        kind,
        { n: v.lat.length, p95: round(percentile(Float64Array.from(v.lat).sort(), 95)), errors: v.errors },
      ]),
    ),
  };
}

/** A multipart body (fields, then PDF files under `files`), as the partner API takes a delivery. */
export function multipart(fields: Record<string, string>, files: { name: string; content: Buffer }[]) {
  const boundary = `----bgmbench${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      f.content,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A small valid PDF of about `bytes` bytes (padding in a comment), so the file-type check accepts it. */
export function pdfOf(bytes: number): Buffer {
  const head = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\n%");
  const tail = Buffer.from("\ntrailer<<>>\n%%EOF\n");
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length - tail.length), 0x41), tail]);
}

export const readLog = (dir: string, name: string) =>
  existsSync(join(dir, `${name}.log`)) ? readFileSync(join(dir, `${name}.log`), "utf8") : "";

/**
 * Runs a bench script's main, always cleans up (nodes, nginx, the private cluster) and exits with its outcome;
 * on failure the logs are kept (BENCH_KEEP) for a look at what went wrong.
 */
export async function runBench(main: () => Promise<void>): Promise<never> {
  let failed = false;
  try {
    await main();
  } catch (err) {
    failed = true;
    log(`FAILED: ${(err as Error).stack ?? err}`);
    process.env.BENCH_KEEP = "1";
  } finally {
    await cleanup();
  }
  process.exit(failed ? 1 : 0);
}
