#!/usr/bin/env node
// npm run test:cluster (issue 17): two compiled API nodes on one fresh PostgreSQL database behind nginx
// (round robin, no sticky sessions), all on loopback; the main e2e flow (sign-in, marketplace quote, data
// sharing) runs through nginx, then the nodes' logs must show that both served the flow's API requests.
// Every process it starts is stopped and the database dropped on exit.
//
// Environment: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres, a server where this
// user may create databases), CLUSTER_PORT (nginx; the nodes use the next two ports, the seeding node the third,
// the mail catcher +1025; default the first of 3300, 3400, … with all of them free),
// CLUSTER_SKIP_BUILD=1 (the build of `npm run build` is already there), NGINX (path of the binary).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
/** Whether nothing listens on `port` of loopback (a server on 0.0.0.0 counts: nginx could not bind then). */
const portFree = (port) =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
/**
 * nginx's port and the ports after it. A port already taken (say, an `npm start` of the same machine on 3300)
 * would not only stop nginx: the health check would then reach that other server, and the flow would run
 * against it. So the ports are checked first, and without CLUSTER_PORT the next free range is used.
 */
async function choosePorts() {
  const portsOf = (base) => [base, base + 1, base + 2, base + 3, base + 1025];
  const allFree = async (base) => (await Promise.all(portsOf(base).map(portFree))).every(Boolean);
  if (process.env.CLUSTER_PORT) {
    const base = Number(process.env.CLUSTER_PORT);
    if (!(await allFree(base))) throw new Error(`CLUSTER_PORT=${base}: one of the ports ${portsOf(base).join(", ")} is in use`);
    return base;
  }
  for (let base = 3300; base <= 4200; base += 100) if (await allFree(base)) return base;
  throw new Error("no free port range for the cluster test between 3300 and 5225; set CLUSTER_PORT");
}
const LB_PORT = await choosePorts();
const NODE_PORTS = [LB_PORT + 1, LB_PORT + 2];
const SMTP_PORT = LB_PORT + 1025;
const SPECS = process.env.CLUSTER_SPECS?.split(" ") ?? ["tests/marketplace-quote.spec.ts", "tests/data-sharing.spec.ts"];
const log = (m) => console.log(`[test:cluster] ${m}`);

const work = mkdtempSync(join(tmpdir(), "bgm-cluster-"));
const dbName = `bgm_cluster_${Date.now()}`;
const children = [];
let dbCreated = false;
let cleaning;

function findNginx() {
  for (const p of [process.env.NGINX, "/usr/sbin/nginx", "/usr/bin/nginx"]) if (p && existsSync(p)) return p;
  throw new Error("nginx not found: apt-get install -y nginx (the Debian package; the script starts it itself)");
}

function start(name, cmd, args, env) {
  const out = createWriteStream(join(work, `${name}.log`));
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  child.on("exit", (code, signal) => {
    if (!cleaning && name !== "seed") log(`${name} exited early (code ${code}, signal ${signal}); see ${join(work, `${name}.log`)}`);
  });
  children.push({ name, child });
  return child;
}

async function waitFor(url, what, ms = 180_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not yet listening
    }
    if (children.some(({ child }) => child.exitCode !== null || child.signalCode !== null))
      throw new Error(`${what}: a process of the cluster stopped`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} not ready at ${url} within ${ms / 1000} s`);
}

async function cleanup() {
  if (cleaning) return cleaning;
  cleaning = (async () => {
    for (const { child } of children.toReversed()) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await Promise.all(
      children.map(
        ({ child }) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
            child.on("exit", () => {
              clearTimeout(force);
              resolve();
            });
          }),
      ),
    );
    if (dbCreated) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
    if (process.env.CLUSTER_KEEP_LOGS !== "1") rmSync(work, { recursive: true, force: true });
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    log(`${signal}: stopping the cluster`);
    cleanup().finally(() => process.exit(130));
  });
}

/** Per node: the API requests of the flow it answered (health probes left out), from its JSON log. */
function servedRequests(name) {
  let api = 0;
  let authenticated = 0;
  // Fastify logs the URL with "incoming request" and the status with "request completed", by request id.
  const urls = new Map();
  for (const line of readFileSync(join(work, `${name}.log`), "utf8").split("\n")) {
    if (!line.startsWith("{")) continue;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (entry.msg === "incoming request" && entry.req?.url) urls.set(entry.reqId, entry.req.url);
    if (entry.msg !== "request completed") continue;
    const url = urls.get(entry.reqId) ?? "";
    if (!url.startsWith("/api/") || url.startsWith("/api/health")) continue;
    api++;
    if (!url.startsWith("/api/auth/") && entry.res?.statusCode === 200) authenticated++;
  }
  return { api, authenticated };
}

async function main() {
  const nginx = findNginx();
  if (process.env.CLUSTER_SKIP_BUILD !== "1") {
    log("building web and API once");
    const r = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) throw new Error("npm run build failed");
  }
  if (!existsSync(join(root, "apps/api/dist/server.js")) || !existsSync(join(root, "apps/web/dist/index.html"))) {
    throw new Error("no build: run npm run build (or leave CLUSTER_SKIP_BUILD unset)");
  }

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  dbCreated = true;
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  log(`database ${dbName}; work folder ${work}`);

  const files = join(work, "files");
  mkdirSync(files);
  const shared = {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    DATABASE_URL: dbUrl.toString(),
    APP_URL: `http://localhost:${LB_PORT}`,
    AUTH_SECRET: randomBytes(48).toString("base64url"),
    SEED_DEMO: "false",
    LOGIN_RATE_LIMIT: "200",
    LOG_LEVEL: "info",
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}?ignoreTLS=true`,
    // nginx on this machine is the only proxy: the client address comes from its X-Forwarded-For.
    TRUST_PROXY: "127.0.0.1",
    // Both nodes run on this machine, so one folder is shared indeed (elsewhere: S3_BUCKET).
    FILE_STORAGE_DIR: files,
    FILE_STORAGE_SHARED: "true",
    SHUTDOWN_GRACE_MS: "5000",
  };
  // Both at once: migrations and the demo data run under advisory locks, one node after the other.
  NODE_PORTS.forEach((port, i) => {
    start(`node${i + 1}`, process.execPath, ["--enable-source-maps", "apps/api/dist/server.js"], { ...shared, PORT: String(port) });
  });
  await Promise.all(NODE_PORTS.map((port, i) => waitFor(`http://127.0.0.1:${port}/api/health/ready`, `node${i + 1}`)));
  log(`nodes ready on ${NODE_PORTS.join(", ")}`);

  // Demo data for the flow's logins: production refuses SEED_DEMO=true, so a third, short-lived process in
  // development mode loads it into the shared database and stops again.
  const seedPort = LB_PORT + 3;
  const seeder = start("seed", process.execPath, ["apps/api/dist/server.js"], {
    ...shared,
    NODE_ENV: "development",
    PORT: String(seedPort),
    SEED_DEMO: "true",
    DEV_OUTBOX: "false",
  });
  await waitFor(`http://127.0.0.1:${seedPort}/api/health/ready`, "seeding node");
  const seederDone = new Promise((resolve) => seeder.on("exit", resolve));
  seeder.kill("SIGTERM");
  await seederDone;
  children.splice(
    children.findIndex((c) => c.child === seeder),
    1,
  );
  log("demo data loaded");

  const conf = join(work, "nginx.conf");
  writeFileSync(
    conf,
    `# Written by scripts/test-cluster.mjs: one nginx process in the foreground, everything in ${work}.
daemon off;
master_process off;
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log ${work}/nginx-access.log;
  client_body_temp_path ${work}/client_body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  upstream bgm_api {
    # Round robin, no sticky sessions: consecutive requests of one browser land on either node.
${NODE_PORTS.map((p) => `    server 127.0.0.1:${p};`).join("\n")}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${LB_PORT};
    client_max_body_size 25m;
    location / {
      proxy_pass http://bgm_api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout;
    }
  }
}
`,
  );
  start("nginx", nginx, ["-p", work, "-c", conf, "-e", join(work, "nginx-error.log")], {});
  await waitFor(`http://127.0.0.1:${LB_PORT}/api/health/ready`, "nginx", 30_000);
  log(`nginx round robin on http://localhost:${LB_PORT}`);

  const before = NODE_PORTS.map((_, i) => servedRequests(`node${i + 1}`));
  // One Playwright run per spec, in this order (Playwright would sort them by name): the quote flow expects the
  // demo company's suggestions as seeded, before the data-sharing spec has engaged their partner.
  // Not spawnSync: the event loop must keep writing the nodes' logs to their files meanwhile.
  let e2e = { status: 0 };
  for (const spec of SPECS) {
    e2e = await new Promise((resolve) => {
      const child = spawn("npx", ["playwright", "test", "-c", "e2e/playwright.config.ts", spec], {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, E2E_BASE_URL: `http://localhost:${LB_PORT}`, E2E_SMTP_PORT: String(SMTP_PORT) },
      });
      child.on("exit", (code) => resolve({ status: code }));
    });
    if (e2e.status !== 0) break;
  }
  await new Promise((r) => setTimeout(r, 500));
  const served = NODE_PORTS.map((_, i) => {
    const now = servedRequests(`node${i + 1}`);
    return { api: now.api - before[i].api, authenticated: now.authenticated - before[i].authenticated };
  });
  for (const [i, s] of served.entries()) log(`node${i + 1} answered ${s.api} API requests of the flow (${s.authenticated} signed-in 200s)`);
  if (e2e.status !== 0) throw new Error(`e2e through nginx failed (exit ${e2e.status})`);
  if (served.some((s) => s.authenticated < 5)) throw new Error("one node served (almost) none of the flow: is nginx balancing?");
  log("passed: the flow ran through nginx on both nodes");
}

let failed = false;
try {
  await main();
} catch (err) {
  failed = true;
  console.error(`[test:cluster] FAILED: ${err.message}`);
  process.env.CLUSTER_KEEP_LOGS = "1";
  for (const name of ["node1", "node2", "nginx-error"]) {
    const file = join(work, `${name}.log`);
    if (existsSync(file)) {
      const tail = readFileSync(file, "utf8").split("\n").slice(-15).join("\n");
      console.error(`--- last lines of ${file} ---\n${tail}`);
    }
  }
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
