// The demo data at 1× and at N× (default 10) in a scratch PostgreSQL database, and the top queries' timings at
// each size: what grows first as tenants are added (docs/operations/beyond-one-database.md). Not a test.
//
//   SCALE_PG_URL=postgres://postgres@127.0.0.1:5432/postgres SCALE=10 node --import tsx bench/scale/demo-x10.ts
//
// How it multiplies: the demo seed runs once (companies, providers, employees, engagements, participation, …);
// then every organization and every row of every table with an org_id column is copied SCALE-1 times. Copy k
// is a consistent world of its own: organization ids get the suffix "-xk" wherever a column names an
// organization, uuids of copied tables are mapped with md5(uuid || k) (shaped as a v4 uuid) in primary and foreign keys alike, and
// references to shared tables (users, registries) stay as they are. Rows whose copy would break a unique
// constraint that does not contain the organization are skipped (counted below). The scratch database is
// dropped at the end unless KEEP_SCRATCH=1.
import { openDatabase } from "@bgm/db";

import pg from "pg";
import { buildApp } from "../../apps/api/src/app.js";
import type { AppConfig } from "../../apps/api/src/config.js";
import { toDiscoveryFilters } from "../../apps/api/src/modules/marketplace/discovery.service.js";
import { discoveryStatements } from "../../apps/api/src/modules/marketplace/discovery.sql.js";
import { CSRF_HEADER, CSRF_VALUE } from "../../apps/api/src/plugins/security.js";
import { DEMO_PASSWORD } from "../../apps/api/src/seed/demo-logins.js";
import { seedDemo } from "../../apps/api/src/seed/seed-demo.js";
import { DiscoveryQuery } from "../../packages/domain/src/index.js";

const adminUrl = process.env.SCALE_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** The sizes to measure besides 1×, ascending (SCALES=10,100). */
const SCALES = (process.env.SCALES ?? process.env.SCALE ?? "10").split(",").map(Number);
const RUNS = Number(process.env.RUNS ?? 20);
const DB = process.env.SCRATCH_DB ?? "bgm_scratch_scale";
const url = new URL(adminUrl);
url.pathname = `/${DB}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${DB}`);
const database = await openDatabase({ url: url.toString(), poolSize: 5 });
await database.migrate();

const config: AppConfig = {
  env: "test",
  port: 0,
  host: "127.0.0.1",
  appUrl: "http://localhost:3000",
  authSecret: "scale-bench-secret-scale-bench-secret-42",
  mailFrom: "bench@bgm-hub.local",
  devOutbox: false,
  logLevel: "error",
  loginRateLimit: 100_000,
  // Every discovery request runs its query: the cache would hide what the database does.
  discoveryCache: { ttlMs: 0, maxEntries: 1 },
  results: { maxFileBytes: 20 * 1024 * 1024, storageDir: "/tmp/bgm-scale-files", reminderDays: 5, autoAcceptDays: 14 },
};
const app = await buildApp({ database, config, logger: process.env.BENCH_LOG === "1", serveWeb: false, mailer: { send: async () => {} } });
await app.ready();
await seedDemo(database.db, app.auth);

const c = new pg.Client({ connectionString: url.toString() });
await c.connect();

async function signIn(email: string): Promise<string> {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: { [CSRF_HEADER]: CSRF_VALUE },
    payload: { email, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in ${email}: ${res.statusCode} ${res.body}`);
  const raw = res.headers["set-cookie"];
  return (Array.isArray(raw) ? raw : [raw ?? ""]).map((s) => s.split(";")[0]).join("; ");
}
const manager = await signIn("petra.manager@muster-gmbh.de");
const adminCookie = await signIn("admin@bgm-hub.de");
// The provider with the most engagements: its partner view spans companies (aggregates only).
const { rows: providerRows } = await c.query<{ id: string }>(
  `SELECT provider_org_id AS id FROM engagement GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
);
const providerId = providerRows[0]?.id ?? "";

const routes: [string, string, string][] = [
  ["discovery: search „Rücken“", manager, "/api/marketplace/offerings?q=R%C3%BCcken"],
  ["discovery: all published, first page", manager, "/api/marketplace/offerings"],
  ["discovery: category + region", manager, "/api/marketplace/offerings?category=health_day_module&region=Hamburg"],
  ["company dashboard: to-dos", manager, "/api/todos"],
  ["company dashboard: attendance report", manager, "/api/participation/reports/attendance?from=2026-01-01&to=2026-12-31&groupBy=month"],
  ["company audit page", manager, "/api/audit?limit=50"],
  ["admin: organizations (across tenants)", adminCookie, "/api/admin/organizations?limit=50"],
];

async function timeRoutes(): Promise<Map<string, { median: number; p95: number; status: number }>> {
  const out = new Map<string, { median: number; p95: number; status: number }>();
  for (const [label, cookie, path] of routes) {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < RUNS + 3; i++) {
      const t = performance.now();
      const res = await app.inject({ method: "GET", url: path, headers: { cookie } });
      status = res.statusCode;
      if (i === 0 && status >= 300) console.log(`${label}: ${status} ${res.body.slice(0, 300)}`);
      if (i >= 3) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out.set(label, { median: times[Math.floor(times.length / 2)] ?? 0, p95: times[Math.floor(times.length * 0.95)] ?? 0, status });
  }
  return out;
}

/** EXPLAIN ANALYZE execution time (median of 5) of the discovery statement, as the route sends it. */
async function explainDiscovery(query: Record<string, string>): Promise<number> {
  const { page } = discoveryStatements(toDiscoveryFilters(DiscoveryQuery.parse(query)));
  let text = page.sql;
  // Inline the parameters for EXPLAIN (literal values of a benchmark query, not user input).
  page.params.forEach((p, i) => {
    const lit = typeof p === "number" ? String(p) : `'${String(p).replaceAll("'", "''")}'`;
    text = text.replace(new RegExp(`\\$${i + 1}(?!\\d)`, "g"), lit);
  });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { rows } = await c.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`);
    times.push(rows[0]["QUERY PLAN"][0]["Execution Time"]);
  }
  return times.sort((a, b) => a - b)[2] ?? 0;
}
/** The audit page's statement for the demo company (EXPLAIN ANALYZE, median of 5). */
async function explainSql(text: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { rows } = await c.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`);
    times.push(rows[0]["QUERY PLAN"][0]["Execution Time"]);
  }
  return times.sort((a, b) => a - b)[2] ?? 0;
}
const { rows: demoCompany } = await c.query<{ id: string }>(`SELECT id FROM organization WHERE name = 'Muster GmbH'`);
const companyId = demoCompany[0]?.id ?? "";

async function figures() {
  const counts: Record<string, number> = {};
  for (const t of ["organization", "employee", "participation", "offering", "engagement", "audit_log"]) {
    const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`).catch(() => ({ rows: [{ n: "-1" }] }));
    counts[t] = Number(rows[0]?.n);
  }
  const { rows: size } = await c.query<{ s: string }>(`SELECT pg_database_size(current_database()) AS s`);
  return {
    counts,
    mb: Number(size[0]?.s) / 1024 / 1024,
    routes: await timeRoutes(),
    explain: {
      "discovery SQL: „Rücken“": await explainDiscovery({ q: "Rücken" }),
      "discovery SQL: all published": await explainDiscovery({}),
      "audit page SQL (demo company)": await explainSql(
        `SELECT a.*, u.name FROM audit_log a LEFT JOIN "user" u ON u.id = a.actor_user_id WHERE a.org_id = '${companyId}' ORDER BY a.id DESC LIMIT 51`,
      ),
      "partner SQL: a provider's engagements across companies, with attendance": await explainSql(
        `SELECT e.org_id, count(DISTINCT i.id) AS interventions, count(p.*) FILTER (WHERE p.status = 'attended') AS attended
         FROM engagement e LEFT JOIN intervention i ON i.engagement_id = e.id
         LEFT JOIN participation_session s ON s.intervention_id = i.id LEFT JOIN participation p ON p.session_id = s.id
         WHERE e.provider_org_id = '${providerId}' GROUP BY e.org_id`,
      ),
      "admin SQL: organizations with member counts": await explainSql(
        `SELECT o.id, o.name, count(m.id) FROM organization o LEFT JOIN member m ON m.organization_id = o.id GROUP BY o.id ORDER BY o.name LIMIT 51`,
      ),
    },
  };
}

await c.query("ANALYZE");
const one = await figures();

// Multiply: every table with an org_id column (tenant-owned), with its organizations.
const { rows: tables } = await c.query<{ table_name: string }>(
  `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
   WHERE c.table_schema = 'public' AND c.column_name = 'org_id' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
);
const tenantTables = new Set(tables.map((t) => t.table_name));
const { rows: fks } = await c.query<{ tbl: string; col: string; ref: string }>(
  `SELECT cl.relname AS tbl, a.attname AS col, rc.relname AS ref
   FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class rc ON rc.oid = k.confrelid
   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
   WHERE k.contype = 'f' AND cardinality(k.conkey) = 1 AND cl.relnamespace = 'public'::regnamespace`,
);
const refOf = new Map(fks.map((f) => [`${f.tbl}.${f.col}`, f.ref]));
const { rows: originals } = await c.query<{ id: string }>(`SELECT id FROM organization`);
const skipped: Record<string, number> = {};
const started = Date.now();
await c.query("SET session_replication_role = replica"); // foreign keys and triggers off while copying
async function copyUpTo(from: number, to: number) {
  for (let k = from + 1; k <= to; k++) {
    await c.query(
      `INSERT INTO organization (id, name, slug, logo, metadata, kind, created_at)
     SELECT id || '-x${k}', name || ' (${k})', slug || '-x${k}', logo, metadata, kind, created_at FROM organization WHERE id = ANY($1)`,
      [originals.map((o) => o.id)],
    );
    for (const table of tenantTables) {
      const { rows: cols } = await c.query<{
        column_name: string;
        data_type: string;
        udt_name: string;
        column_default: string | null;
        is_generated: string;
      }>(
        `SELECT column_name, data_type, udt_name, column_default, is_generated FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      );
      const names: string[] = [];
      const exprs: string[] = [];
      for (const col of cols) {
        if (col.is_generated === "ALWAYS" || col.column_default?.startsWith("nextval(")) continue;
        const q = `"${col.column_name}"`;
        const ref = refOf.get(`${table}.${col.column_name}`);
        let expr = q;
        if (col.column_name === "org_id" || ref === "organization") expr = `${q} || '-x${k}'`;
        else if (col.udt_name === "uuid" && (ref === undefined || tenantTables.has(ref)))
          expr = `overlay(overlay(md5(${q}::text || '${k}') placing '4' from 13) placing '8' from 17)::uuid`;
        names.push(q);
        exprs.push(expr);
      }
      const { rowCount: total } = await c.query(`SELECT 1 FROM "${table}" WHERE org_id = ANY($1)`, [originals.map((o) => o.id)]);
      const res = await c.query(
        `INSERT INTO "${table}" (${names.join(", ")}) SELECT ${exprs.join(", ")} FROM "${table}" WHERE org_id = ANY($1) ON CONFLICT DO NOTHING`,
        [originals.map((o) => o.id)],
      );
      const lost = (total ?? 0) - (res.rowCount ?? 0);
      if (lost > 0) skipped[table] = (skipped[table] ?? 0) + lost;
    }
  }
}
const results: [number, Awaited<ReturnType<typeof figures>>][] = [[1, one]];
let done = 1;
for (const scale of SCALES) {
  await copyUpTo(done, scale);
  done = scale;
  await c.query("SET session_replication_role = origin");
  await c.query("ANALYZE");
  console.log(`copied to ${scale}× after ${((Date.now() - started) / 1000).toFixed(1)} s; ${tenantTables.size} tenant tables`);
  await c.query("SET session_replication_role = origin");
  results.push([scale, await figures()]);
  await c.query("SET session_replication_role = replica");
}
await c.query("SET session_replication_role = origin");
if (Object.keys(skipped).length) console.log(`rows skipped by unique constraints without org_id: ${JSON.stringify(skipped)}`);

const f = (n: number) => n.toFixed(2);
const head = results.map(([k]) => `${k}×`).join(" | ");
const rule = results.map(() => "---").join("|");
console.log(`\n| | ${head} |\n|---|${rule}|`);
for (const t of Object.keys(one.counts))
  console.log(`| rows: ${t} | ${results.map(([, r]) => r.counts[t]?.toLocaleString("en")).join(" | ")} |`);
console.log(`| database size (MB) | ${results.map(([, r]) => r.mb.toFixed(0)).join(" | ")} |`);
console.log(`\n| route (in-process, median / p95 ms of ${RUNS}) | ${head} |\n|---|${rule}|`);
for (const [label] of routes) {
  console.log(
    `| ${label} | ${results
      .map(([, r]) => {
        const x = r.routes.get(label);
        return `${f(x?.median ?? 0)} / ${f(x?.p95 ?? 0)} (${x?.status})`;
      })
      .join(" | ")} |`,
  );
}
console.log(`\n| EXPLAIN ANALYZE (execution, median of 5, ms) | ${head} |\n|---|${rule}|`);
for (const label of Object.keys(one.explain) as (keyof typeof one.explain)[])
  console.log(`| ${label} | ${results.map(([, r]) => f(r.explain[label])).join(" | ")} |`);

await c.end();
await app.close();
await database.close();
if (process.env.KEEP_SCRATCH !== "1") await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin.end();
