import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import pg from "pg";

export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Makes sure the local PostgreSQL server answers; starts the Debian cluster when it does not. */
export async function ensurePostgres(adminUrl: string): Promise<void> {
  if (await canConnect(adminUrl)) return;
  const host = new URL(adminUrl).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`PostgreSQL at ${host} is not reachable`);
  const version = readdirSync("/etc/postgresql").sort().at(-1);
  if (!version) throw new Error("PostgreSQL is not running and no cluster exists in /etc/postgresql");
  process.stderr.write(`PostgreSQL not running; starting cluster ${version}/main\n`);
  const r = spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`pg_ctlcluster start failed (exit ${r.status})`);
  for (let i = 0; i < 60; i++) {
    if (await canConnect(adminUrl)) return;
    await new Promise((res) => setTimeout(res, 500));
  }
  throw new Error("PostgreSQL did not become ready within 30 s");
}

export function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const validName = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  return name;
};

export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  await admin(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${validName(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${validName(name)}`);
  });
}

/**
 * Drops the database once its connections are gone. pg's Pool.end() resolves before the server
 * has closed the backends; forcing them off at that moment makes the server send the pool's
 * ending clients a FATAL error, which an app pool without an 'error' listener turns into an
 * uncaught exception. So: wait up to 10 s for them to leave, then force whatever is left.
 */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await admin(adminUrl, async (c) => {
    for (let i = 0; i < 100; i++) {
      const { rows } = await c.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where datname = $1", [name]);
      if (!rows[0]?.n) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    await c.query(`DROP DATABASE IF EXISTS ${validName(name)} WITH (FORCE)`);
  });
}
