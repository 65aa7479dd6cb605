// npm run bench:faults (issue 17): faults under the mixed workload, each printed as one line with what the
// clients were told (acknowledged, refused, how fast) and what is in the database afterwards.
//   kill-node   kill -9 of one of two nodes behind nginx
//   pg-restart  PostgreSQL stopped (fast shutdown: sessions terminated, port closed) and started again
//   disk-full   the local file store on a 2 MB filesystem (tmpfs, else an ext4 loop image) while uploading
//   pglite-kill kill -9 of the single embedded-database (PGlite) process under write load, then a restart
// All on loopback, on a private PostgreSQL cluster (never the system one on :5432), with compiled nodes.
//
// Env: BENCH_FAULTS (comma-separated subset, default all four), BENCH_FAULT_RATE (requests/s, default 20),
// BENCH_FAULT_S (s of load around each fault, default 15), BENCH_PGLITE_RATE (default 5), BENCH_PG_DOWN_S (default 5), BENCH_PORT (default
// 3500), BENCH_PG_PORT (default 55432), BENCH_KEEP=1 (keep logs and data).
import { type ChildProcess, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { percentile } from "../lib/load.js";
import {
  alive,
  ensureBuild,
  exited,
  log,
  MANAGER,
  numberEnv,
  onCleanup,
  type PrivatePostgres,
  pdfOf,
  type Resp,
  request,
  runAtRate,
  runBench,
  say,
  seedDemo,
  setAppOrigin,
  signIn,
  sleep,
  startNginx,
  startNode,
  startPrivatePostgres,
  waitReady,
  workDir,
} from "./lib.js";
import {
  type Acknowledged,
  countInDatabase,
  mixedPicker,
  newAcknowledged,
  prepareWorld,
  quoteRequest,
  setWriteTag,
  upload,
  type World,
} from "./workload.js";

const ALL = ["kill-node", "pg-restart", "disk-full", "pglite-kill"];
const FAULTS = (process.env.BENCH_FAULTS ?? ALL.join(",")).split(",").map((s) => s.trim());
const RATE = numberEnv("BENCH_FAULT_RATE", 20);
/** PGlite runs every statement on one WebAssembly thread: a lower write rate, or the kill finds only a queue. */
const PGLITE_RATE = numberEnv("BENCH_PGLITE_RATE", 5);
const FAULT_S = numberEnv("BENCH_FAULT_S", 15);
const PG_DOWN_S = numberEnv("BENCH_PG_DOWN_S", 5);
const PORT = numberEnv("BENCH_PORT", 3500);
const APP_URL = `http://127.0.0.1:${PORT}`;

const round = (n: number) => Math.round(n * 10) / 10;
const p50 = (xs: number[]) => (xs.length ? round(percentile(Float64Array.from(xs).sort(), 50)) : 0);
const p95 = (xs: number[]) => (xs.length ? round(percentile(Float64Array.from(xs).sort(), 95)) : 0);
function tally(xs: (string | number)[]): string {
  const m: Record<string, number> = {};
  for (const x of xs) m[x] = (m[x] ?? 0) + 1;
  return JSON.stringify(m);
}
const statusOf = (o: Resp | Error) => (o instanceof Error ? (o.message === "timeout" ? "timeout" : "network") : o.status);

/** Rows written half: an engagement without its creation event, a result without its file, a file row without its bytes. */
async function integrity(databaseUrl: string, w: World, filesDir: string, since = new Date(0)) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const q = async (sql: string, args: unknown[] = []) => Number((await c.query(sql, args)).rows[0].n);
    const noEvent = await q(
      "SELECT count(*) AS n FROM engagement e WHERE NOT EXISTS (SELECT 1 FROM engagement_event ev WHERE ev.engagement_id = e.id AND ev.kind = 'created')",
    );
    const noFile = w.uploadEngagementId
      ? await q(
          "SELECT count(*) AS n FROM partner_result r WHERE r.engagement_id = $1 AND NOT EXISTS (SELECT 1 FROM partner_result_file f WHERE f.result_id = r.id)",
          [w.uploadEngagementId],
        )
      : 0;
    const keys = (
      await c.query<{ k: string }>("SELECT storage_key AS k FROM partner_result_file WHERE created_at >= $1", [since])
    ).rows.map((r) => r.k);
    const missingBytes = keys.filter((k) => !existsSync(join(filesDir, k))).length;
    const orphanFiles = countFiles(filesDir) - (keys.length - missingBytes);
    return { noEvent, noFile, fileRows: keys.length, missingBytes, orphanFiles };
  } finally {
    await c.end();
  }
}

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir)) {
    if (e === "lost+found") continue;
    const p = join(dir, e);
    n += statSync(p).isDirectory() ? countFiles(p) : 1;
  }
  return n;
}

const ackLine = (a: Acknowledged, inDb: { engagements: number; messages: number; results: number }) =>
  `acknowledged quote_requests=${a.engagements.length} messages=${a.messages.length} uploads=${a.results.length}; ` +
  `in database ${inDb.engagements}/${a.engagements.length}, ${inDb.messages}/${a.messages.length}, ${inDb.results}/${a.results.length}`;

async function unacknowledgedButWritten(databaseUrl: string, a: Acknowledged, t: string): Promise<number> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query("SELECT count(*) AS n FROM engagement WHERE brief->>'what' LIKE $2 AND NOT (id = ANY($1::uuid[]))", [
      a.engagements,
      `Lasttest Anfrage ${t} %`,
    ]);
    return Number(rows[0].n);
  } finally {
    await c.end();
  }
}

// -------------------------------------------------------------------------------------------- kill -9 node

async function killNode(pgc: PrivatePostgres, files: string, world: World, node2: ChildProcess) {
  const ack = newAcknowledged();
  setWriteTag("kill-node");
  const pick = mixedPicker(APP_URL, world, ack);
  const at = FAULT_S / 3;
  const outcomes: { t: number; s: string | number }[] = [];
  const started = performance.now();
  const killer = sleep(at * 1000).then(() => {
    log(`kill -9 node2 (pid ${node2.pid})`);
    node2.kill("SIGKILL");
  });
  const during = await runAtRate(RATE, FAULT_S, pick, 512, (_p, t0, o) => outcomes.push({ t: (t0 - started) / 1000, s: statusOf(o) }));
  await killer;
  const after = await runAtRate(RATE, 5, pick);
  const inDb = await countInDatabase(pgc.url, ack);
  const extra = await unacknowledgedButWritten(pgc.url, ack, "kill-node");
  const integ = await integrity(pgc.url, world, files);
  const failed = outcomes.filter((o) => typeof o.s !== "number" || o.s >= 300);
  say(
    `fault kill-node: kill -9 of node2 at ${at} s of ${FAULT_S} s at ${RATE}/s via nginx: ${during.ok}/${during.sent} ok, failed ${failed.length} ${tally(failed.map((f) => f.s))} ` +
      `(within ${failed.length ? round(Math.max(...failed.map((f) => f.t)) - at) : 0} s of the kill); next 5 s on the survivor: ${after.ok}/${after.sent} ok, p95 ${after.p95} ms; ` +
      `${ackLine(ack, inDb)}; committed but not acknowledged: ${extra}; half-written: ${integ.noEvent} engagements without creation event, ${integ.noFile} results without file, ${integ.missingBytes} file rows without bytes`,
  );
}

// ------------------------------------------------------------------------------------- PostgreSQL restart

async function pgRestart(pgc: PrivatePostgres, files: string, world: World, nodePorts: number[]) {
  const ack = newAcknowledged();
  setWriteTag("pg-restart");
  const pick = mixedPicker(APP_URL, world, ack);
  const at = FAULT_S / 3;
  const total = FAULT_S + PG_DOWN_S;
  const obs: { t: number; s: string | number; ms: number; retryAfter?: string; code?: string }[] = [];
  const started = performance.now();
  let downAt = 0;
  let upAt = 0;
  const fault = (async () => {
    await sleep(at * 1000);
    downAt = (performance.now() - started) / 1000;
    log("pg_ctl stop -m fast");
    pgc.stop("fast");
    await sleep(PG_DOWN_S * 1000);
    log("pg_ctl start");
    pgc.start();
    upAt = (performance.now() - started) / 1000;
  })();
  // Per node, straight to it (not via nginx): the first answer 200 of its readiness after the start.
  const recovered: number[] = [];
  const watch = (async () => {
    await sleep(at * 1000 + 200);
    await Promise.all(
      nodePorts.map(async (port, i) => {
        while (!upAt) await sleep(50);
        // A node that died (or never recovers) must not hang the run: give up after 60 s.
        const deadline = performance.now() + 60_000;
        while (performance.now() < deadline) {
          const r = await request(`http://127.0.0.1:${port}`, "GET", "/api/health/ready", { timeoutMs: 3000 }).catch(() => undefined);
          if (r?.status === 200) {
            recovered[i] = round((performance.now() - started) / 1000 - upAt);
            return;
          }
          await sleep(50);
        }
        recovered[i] = Number.NaN;
      }),
    );
  })();
  const run = await runAtRate(RATE, total, pick, 512, (_p, t0, o) => {
    const r = o instanceof Error ? undefined : o;
    let code: string | undefined;
    try {
      code = r && r.status >= 400 ? JSON.parse(r.body).error?.code : undefined;
    } catch {
      code = "not-json";
    }
    obs.push({
      t: (t0 - started) / 1000,
      s: statusOf(o),
      ms: r?.ms ?? 0,
      retryAfter: r?.headers["retry-after"] as string | undefined,
      code,
    });
  });
  await fault;
  await watch;
  const down = obs.filter((o) => o.t >= downAt && o.t < upAt);
  const failedDown = down.filter((o) => o.s !== 200 && o.s !== 201);
  const with503 = failedDown.filter((o) => o.s === 503);
  const lastFailure = Math.max(0, ...obs.filter((o) => typeof o.s !== "number" || o.s >= 300).map((o) => o.t));
  const afterUp = obs.filter((o) => o.t >= upAt + 2);
  const inDb = await countInDatabase(pgc.url, ack);
  const integ = await integrity(pgc.url, world, files);
  say(
    `fault pg-restart: PostgreSQL down ${round(upAt - downAt)} s under ${RATE}/s: answers while down ${tally(down.map((o) => o.s))}, ` +
      `503s with Retry-After ${with503.filter((o) => o.retryAfter).length}/${with503.length} (codes ${tally(with503.map((o) => o.code ?? ""))}), failures took p50 ${p50(failedDown.map((o) => o.ms))} ms, p95 ${p95(failedDown.map((o) => o.ms))} ms; ` +
      `nodes ready again ${recovered.join(" s, ")} s after the start without a restart; last failed request sent ${round(lastFailure - upAt)} s after pg_ctl start returned; ` +
      `from 2 s after: ${afterUp.filter((o) => o.s === 200 || o.s === 201).length}/${afterUp.length} ok; overall ${run.ok}/${run.sent} ok; ` +
      `${ackLine(ack, inDb)}; half-written: ${integ.noEvent} engagements without creation event, ${integ.noFile} results without file`,
  );
}

// ------------------------------------------------------------------------------------------------ disk full

/** A 2 MB filesystem for the file store: tmpfs, else an ext4 image on a loop device; undefined when neither mounts. */
function smallFilesystem(dir: string): { how: string; unmount: () => void } | undefined {
  mkdirSync(dir, { recursive: true });
  const tmpfs = spawnSync("mount", ["-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", dir], { encoding: "utf8" });
  if (tmpfs.status === 0) return { how: "tmpfs 2 MB", unmount: () => spawnSync("umount", [dir]) };
  const img = `${dir}.img`;
  spawnSync("truncate", ["-s", "2M", img]);
  const mkfs = spawnSync("mkfs.ext4", ["-q", "-F", img], { encoding: "utf8" });
  const loop = mkfs.status === 0 ? spawnSync("mount", ["-o", "loop", img, dir], { encoding: "utf8" }) : mkfs;
  if (loop.status === 0) {
    return {
      how: "ext4 loop image 2 MB",
      unmount: () => {
        spawnSync("umount", [dir]);
        rmSync(img, { force: true });
      },
    };
  }
  log(`no small filesystem: tmpfs: ${tmpfs.stderr.trim()}; loop: ${loop.stderr?.trim()}`);
  return undefined;
}

async function diskFull(pgc: PrivatePostgres, work: string, world: World) {
  const dir = join(work, "files-small");
  const since = new Date();
  const fs = smallFilesystem(dir);
  if (!fs) {
    say(
      "fault disk-full: SKIPPED: could not mount a 2 MB tmpfs or loop filesystem here (needs root); the 507 mapping is covered by apps/api/test/infra-errors.test.ts",
    );
    return;
  }
  onCleanup(fs.unmount);
  const port = PORT + 4;
  const base = `http://127.0.0.1:${port}`;
  const node = await startNode({ name: "node-smalldisk", port, databaseUrl: pgc.url, filesDir: dir, logDir: work, appUrl: APP_URL });
  const partner = await signIn(base, "marcus@surveypro.de");
  const w: World = { ...world, partner };
  const ack = newAcknowledged();
  const pdf = pdfOf(150 * 1024);
  const outcomes: (string | number)[] = [];
  const bodies: string[] = [];
  // Uploads of 150 kB at 5/s until the disk has been full for a while: a 2 MB filesystem holds about a dozen.
  await runAtRate(
    5,
    8,
    () => upload(base, w, ack, pdf),
    64,
    (_p, _t, o) => {
      outcomes.push(statusOf(o));
      if (!(o instanceof Error) && o.status >= 400) bodies.push(o.body);
    },
  );
  // Meanwhile reading keeps working.
  const read = await request(base, "GET", "/api/engagements?limit=5", { cookie: await signIn(base, MANAGER) });
  const inDb = await countInDatabase(pgc.url, ack);
  const integ = await integrity(pgc.url, w, dir, since);
  const codes = tally(bodies.map((b) => JSON.parse(b).error?.code ?? "?"));
  say(
    `fault disk-full: file store on ${fs.how}, 150 kB uploads at 5/s for 8 s: answers ${tally(outcomes)} (error codes ${codes}); reads meanwhile: ${read.status}; ` +
      `acknowledged uploads ${ack.results.length}, in database ${inDb.results}; file rows ${integ.fileRows}, rows without bytes ${integ.missingBytes}, ` +
      `results without file ${integ.noFile}, files on disk without a row ${integ.orphanFiles}`,
  );
  node.kill("SIGTERM");
  await exited(node);
}

// ------------------------------------------------------------------------------------- PGlite kill -9

async function pgliteKill(work: string) {
  const dataDir = join(work, "pglite");
  const port = PORT + 5;
  const base = `http://127.0.0.1:${port}`;
  // PGlite is the embedded default for one process; production mode refuses the demo seed, so development.
  const opts = {
    name: "pglite",
    port,
    dataDir,
    filesDir: join(work, "files-pglite"),
    logDir: work,
    appUrl: APP_URL,
    production: false,
    extra: { SEED_DEMO: "true" },
  };
  let node = await startNode(opts);
  const world = await prepareWorld(base, undefined);
  const ack = newAcknowledged();
  const killAt = FAULT_S / 2;
  const killer = sleep(killAt * 1000).then(() => {
    log(`kill -9 the PGlite process (pid ${node.pid})`);
    node.kill("SIGKILL");
  });
  const run = await runAtRate(PGLITE_RATE, killAt + 1, () => quoteRequest(base, world, ack), 512);
  await killer;
  await exited(node);
  const t0 = performance.now();
  let reopened = true;
  try {
    node = await startNode({ ...opts, name: "pglite-restart", extra: { SEED_DEMO: "false" } });
  } catch (err) {
    reopened = false;
    log(`PGlite did not reopen: ${(err as Error).message}`);
  }
  const openS = round((performance.now() - t0) / 1000);
  if (!reopened) {
    say(
      `fault pglite-kill: kill -9 after ${killAt} s of quote requests at ${PGLITE_RATE}/s: acknowledged ${ack.engagements.length}; the folder did NOT reopen (see ${work}/pglite-restart.log)`,
    );
    return;
  }
  const manager = await signIn(base, MANAGER);
  let found = 0;
  for (const id of ack.engagements) if ((await request(base, "GET", `/api/engagements/${id}`, { cookie: manager })).status === 200) found++;
  const list = await request(base, "GET", "/api/engagements?limit=100", { cookie: manager });
  say(
    `fault pglite-kill: kill -9 of the PGlite process after ${killAt} s of quote requests at ${PGLITE_RATE}/s (answers ${JSON.stringify(run.statuses)} of ${run.sent} sent, p50 ${run.p50} ms): ` +
      `folder reopened in ${openS} s (process start, recovery and migrations check); acknowledged ${ack.engagements.length}, found after restart ${found}/${ack.engagements.length}; list ${list.status}`,
  );
  if (alive(node)) {
    node.kill("SIGTERM");
    await exited(node);
  }
}

// -------------------------------------------------------------------------------------------------- main

async function main() {
  for (const f of FAULTS) if (!ALL.includes(f)) throw new Error(`unknown fault ${f}; known: ${ALL.join(", ")}`);
  ensureBuild();
  const work = workDir("faults");
  onCleanup(() => {
    if (process.env.BENCH_KEEP === "1") log(`logs in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });
  setAppOrigin(APP_URL);
  const needsServer = FAULTS.some((f) => f !== "pglite-kill");
  if (needsServer) {
    const pgc = startPrivatePostgres();
    const files = join(work, "files");
    mkdirSync(files);
    const common = { databaseUrl: pgc.url, filesDir: files, logDir: work, appUrl: APP_URL };
    await seedDemo({ ...common, port: PORT + 3 });
    const nodePorts = [PORT + 1, PORT + 2];
    await startNode({ ...common, name: "node1", port: nodePorts[0] as number });
    const node2 = await startNode({ ...common, name: "node2", port: nodePorts[1] as number });
    startNginx(PORT, nodePorts, join(work, "nginx"));
    await waitReady(APP_URL, "nginx");
    const world = await prepareWorld(APP_URL, pgc.url);
    if (FAULTS.includes("pg-restart")) await pgRestart(pgc, files, world, nodePorts);
    if (FAULTS.includes("kill-node")) await killNode(pgc, files, world, node2);
    if (FAULTS.includes("disk-full")) await diskFull(pgc, work, world);
  }
  if (FAULTS.includes("pglite-kill")) await pgliteKill(work);
}

await runBench(main);
