#!/usr/bin/env node
// Runs the Vitest suite against a PostgreSQL server instead of the embedded PGlite.
// TEST_DATABASE_URL defaults to the local server; the harness (apps/api/test/global-setup.ts)
// creates a template database and one database per test file itself and drops them afterwards.
// Extra arguments are passed to `vitest run` (e.g. `npm run test:pg -- apps/api/src/modules/legal`).
import { spawn, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const url = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const { hostname, port } = new URL(url);
const host = hostname || "127.0.0.1";

function isReady() {
  const r = spawnSync("pg_isready", ["-q", "-h", host, "-p", port || "5432"], { stdio: "ignore" });
  if (r.error) throw new Error(`pg_isready not runnable (${r.error.message}); install postgresql-client`);
  return r.status === 0;
}

async function ensureServer() {
  if (isReady()) return;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`PostgreSQL at ${host}:${port || 5432} is not reachable`);
  }
  const versions = readdirSync("/etc/postgresql");
  if (versions.length === 0) throw new Error("no local PostgreSQL cluster in /etc/postgresql");
  const version = versions.sort().at(-1);
  console.log(`[test:pg] PostgreSQL not running; starting cluster ${version}/main`);
  const r = spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`pg_ctlcluster start failed (exit ${r.status})`);
  for (let i = 0; i < 60; i++) {
    if (isReady()) return;
    await new Promise((res) => setTimeout(res, 500));
  }
  throw new Error("PostgreSQL did not become ready within 30 s");
}

try {
  await ensureServer();
} catch (err) {
  console.error(`[test:pg] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}

const shown = new URL(url);
if (shown.password) shown.password = "***";
console.log(`[test:pg] vitest against ${shown.toString()}`);

const child = spawn(process.execPath, [join(root, "node_modules/vitest/vitest.mjs"), "run", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE_URL: url },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
