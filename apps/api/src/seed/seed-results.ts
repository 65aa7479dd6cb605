import { randomUUID } from "node:crypto";
import { type Database, engagement, engagementEvent, member, notification, offering, quote, type Tx, user, withTenantTx } from "@bgm/db";
import type { EngagementStatus, OutputTypeKey } from "@bgm/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { FileStorage } from "../lib/file-storage/index.js";
import { makeTenantScope } from "../lib/tenant-scope.js";
import { decide, submitResult } from "../modules/results/index.js";

/*
 * Partner results in the demo world: ErgoProfi's ergonomic assessment (complete, so the physical-strain
 * risk assessment is done) and Upfit's participation figures of two periods (a KPI card with a trend),
 * both accepted by Petra. SurveyPro's COPSOQ path is left for the newcomer (and the e2e test) to walk.
 *
 * The engagements are written as the engagement services would leave them after request → quote →
 * acceptance → start; the results then go through the results module's own use cases, so they land
 * exactly where accepted results land. ErgoProfi and Upfit have no members: their side acts as the
 * system user the migrations create (it has no account, nobody can sign in as it).
 */

const SEED_META = { ip: null, userAgent: "seed", requestId: null };
const DAY = 24 * 60 * 60 * 1000;
/** Only the returned views and mail texts use these; the seed keeps neither (no files, no mails). */
const APP_URL = "http://localhost";
const AUTO_ACCEPT_DAYS = 14;
const noFiles: FileStorage = {
  put: async () => {
    throw new Error("the demo seed delivers no files");
  },
  get: async () => {
    throw new Error("the demo seed delivers no files");
  },
  remove: async () => {},
};

export interface ResultSeedWorld {
  companyId: string;
  managerUserId: string;
  /** Provider organization ids by name. */
  providerIds: ReadonlyMap<string, string>;
}

export interface DemoEngagement {
  provider: string;
  /** The partner's staff member who acted; a user without an account (nobody signs in as them). */
  staff: { name: string; email: string };
  offeringTitle: string;
  taskKey: string;
  phase: number;
  brief: { what: string; when: string; employeeCount: number | null; budgetCents: number | null; message: string };
  quote: { priceCents: number; scopeOfWork: string };
  /** When the request was sent, in days before seeding; the other steps follow a few days apart. */
  requestedDaysAgo: number;
}

interface Delivery {
  outputType: OutputTypeKey;
  payload: Record<string, unknown>;
  note: string;
}

const ERGONOMICS: DemoEngagement = {
  provider: "ErgoProfi",
  staff: { name: "Jana Ergo", email: "jana.ergo@ergoprofi.example" },
  offeringTitle: "Ergonomie-Check am Arbeitsplatz",
  taskKey: "ergonomic_workplace_check",
  phase: 2,
  brief: {
    what: "Ergonomie-Check der Bildschirmarbeitsplätze und der Montagelinie 2",
    when: "November 2026",
    employeeCount: 50,
    budgetCents: 350_000,
    message: "Bitte mit Maßnahmenplan und Nachbegehung, damit die Gefährdungsbeurteilung vollständig ist.",
  },
  quote: {
    priceCents: 300_000,
    scopeOfWork: "Begehung an zwei Tagen, Beurteilung aller Arbeitsplätze, Maßnahmenplan, Nachbegehung mit Wirksamkeitskontrolle.",
  },
  requestedDaysAgo: 45,
};

const NUTRITION: DemoEngagement = {
  provider: "Upfit",
  staff: { name: "Tom Fit", email: "tom.fit@upfit.example" },
  offeringTitle: "Ernährungscoaching (12 Wochen)",
  taskKey: "run_interventions",
  phase: 4,
  brief: {
    what: "Ernährungscoaching für Beschäftigte aus Produktion und Verwaltung",
    when: "ab September 2026",
    employeeCount: 25,
    budgetCents: 250_000,
    message: "Bitte monatlich die Teilnahmezahlen liefern.",
  },
  quote: { priceCents: 225_000, scopeOfWork: "12-wöchiges digitales Ernährungscoaching für bis zu 25 Personen mit Teilnahmestatistik." },
  requestedDaysAgo: 100,
};

/** Complete: every measure carried out with proof and an effectiveness check, so gbu_physical is done. */
const ERGONOMIC_ASSESSMENT: Delivery = {
  outputType: "ergonomic_assessment",
  note: "Beurteilung mit Nachbegehung; Abnahmeprotokolle liegen bei der Instandhaltung.",
  payload: {
    date: "2026-11-10",
    assessor: "Dr. Jana Ergo, ErgoProfi GmbH",
    workplaces: [
      { name: "Bildschirmarbeitsplätze Verwaltung", count: 38 },
      { name: "Montagelinie 2", count: 12 },
    ],
    findings: [
      { workplace: "Bildschirmarbeitsplätze Verwaltung", description: "Monitore zu niedrig, keine Fußstützen", riskLevel: "medium" },
      { workplace: "Montagelinie 2", description: "Heben über 15 kg ohne Hilfsmittel", riskLevel: "high" },
    ],
    measures: [
      {
        title: "Monitorarme und Fußstützen beschaffen",
        owner: "Einkauf, Frau Berg",
        dueDate: "2026-12-15",
        carriedOutAt: "2026-11-18",
        proof: "Lieferschein und Montageprotokoll vom 18.11.2026",
      },
      {
        title: "Hebehilfe an Montagelinie 2 installieren",
        owner: "Instandhaltung, Herr Ohm",
        dueDate: "2027-01-31",
        carriedOutAt: "2026-11-20",
        proof: "Abnahmeprotokoll der Hebehilfe vom 20.11.2026",
      },
    ],
    effectivenessCheck:
      "Nachbegehung am 24.11.2026: Monitore auf Augenhöhe, Hebehilfe wird genutzt; die Belastungen sind auf ein geringes Risiko gesunken.",
  },
};

const PARTICIPATION: Delivery[] = [
  {
    outputType: "participation_stats",
    note: "Wochen 1–8.",
    payload: {
      label: "Ernährungscoaching",
      period: { from: "2026-09-01", to: "2026-10-31" },
      registeredCount: 24,
      attendedCount: 18,
      attendanceRate: 75,
    },
  },
  {
    outputType: "participation_stats",
    note: "Wochen 9–12.",
    payload: {
      label: "Ernährungscoaching",
      period: { from: "2026-11-01", to: "2026-11-30" },
      registeredCount: 20,
      attendedCount: 17,
      attendanceRate: 85,
    },
  },
];

const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function companyScope(tx: Tx, w: ResultSeedWorld) {
  return makeTenantScope(tx, { orgId: w.companyId, orgKind: "company", role: "bgm_manager", userId: w.managerUserId }, SEED_META);
}

/** Provider staff by provider organization id (see staffOf). */
const staffIds = new Map<string, string>();

function providerScope(tx: Tx, providerOrgId: string) {
  const userId = staffIds.get(providerOrgId);
  if (!userId) throw new Error("demo provider staff missing");
  return makeTenantScope(tx, { orgId: providerOrgId, orgKind: "provider", role: "partner_admin", userId }, SEED_META);
}

/** A member of the provider who did its part; no account row, so the demo cannot sign in as them. */
async function staffOf(db: Database, providerOrgId: string, staff: DemoEngagement["staff"]): Promise<string> {
  const known = staffIds.get(providerOrgId);
  if (known) return known;
  // A later seeding step (e.g. participation demo data added to an existing demo database) finds them.
  const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, staff.email));
  if (existing) {
    staffIds.set(providerOrgId, existing.id);
    return existing.id;
  }
  const id = randomUUID();
  await db.insert(user).values({ id, name: staff.name, email: staff.email, emailVerified: false });
  await db.insert(member).values({ id: randomUUID(), organizationId: providerOrgId, userId: id, role: "partner_admin" });
  staffIds.set(providerOrgId, id);
  return id;
}

/** The rows request → quote → acceptance → start leave behind: the engagement, its accepted quote, timeline and audit. */
export async function engagementInProgress(db: Database, w: ResultSeedWorld, d: DemoEngagement): Promise<string> {
  const providerOrgId = w.providerIds.get(d.provider);
  if (!providerOrgId) throw new Error(`demo provider ${d.provider} is missing`);
  const [offer] = await db
    .select({ id: offering.id })
    .from(offering)
    .where(and(eq(offering.orgId, providerOrgId), eq(offering.title, d.offeringTitle)));
  if (!offer) throw new Error(`demo offering ${d.offeringTitle} is missing`);
  const staffId = await staffOf(db, providerOrgId, d.staff);

  const at = (step: number) => daysAgo(d.requestedDaysAgo - step * 2);
  const steps: { kind: string; from: EngagementStatus | null; to: EngagementStatus; side: "company" | "provider" }[] = [
    { kind: "created", from: null, to: "requested", side: "company" },
    { kind: "send_quote", from: "requested", to: "quoted", side: "provider" },
    { kind: "accept_quote", from: "quoted", to: "accepted", side: "company" },
    { kind: "start", from: "accepted", to: "in_progress", side: "provider" },
  ];

  const ids = await withTenantTx(db, w.companyId, async (tx) => {
    const [row] = await tx
      .insert(engagement)
      .values({
        orgId: w.companyId,
        providerOrgId,
        offeringId: offer.id,
        taskKey: d.taskKey,
        phase: d.phase,
        status: "in_progress",
        brief: d.brief,
        // One version per transition after the request.
        version: steps.length,
        createdBy: w.managerUserId,
        createdAt: at(0),
        lastActivityAt: at(3),
      })
      .returning({ id: engagement.id });
    if (!row) throw new Error("demo engagement insert returned nothing");
    const [q] = await tx
      .insert(quote)
      .values({
        engagementId: row.id,
        orgId: w.companyId,
        providerOrgId,
        priceCents: d.quote.priceCents,
        scopeOfWork: d.quote.scopeOfWork,
        validUntil: isoDate(new Date(at(1).getTime() + 30 * DAY)),
        status: "accepted",
        createdBy: staffId,
        createdAt: at(1),
        decidedAt: at(2),
      })
      .returning({ id: quote.id, validUntil: quote.validUntil });
    if (!q) throw new Error("demo quote insert returned nothing");
    const data: Record<string, Record<string, unknown>> = {
      created: { offeringId: offer.id, taskKey: d.taskKey },
      send_quote: { quoteId: q.id, priceCents: d.quote.priceCents, validUntil: q.validUntil, supersedes: null },
      accept_quote: { quoteId: q.id },
      start: {},
    };
    for (const [i, s] of steps.entries()) {
      await tx.insert(engagementEvent).values({
        engagementId: row.id,
        orgId: w.companyId,
        providerOrgId,
        kind: s.kind,
        fromStatus: s.from,
        toStatus: s.to,
        actorUserId: s.side === "company" ? w.managerUserId : staffId,
        actorSide: s.side,
        message: s.kind === "created" ? d.brief.message : "",
        data: data[s.kind] ?? {},
        at: at(i),
      });
    }
    const audit: Record<string, Record<string, unknown>> = {
      created: { offeringId: offer.id, taskKey: d.taskKey },
      send_quote: { action: "send_quote", quoteId: q.id, supersedes: null },
      accept_quote: { action: "accept_quote", quoteId: q.id },
      start: { action: "start" },
    };
    return { engagementId: row.id, audit };
  });

  // Each side's audit log records its own steps.
  for (const side of ["company", "provider"] as const) {
    await withTenantTx(db, side === "company" ? w.companyId : providerOrgId, async (tx) => {
      const scope = side === "company" ? companyScope(tx, w) : providerScope(tx, providerOrgId);
      for (const s of steps.filter((x) => x.side === side)) {
        await scope.audit({
          action: `engagement.${s.kind}`,
          entityType: "engagement",
          entityId: ids.engagementId,
          details: { from: s.from, to: s.to, ...ids.audit[s.kind] },
        });
      }
    });
  }
  return ids.engagementId;
}

/** The partner uploads (its own transaction), the manager accepts (the company's): the result lands. */
async function deliverAndAccept(db: Database, w: ResultSeedWorld, engagementId: string, providerOrgId: string, d: Delivery) {
  const submitted = await withTenantTx(db, providerOrgId, async (tx) => {
    const { result } = await submitResult(
      {
        scope: providerScope(tx, providerOrgId),
        appUrl: APP_URL,
        storage: noFiles,
        autoAcceptDays: AUTO_ACCEPT_DAYS,
        apiKeyId: null,
      },
      engagementId,
      { outputType: d.outputType, payload: d.payload, note: d.note, files: [] },
    );
    return result;
  });
  await withTenantTx(db, w.companyId, async (tx) => {
    await decide(
      { scope: companyScope(tx, w), appUrl: APP_URL, storage: noFiles, autoAcceptDays: AUTO_ACCEPT_DAYS },
      engagementId,
      submitted.id,
      {
        decision: "accept",
        reason: "",
      },
    );
  });
}

export async function seedResults(db: Database, w: ResultSeedWorld): Promise<void> {
  // Each seeded database gets its own staff users.
  staffIds.clear();
  const ergo = await engagementInProgress(db, w, ERGONOMICS);
  await deliverAndAccept(db, w, ergo, w.providerIds.get(ERGONOMICS.provider) as string, ERGONOMIC_ASSESSMENT);
  const upfit = await engagementInProgress(db, w, NUTRITION);
  for (const period of PARTICIPATION) await deliverAndAccept(db, w, upfit, w.providerIds.get(NUTRITION.provider) as string, period);

  // Petra accepted these herself: the "new result" notices the uploads left for her are read.
  await withTenantTx(db, w.companyId, async (tx) => {
    await tx
      .update(notification)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notification.orgId, w.companyId),
          inArray(notification.link, [`/engagements/${ergo}`, `/engagements/${upfit}`]),
          isNull(notification.readAt),
        ),
      );
  });
}
