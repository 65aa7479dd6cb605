import { engagement, member, offering, organization, user } from "@bgm/db";
import { and, eq, sql } from "drizzle-orm";
import { CSRF_HEADER, CSRF_VALUE } from "../../apps/api/src/plugins/security.js";
import type { BenchContext, Scenario } from "../lib/scenario.js";

const MANAGER = "petra.manager@muster-gmbh.de";
const PARTNER = "marcus@surveypro.de";
const PASSWORD = "Demo!2026bgm";
const COMPANIES = 200;
const EMPLOYEES = 500;
const INTERVENTIONS = 4;
const SESSIONS_PER_INTERVENTION = 10;
const PERIOD = { from: "2026-01-01", to: "2026-12-31" };

interface Fixture {
  companyId: string;
  engagementId: string;
  apiKey: string;
  managerCookie: string;
}

let fixture: Promise<Fixture> | undefined;

/**
 * 200 companies × 500 employees × 40 sessions (4 interventions of 10 sessions), each session with a quarter of
 * the company's employees: 8,000 sessions and 1,000,000 participation rows, written with generate_series in a
 * few statements. Company 1 is the demo company (Muster GmbH, manager Petra); every company has an
 * engagement with SurveyPro (partner Marcus), whose first intervention runs under it.
 */
async function seed(ctx: BenchContext): Promise<Fixture> {
  const db = ctx.real.database.db;
  const started = Date.now();
  const [company] = await db
    .select({ orgId: member.organizationId })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(user.email, MANAGER));
  const [provider] = await db
    .select({ orgId: member.organizationId })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(user.email, PARTNER));
  if (!company || !provider) throw new Error("demo data missing: no Muster GmbH or SurveyPro login");
  const [off] = await db.select({ id: offering.id }).from(offering).where(eq(offering.orgId, provider.orgId)).limit(1);
  if (!off) throw new Error("SurveyPro has no offering");

  const others = Array.from({ length: COMPANIES - 1 }, (_, i) => `bench-co-${i + 1}`);
  await db.insert(organization).values(others.map((id, i) => ({ id, name: `Bench Firma ${i + 1}`, slug: id, kind: "company" as const })));
  const companies = [company.orgId, ...others];
  const list = sql`${`{${companies.join(",")}}`}::text[]`;

  await db.execute(sql`
    insert into employee (org_id, first_name, last_name, email, department, location, active)
    select c.id, 'Bench', 'Person ' || e, 'bench' || c.n || '.' || e || '@bench.example',
      (array['Vertrieb','IT','Lager','Produktion','Verwaltung','Einkauf','Service','Technik'])[1 + e % 8],
      (array['Hamburg','Bremen','Berlin'])[1 + e % 3], e % 50 <> 0
    from unnest(${list}) with ordinality c(id, n), generate_series(0, ${EMPLOYEES - 1}) e`);

  await db.execute(sql`
    with co as (select id from unnest(${list}) t(id)),
    eng as (
      insert into engagement (org_id, provider_org_id, offering_id, status, brief)
      select co.id, ${provider.orgId}, ${off.id}, 'in_progress', '{"what":"Bench-Kurse"}'::jsonb from co
      returning id, org_id, provider_org_id
    ),
    iv as (
      insert into intervention (org_id, title, category, field_of_action, approach, engagement_id, provider_org_id)
      select eng.org_id, 'Bench-Kurs ' || k,
        (array['nutrition','movement','mental_health','ergonomics'])[k + 1],
        (array['nutrition','movement','stress_resources','work_design'])[k + 1],
        case when k = 3 then 'structural' else 'behavioural' end,
        case when k = 0 then eng.id end, case when k = 0 then eng.provider_org_id end
      from eng cross join generate_series(0, ${INTERVENTIONS - 1}) k
      returning id, org_id, title
    )
    insert into participation_session (org_id, intervention_id, starts_at, ends_at, capacity, location)
    select iv.org_id, iv.id, x.ts, x.ts + interval '1 hour', 200, 'Raum 1'
    from iv cross join generate_series(0, ${SESSIONS_PER_INTERVENTION - 1}) s,
      lateral (select timestamptz '2026-01-07 10:00+01' + ((s * 30) + (right(iv.title, 1))::int * 3) * interval '1 day' as ts) x`);

  await db.execute(sql`
    with emp as (
      select id, org_id, row_number() over (partition by org_id order by id) as i
      from employee where org_id = any(${list}) and email like 'bench%'
    ),
    ses as (
      select id, org_id, row_number() over (partition by org_id order by starts_at, id) as j
      from participation_session where org_id = any(${list})
    )
    insert into participation (org_id, session_id, employee_id, status)
    select ses.org_id, ses.id, emp.id,
      case when abs(hashtext(emp.id::text || ses.id::text)) % 20 < 17 then 'attended'
           when abs(hashtext(emp.id::text || ses.id::text)) % 20 < 19 then 'no_show'
           else 'registered' end
    from ses join emp on emp.org_id = ses.org_id and (emp.i + ses.j) % 4 = 0`);
  // VACUUM as well as ANALYZE: a table just bulk-loaded has no visibility map yet, so every "index-only" count
  // would still visit the heap (1,250 heap fetches per partner read) until autovacuum comes by — a state a
  // live database is not in. Both sides of every scenario read the same vacuumed tables.
  // The places go in as one statement, so its trigger (migration 0035) fills participation_session_count with one
  // upsert of 8,000 sessions.
  await db.execute(
    sql`vacuum (analyze) employee, engagement, intervention, participation_session, participation, participation_session_count`,
  );
  const counted = (await db.execute(sql`select count(*)::int as n from participation`)) as unknown as { rows: { n: number }[] };
  const n = counted.rows[0]?.n ?? 0;
  process.stderr.write(`bench participation: ${n} participation rows in ${Math.round((Date.now() - started) / 1000)} s\n`);

  const [eng] = await db
    .select({ id: engagement.id })
    .from(engagement)
    .where(
      and(
        eq(engagement.orgId, company.orgId),
        eq(engagement.providerOrgId, provider.orgId),
        sql`${engagement.brief}->>'what' = 'Bench-Kurse'`,
      ),
    );
  if (!eng) throw new Error("bench engagement missing");

  const partnerCookie = await ctx.real.signIn(PARTNER, PASSWORD);
  const created = await fetch(`${ctx.real.baseUrl}/api/provider/api-keys`, {
    method: "POST",
    headers: { cookie: partnerCookie, "content-type": "application/json", [CSRF_HEADER]: CSRF_VALUE },
    body: JSON.stringify({ name: "Benchmark" }),
  });
  if (created.status !== 201) throw new Error(`API key: ${created.status} ${await created.text()}`);
  const apiKey = ((await created.json()) as { key: string }).key;
  return { companyId: company.orgId, engagementId: eng.id, apiKey, managerCookie: await ctx.real.signIn(MANAGER, PASSWORD) };
}

const prepared = (ctx: BenchContext) => {
  fixture ??= seed(ctx);
  return fixture;
};

/**
 * The partner's aggregate through the partner API (API key, the company's tenant transaction — the provider's
 * lookup of the engagement's company runs once a minute — the disclosure rule, the access-log entry) vs. the
 * same per-session counts as one hand-written SQL statement on a bare route.
 */
export const participationPartner: Scenario = {
  name: "participation_partner",
  async prepare(ctx) {
    const f = await prepared(ctx);
    const bare = await ctx.bare((app, pool) => {
      app.get("/aggregate", async () => {
        const { rows } = await pool.query(
          `select s.id, s.starts_at,
             count(p.id) filter (where p.status = 'attended') as attended,
             count(p.id) filter (where p.status in ('registered', 'no_show')) as not_attended
           from intervention i
           join participation_session s on s.intervention_id = i.id and s.status = 'scheduled'
           left join participation p on p.session_id = s.id
           where i.org_id = $1 and i.engagement_id = $2
           group by s.id order by s.starts_at`,
          [f.companyId, f.engagementId],
        );
        return rows;
      });
    });
    return {
      real: {
        url: `${ctx.real.baseUrl}/api/partner/engagements/${f.engagementId}/participation`,
        headers: { authorization: `Bearer ${f.apiKey}` },
      },
      baseline: { url: `${bare.baseUrl}/aggregate` },
    };
  },
};

/**
 * One company's people report for a year by department (the manager's session, RLS, the people of the period,
 * the laminar family, the department coarsening) vs. participants and non-participants per department as
 * one hand-written SQL statement.
 */
export const participationReport: Scenario = {
  name: "participation_report",
  async prepare(ctx) {
    const f = await prepared(ctx);
    const bare = await ctx.bare((app, pool) => {
      app.get("/report", async () => {
        const { rows } = await pool.query(
          `select e.department,
             count(*) filter (where a.employee_id is not null) as participants,
             count(*) filter (where a.employee_id is null and e.active) as non_participants
           from employee e
           left join (
             select distinct p.employee_id from participation p
             join participation_session s on s.id = p.session_id
             where p.org_id = $1 and p.status = 'attended' and s.status = 'scheduled'
               and s.starts_at >= ($2::date)::timestamp at time zone 'Europe/Berlin'
               and s.starts_at < (($3::date) + 1)::timestamp at time zone 'Europe/Berlin'
           ) a on a.employee_id = e.id
           where e.org_id = $1
           group by e.department order by e.department`,
          [f.companyId, PERIOD.from, PERIOD.to],
        );
        return rows;
      });
    });
    return {
      real: {
        url: `${ctx.real.baseUrl}/api/participation/reports/people?from=${PERIOD.from}&to=${PERIOD.to}&groupBy=department`,
        headers: { cookie: f.managerCookie },
      },
      baseline: { url: `${bare.baseUrl}/report` },
    };
  },
};
