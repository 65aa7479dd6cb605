// Measures audit_log and data_access_log at a realistic volume in a scratch PostgreSQL database, as they
// are today (one heap, bigserial primary key) and partitioned by month (docs/operations/partitioning.md).
// Not a test: it prints figures. Needs a local PostgreSQL server (never a shared production one).
//
//   SCALE_PG_URL=postgres://postgres@127.0.0.1:5432/postgres LOG_ROWS=10000000 \
//     node --import tsx bench/scale/log-volume.ts
//
// The scratch database (bgm_scratch_logs) is dropped at the end unless KEEP_SCRATCH=1.
import { openDatabase } from "@bgm/db";
import pg from "pg";

const adminUrl = process.env.SCALE_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ROWS = Number(process.env.LOG_ROWS ?? 10_000_000);
const ACCESS_ROWS = Number(process.env.ACCESS_LOG_ROWS ?? ROWS);
const ORGS = 2000;
const MONTHS = 24;
const DB = "bgm_scratch_logs";

const scratchUrl = new URL(adminUrl);
scratchUrl.pathname = `/${DB}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${DB}`);
const handle = await openDatabase({ url: scratchUrl.toString(), poolSize: 1 });
await handle.migrate();
await handle.close();

const c = new pg.Client({ connectionString: scratchUrl.toString() });
await c.connect();
const t0 = Date.now();
const step = async (label: string, sql: string, params: unknown[] = []) => {
  const s = Date.now();
  const r = await c.query(sql, params);
  console.log(`${label}: ${((Date.now() - s) / 1000).toFixed(1)} s`);
  return r;
};
const mb = async (table: string) => {
  const { rows } = await c.query<{ total: string; heap: string; idx: string; n: string }>(
    `SELECT pg_total_relation_size($1::regclass) AS total, pg_table_size($1::regclass) AS heap,
            pg_indexes_size($1::regclass) AS idx, (SELECT count(*) FROM ${table}) AS n`,
    [table],
  );
  const r = rows[0];
  const f = (v: string) => `${(Number(v) / 1024 / 1024).toFixed(0)} MB`;
  return `${table}: ${Number(r?.n).toLocaleString("en")} rows, total ${f(r?.total ?? "0")} (heap ${f(r?.heap ?? "0")}, indexes ${f(r?.idx ?? "0")})`;
};
/** Median of five runs of EXPLAIN ANALYZE's execution time (the first warms the cache). */
const timed = async (label: string, sql: string) => {
  const times: number[] = [];
  let plan = "";
  for (let i = 0; i < 5; i++) {
    const { rows } = await c.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
    const p = rows[0]["QUERY PLAN"][0];
    times.push(p["Execution Time"]);
    plan = p.Plan["Node Type"];
  }
  times.sort((a, b) => a - b);
  console.log(`  ${label}: median ${times[2]?.toFixed(2)} ms (min ${times[0]?.toFixed(2)}, max ${times[4]?.toFixed(2)}; top node ${plan})`);
};

// Companies and providers: org_ids with a skew (org 1 is a large company with ~5 % of all entries).
await step(
  "organizations",
  `INSERT INTO organization (id, name, slug, kind)
   SELECT 'org' || g, 'Org ' || g, 'org-' || g, CASE WHEN g % 10 = 0 THEN 'provider' ELSE 'company' END
   FROM generate_series(1, ${ORGS}) g`,
);
// The audit log: like the app writes it (action, entity, a small details object, ip, user agent, request id),
// spread evenly over MONTHS months, in insertion order (id grows with time as in production).
await c.query("SET session_replication_role = replica"); // no triggers while loading
await step(
  `audit_log ${ROWS.toLocaleString("en")} rows`,
  `INSERT INTO audit_log (org_id, actor_user_id, action, entity_type, entity_id, details, ip, user_agent, request_id, at)
   SELECT CASE WHEN g % 20 = 0 THEN 'org1' ELSE 'org' || (1 + (hashint4(g::int) & 2147483647) % ${ORGS}) END,
          'user' || (g % 50000),
          (ARRAY['engagement.created','quote.sent','grant.created','grant.revoked','health_day.updated','member.invited','offering.updated','result.uploaded'])[1 + g % 8],
          (ARRAY['engagement','quote','data_grant','health_day','member','offering','result'])[1 + g % 7],
          md5(g::text)::uuid::text,
          jsonb_build_object('from', 'draft', 'to', 'sent', 'n', g % 100),
          '198.51.100.' || (g % 250),
          'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
          md5((g * 7)::text),
          now() - interval '${MONTHS} months' + (g::float8 / ${ROWS}) * interval '${MONTHS} months'
   FROM generate_series(1, ${ROWS}) g`,
);
await step(
  `data_access_log ${ACCESS_ROWS.toLocaleString("en")} rows`,
  `INSERT INTO data_access_log (org_id, provider_org_id, engagement_id, grant_id, scope_key, actor_user_id, outcome, reason, record_count, format, subject_employee_ids, ip, at)
   SELECT CASE WHEN g % 20 = 0 THEN 'org1' ELSE 'org' || (1 + (hashint4(g::int) & 2147483647) % ${ORGS}) END,
          'org' || (10 * (1 + g % ${ORGS / 10})),
          md5((g % 20000)::text)::uuid,
          md5((g % 40000)::text || 'g')::uuid,
          (ARRAY['participation.aggregate','employees.contact','results.summary'])[1 + g % 3],
          'user' || (g % 5000),
          CASE WHEN g % 17 = 0 THEN 'denied' ELSE 'served' END,
          CASE WHEN g % 17 = 0 THEN 'expired' END,
          g % 40, 'json',
          CASE WHEN g % 3 = 1 THEN ARRAY[md5(g::text)::uuid, md5((g + 1)::text)::uuid] ELSE '{}'::uuid[] END,
          '198.51.100.' || (g % 250),
          now() - interval '${MONTHS} months' + (g::float8 / ${ACCESS_ROWS}) * interval '${MONTHS} months'
   FROM generate_series(1, ${ACCESS_ROWS}) g`,
);
await c.query("SET session_replication_role = origin");
await step("VACUUM ANALYZE", "VACUUM ANALYZE audit_log, data_access_log, organization");
console.log(await mb("audit_log"));
console.log(await mb("data_access_log"));

const { rows: midRows } = await c.query<{ id: string }>(
  "SELECT id FROM audit_log WHERE org_id = 'org1' ORDER BY id DESC OFFSET 5000 LIMIT 1",
);
const deepCursor = midRows[0]?.id ?? "1";

async function queries(audit: string, access: string) {
  await timed(
    "company audit page (org1, large, first 50)",
    `SELECT a.*, u.name FROM ${audit} a LEFT JOIN "user" u ON u.id = a.actor_user_id WHERE a.org_id = 'org1' ORDER BY a.id DESC LIMIT 51`,
  );
  await timed(
    "company audit page (org1, 100 pages deep by cursor)",
    `SELECT a.*, u.name FROM ${audit} a LEFT JOIN "user" u ON u.id = a.actor_user_id WHERE a.org_id = 'org1' AND a.id < ${deepCursor} ORDER BY a.id DESC LIMIT 51`,
  );
  await timed(
    "company audit page, area filter (org77, grant actions)",
    `SELECT a.* FROM ${audit} a WHERE a.org_id = 'org77' AND a.action IN ('grant.created','grant.revoked') ORDER BY a.id DESC LIMIT 51`,
  );
  await timed(
    "access-log page (org1, first 50)",
    `SELECT l.*, o.name FROM ${access} l JOIN organization o ON o.id = l.provider_org_id WHERE l.org_id = 'org1' ORDER BY l.id DESC LIMIT 51`,
  );
  await timed(
    "records CSV export: access counts per grant (org1)",
    `SELECT grant_id, count(*) FILTER (WHERE outcome = 'served'), count(*) FILTER (WHERE outcome = 'denied'),
            max(at) FILTER (WHERE outcome = 'served') FROM ${access} WHERE org_id = 'org1' GROUP BY grant_id`,
  );
  await timed(
    "records CSV export: access counts per grant (org77, typical)",
    `SELECT grant_id, count(*) FILTER (WHERE outcome = 'served'), count(*) FILTER (WHERE outcome = 'denied'),
            max(at) FILTER (WHERE outcome = 'served') FROM ${access} WHERE org_id = 'org77' GROUP BY grant_id`,
  );
}

console.log("\nAs today (one table each):");
await queries("audit_log", "data_access_log");
{
  // Retention today: one month of rows deleted from the heap (rolled back, so the table stays as it was).
  await c.query("BEGIN");
  await c.query("SET LOCAL session_replication_role = replica");
  await step(
    "  delete the oldest month of audit_log (DELETE, rolled back)",
    `DELETE FROM audit_log WHERE at < now() - interval '${MONTHS - 1} months'`,
  );
  await c.query("ROLLBACK");
}

// Partitioned copies: range by month on `at`; the primary key must contain the partition key.
console.log("\nPartitioned by month (copies):");
for (const [table, copy] of [
  ["audit_log", "audit_log_p"],
  ["data_access_log", "data_access_log_p"],
] as const) {
  await c.query(`CREATE TABLE ${copy} (LIKE ${table} INCLUDING DEFAULTS) PARTITION BY RANGE (at)`);
  await c.query(`ALTER TABLE ${copy} ADD PRIMARY KEY (id, at)`);
  for (let m = -MONTHS - 1; m <= 1; m++) {
    await c.query(
      `DO $$ DECLARE s date := date_trunc('month', now())::date + make_interval(months => ${m}); BEGIN
         EXECUTE format('CREATE TABLE %I PARTITION OF ${copy} FOR VALUES FROM (%L) TO (%L)',
           '${copy}_' || to_char(s, 'YYYY_MM'), s, s + interval '1 month'); END $$`,
    );
  }
  await step(`  copy ${table} into ${copy}`, `INSERT INTO ${copy} SELECT * FROM ${table}`);
}
await c.query(`CREATE INDEX ON audit_log_p (org_id, id)`);
await c.query(`CREATE INDEX ON data_access_log_p (org_id, id)`);
await c.query(`CREATE INDEX ON data_access_log_p (provider_org_id, id)`);
await step("  VACUUM ANALYZE copies", "VACUUM ANALYZE audit_log_p, data_access_log_p");
const { rows: partSizes } = await c.query<{ t: string; total: string }>(
  `SELECT p.relname AS t, sum(pg_total_relation_size(i.inhrelid))::bigint AS total
   FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname IN ('audit_log_p','data_access_log_p') GROUP BY p.relname`,
);
for (const r of partSizes) console.log(`  ${r.t}: total ${(Number(r.total) / 1024 / 1024).toFixed(0)} MB over ${MONTHS + 3} partitions`);
await queries("audit_log_p", "data_access_log_p");
{
  const { rows } = await c.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
     WHERE p.relname = 'audit_log_p' ORDER BY c.relname LIMIT 1 OFFSET 1`,
  );
  const oldest = rows[0]?.name;
  await c.query("BEGIN");
  await step(`  retention: DETACH + DROP the oldest month (${oldest}, rolled back)`, `ALTER TABLE audit_log_p DETACH PARTITION ${oldest}`);
  await step("  DROP TABLE", `DROP TABLE ${oldest}`);
  await c.query("ROLLBACK");
}

await c.end();
if (process.env.KEEP_SCRATCH !== "1") await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin.end();
console.log(`\ndone in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
