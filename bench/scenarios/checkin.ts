import { randomUUID } from "node:crypto";
import { healthDay, healthDayCheckIn, member, offering, participation, user } from "@bgm/db";
import { and, eq, sql } from "drizzle-orm";
import { ticketKeys } from "../../apps/api/src/modules/health-days/tickets.keys.js";
import { CSRF_HEADER, CSRF_VALUE } from "../../apps/api/src/plugins/security.js";
import { percentile } from "../lib/load.js";
import type { BenchContext, Scenario } from "../lib/scenario.js";

/**
 * The door of a big health day (issue 13, Performance): one day with 2,000 tickets, 10 phones scanning
 * 1,000 tickets a minute between them for BENCH_CHECKIN_SECONDS (default 300), 10 % of the scans a ticket
 * scanned before (a duplicate), 5 % of the syncs an offline batch (the phone queues 10 scans, syncs them in
 * one request and — its connection flaky — sends the same batch once more). A poller reads the live figures
 * twice a second meanwhile. Printed: scans lost (must be 0), duplicates flagged vs. sent, p95 per scan and
 * per offline batch, the live query's p95 under that load. Then the runner compares the live figures (the
 * real route) with the same counts as one hand-written SQL statement.
 */

const MANAGER = "petra.manager@muster-gmbh.de";
const PASSWORD = "Demo!2026bgm";
const STATIONS = 4;
const SLOTS_PER_STATION = 5;

const numberEnv = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? "");
  return process.env[name] && Number.isFinite(n) && n > 0 ? n : fallback;
};

interface Ticket {
  token: string;
}

async function seed(ctx: BenchContext, tickets: number) {
  const db = ctx.real.database.db;
  const [company] = await db
    .select({ orgId: member.organizationId, userId: user.id })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(user.email, MANAGER));
  if (!company) throw new Error("demo data missing: no Muster GmbH login");
  const [off] = await db.select({ id: offering.id, orgId: offering.orgId }).from(offering).where(eq(offering.status, "published")).limit(1);
  if (!off) throw new Error("demo data has no published offering");
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
  const [day] = await db
    .insert(healthDay)
    .values({ orgId: company.orgId, title: "Bench-Gesundheitstag", startsOn: today, endsOn: today, status: "live" })
    .returning({ id: healthDay.id });
  if (!day) throw new Error("no day");
  const perSlot = Math.ceil(tickets / (STATIONS * SLOTS_PER_STATION));
  // Stations, their slots (doors open: started ten minutes ago), people and one registered place each.
  await db.execute(sql`
    with st as (
      insert into health_day_module (org_id, health_day_id, offering_id, provider_org_id, title, location)
      select ${company.orgId}, ${day.id}, ${off.id}, ${off.orgId}, 'Station ' || k, 'Raum ' || k
      from generate_series(1, ${STATIONS}) k
      returning id
    )
    insert into participation_session (org_id, health_day_module_id, starts_at, ends_at, capacity, location)
    select ${company.orgId}, st.id, now() - interval '10 minutes' + s * interval '1 minute',
      now() + interval '8 hours', ${perSlot}, 'Raum'
    from st cross join generate_series(0, ${SLOTS_PER_STATION - 1}) s`);
  await db.execute(sql`
    insert into employee (org_id, first_name, last_name, email, department, location, active)
    select ${company.orgId}, 'Scan', 'Person ' || e, 'scan' || e || '@bench.example', 'Produktion', 'Hamburg', true
    from generate_series(1, ${tickets}) e`);
  await db.execute(sql`
    with emp as (
      select id, row_number() over (order by id) - 1 as i from employee
      where org_id = ${company.orgId} and email like 'scan%@bench.example'
    ),
    ses as (
      select s.id, row_number() over (order by s.id) - 1 as j from participation_session s
      join health_day_module m on m.id = s.health_day_module_id where m.health_day_id = ${day.id}
    )
    insert into participation (org_id, session_id, employee_id, status)
    select ${company.orgId}, ses.id, emp.id, 'registered'
    from emp join ses on ses.j = emp.i % ${STATIONS * SLOTS_PER_STATION}`);
  await db.execute(sql`vacuum (analyze) employee, participation_session, participation`);
  const places = (await db.execute(sql`
    select p.id, p.session_id from participation p
    join participation_session s on s.id = p.session_id
    join health_day_module m on m.id = s.health_day_module_id
    where m.health_day_id = ${day.id}`)) as unknown as { rows: { id: string; session_id: string }[] };
  const keys = ticketKeys(ctx.real.app.config.authSecret);
  const all: Ticket[] = places.rows.map((p) => ({
    token: keys.sign({ healthDayId: day.id, slotId: p.session_id, participationId: p.id }),
  }));
  return { dayId: day.id, orgId: company.orgId, tickets: all };
}

/** A seeded pseudo-random sequence, so that two runs send the same mix. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Scan {
  nonce: string;
  token: string;
  scannedAt: string;
  deviceId: string;
}

async function runDoor(ctx: BenchContext, dayId: string, tickets: Ticket[], cookie: string) {
  const seconds = numberEnv("BENCH_CHECKIN_SECONDS", 300);
  const scanners = numberEnv("BENCH_CHECKIN_SCANNERS", 10);
  const perMinute = numberEnv("BENCH_CHECKIN_PER_MINUTE", 1000);
  const interval = (60_000 * scanners) / perMinute;
  const url = `${ctx.real.baseUrl}/api/health-days/${dayId}/check-ins`;
  const headers = { cookie, "content-type": "application/json", [CSRF_HEADER]: CSRF_VALUE };
  const random = rng(13);
  let fresh = 0;
  const used: number[] = [];
  let exhaustedAt: number | null = null;
  const sent = new Set<string>();
  let duplicatesSent = 0;
  let failures = 0;
  const scanLatencies: number[] = [];
  const batchLatencies: number[] = [];
  const liveLatencies: number[] = [];
  const started = Date.now();
  const end = started + seconds * 1000;

  const post = async (scans: Scan[]) => {
    const t0 = performance.now();
    const res = await fetch(url, { method: "POST", headers, body: JSON.stringify({ scans }) });
    const body = (await res.json()) as { results?: { nonce: string }[] };
    const ms = performance.now() - t0;
    if (res.status !== 200 || body.results?.length !== scans.length) failures++;
    return ms;
  };

  const nextScan = (device: string): Scan => {
    let index: number;
    if ((random() < 0.1 && used.length > 0) || fresh >= tickets.length) {
      if (fresh >= tickets.length && exhaustedAt === null) exhaustedAt = Date.now() - started;
      index = used[Math.floor(random() * used.length)] as number;
      duplicatesSent++;
    } else {
      index = fresh++;
      used.push(index);
    }
    const scan = {
      nonce: randomUUID().replace(/-/g, ""),
      token: (tickets[index] as Ticket).token,
      scannedAt: new Date().toISOString(),
      deviceId: device,
    };
    sent.add(scan.nonce);
    return scan;
  };

  const scanner = async (n: number) => {
    const device = `bench-phone-${n}`;
    let k = 0;
    let queue: Scan[] = [];
    let offline = false;
    // Start the phones staggered across one interval.
    await new Promise((r) => setTimeout(r, (interval * n) / scanners));
    const t0 = Date.now();
    while (Date.now() < end) {
      const scan = nextScan(device);
      if (!offline && random() < 0.05 / 10) offline = true; // ~5 % of syncs are offline batches of 10
      if (offline) {
        queue.push(scan);
        if (queue.length >= 10) {
          batchLatencies.push(await post(queue));
          batchLatencies.push(await post(queue)); // the flaky connection's retry: must change nothing
          queue = [];
          offline = false;
        }
      } else {
        scanLatencies.push(await post([scan]));
      }
      k++;
      const wait = t0 + k * interval - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    if (queue.length > 0) batchLatencies.push(await post(queue));
  };

  const poller = async () => {
    while (Date.now() < end) {
      const t0 = performance.now();
      const res = await fetch(`${ctx.real.baseUrl}/api/health-days/${dayId}/check-ins/live?once=true`, { headers: { cookie } });
      await res.text();
      liveLatencies.push(performance.now() - t0);
      if (res.status !== 200) failures++;
      await new Promise((r) => setTimeout(r, 500));
    }
  };

  await Promise.all([...Array.from({ length: scanners }, (_, i) => scanner(i)), poller()]);
  return {
    seconds,
    scanners,
    perMinute,
    sent,
    duplicatesSent,
    freshSent: used.length,
    exhaustedAt,
    failures,
    elapsed: (Date.now() - started) / 1000,
    scanLatencies,
    batchLatencies,
    liveLatencies,
  };
}

const pct = (xs: number[], p: number) => Math.round(percentile(Float64Array.from(xs).sort(), p) * 10) / 10;
const p95 = (xs: number[]) => pct(xs, 95);

let fixture: Promise<{ dayId: string; orgId: string; cookie: string }> | undefined;

async function prepare(ctx: BenchContext) {
  const tickets = numberEnv("BENCH_CHECKIN_TICKETS", 2000);
  const seeded = await seed(ctx, tickets);
  const cookie = await ctx.real.signIn(MANAGER, PASSWORD);
  process.stderr.write(`bench checkin: ${seeded.tickets.length} tickets; scanning ...\n`);
  const r = await runDoor(ctx, seeded.dayId, seeded.tickets, cookie);
  const db = ctx.real.database.db;
  const rows = await db
    .select({ outcome: healthDayCheckIn.outcome, n: sql<number>`count(*)::int` })
    .from(healthDayCheckIn)
    .where(eq(healthDayCheckIn.healthDayId, seeded.dayId))
    .groupBy(healthDayCheckIn.outcome);
  const by = Object.fromEntries(rows.map((x) => [x.outcome, x.n])) as Record<string, number>;
  const stored = rows.reduce((n, x) => n + x.n, 0);
  const [attended] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(participation)
    .where(
      and(
        eq(participation.orgId, seeded.orgId),
        eq(participation.status, "attended"),
        sql`${participation.sessionId} in (select s.id from participation_session s join health_day_module m on m.id = s.health_day_module_id where m.health_day_id = ${seeded.dayId})`,
      ),
    );
  const lines = [
    `checkin: ${r.scanners} scanners, target ${r.perMinute}/min for ${r.seconds} s: sent ${r.sent.size} scans in ${r.elapsed.toFixed(0)} s (${Math.round((r.sent.size / r.elapsed) * 60)}/min), ${r.failures} failed requests`,
    `checkin: lost ${r.sent.size - stored} (stored ${stored} of ${r.sent.size})`,
    `checkin: checked in ${by.checked_in ?? 0} (fresh tickets sent ${r.freshSent}, places attended ${attended?.n ?? 0}); duplicates flagged ${by.duplicate ?? 0} of ${r.duplicatesSent} sent; other outcomes ${stored - (by.checked_in ?? 0) - (by.duplicate ?? 0)}`,
    r.exhaustedAt === null
      ? "checkin: fresh tickets left at the end"
      : `checkin: all tickets used after ${(r.exhaustedAt / 1000).toFixed(0)} s; every later scan is a duplicate`,
    `checkin: p95 per scan ${p95(r.scanLatencies)} ms (p50 ${pct(r.scanLatencies, 50)} ms, ${r.scanLatencies.length} online syncs); p95 per offline batch of 10 ${p95(r.batchLatencies)} ms (${r.batchLatencies.length} syncs incl. retries)`,
    `checkin: live query p95 under load ${p95(r.liveLatencies)} ms (p50 ${pct(r.liveLatencies, 50)} ms, ${r.liveLatencies.length} reads)`,
  ];
  for (const l of lines) process.stdout.write(`${l}\n`);
  if (r.sent.size !== stored) throw new Error(`checkin: ${r.sent.size - stored} scans lost`);
  if ((by.duplicate ?? 0) !== r.duplicatesSent) throw new Error("checkin: duplicates flagged differ from duplicates sent");
  return { dayId: seeded.dayId, orgId: seeded.orgId, cookie };
}

/**
 * The check-in door under load (printed above), then the live figures (session, RLS, stations, slot counts,
 * scan outcomes) vs. the slot counts and outcomes as two hand-written SQL statements.
 */
export const checkin: Scenario = {
  name: "checkin",
  async prepare(ctx) {
    fixture ??= prepare(ctx);
    const f = await fixture;
    const bare = await ctx.bare((app, pool) => {
      app.get("/live", async () => {
        const slots = await pool.query(
          `select s.id, s.health_day_module_id,
             count(p.id) filter (where p.status = 'attended') as checked_in,
             count(p.id) filter (where p.status in ('registered', 'attended', 'no_show')) as registered
           from health_day_module m
           join participation_session s on s.health_day_module_id = m.id
           left join participation p on p.session_id = s.id
           where m.org_id = $1 and m.health_day_id = $2
           group by s.id`,
          [f.orgId, f.dayId],
        );
        const outcomes = await pool.query(
          "select outcome, count(*) from health_day_check_in where org_id = $1 and health_day_id = $2 group by outcome",
          [f.orgId, f.dayId],
        );
        return { slots: slots.rows, outcomes: outcomes.rows };
      });
    });
    return {
      real: { url: `${ctx.real.baseUrl}/api/health-days/${f.dayId}/check-ins/live?once=true`, headers: { cookie: f.cookie } },
      baseline: { url: `${bare.baseUrl}/live` },
    };
  },
};
