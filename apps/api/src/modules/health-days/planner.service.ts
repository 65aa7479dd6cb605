import { type Database, withTenantTx } from "@bgm/db";
import {
  type AddHealthDayModule,
  type AddHealthDaySlots,
  FULL_SERVICE_CATEGORY,
  type HealthDay,
  type HealthDayConsolidatedReport,
  type ModuleApprovalDecision,
  PLANNER_ACTIVE_STATUSES,
  PLANNER_READ_STATUSES,
  type PlannerHealthDay,
  type SetHealthDayPlanner,
} from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import type { Mail } from "../../lib/mailer.js";
import type { TenantScope } from "../../lib/request-context.js";
import { makeTenantScope, type ScopeMeta } from "../../lib/tenant-scope.js";
import { type EngagementWithParties, findEngagementWithParties, readProviderEngagementsWithParties } from "../engagements/index.js";
import { notifyOrg } from "../notifications/index.js";
import { cancelStationSlots, listStationSlots } from "../participation/index.js";
import { consolidate } from "./consolidated-report.js";
import { buildHealthDay, toSummary } from "./health-day.view.js";
import type { HealthDayWithNames } from "./health-days.repository.js";
import * as repo from "./health-days.repository.js";
import { type Acting, addModule, addSlots, loadHealthDay, lockHealthDay, type Outcome } from "./health-days.service.js";
import { healthDayReport } from "./report.service.js";
import { requireEditable } from "./transitions.js";

/**
 * Full-service mode (issue 13, 4.5). The company books a full-service offering (a health insurer such as
 * Gesundheitskasse Nord) and hands the day to that booking. The planner then adds stations and books their
 * providers in the company's name, and the company approves the plan and budget once, or station by station
 * above a limit it sets.
 *
 * The day stays the company's (its tables admit only the company, ADR 0014). The planner reaches it as a
 * partner reads a company's aggregates (ADR 0013): in its own tenant it finds its engagement, which names
 * the company; then one transaction in the company's tenant re-reads that engagement (a booking cancelled
 * in between ends access at once) and acts through the same use cases as the manager, every audit entry
 * marked with the planner. What the planner reads leaves out the company's people: no responsible person,
 * per slot only headcounts.
 */

// ---- the company's side ------------------------------------------------------------------------

export async function setPlanner(a: Acting, id: string, input: SetHealthDayPlanner): Promise<Outcome<HealthDay>> {
  const { scope } = a;
  const row = await lockHealthDay(scope, id);
  requireEditable(row.status);
  if (row.mode !== "full_service") {
    throw new AppError("not_full_service", "Only a full-service health day is planned by a planner", { mode: row.mode }, 409);
  }
  const e = await findEngagementWithParties(scope.tx, { orgId: scope.orgId, side: "company" }, input.engagementId, { lock: "share" });
  if (!e || e.offeringCategory !== FULL_SERVICE_CATEGORY) {
    throw AppError.unprocessable("Choose an engagement of the company for a full-service health day", { field: "engagementId" });
  }
  if (!PLANNER_ACTIVE_STATUSES.includes(e.status)) {
    throw new AppError("engagement_not_active", "The full-service booking is not accepted (or has ended)", { status: e.status }, 409);
  }
  const other = await repo.findHealthDayOfPlanner(scope, e.id);
  if (other && other.id !== id) {
    throw new AppError("planner_engagement_in_use", "This booking already plans another health day", { healthDayId: other.id }, 409);
  }
  const changedPlanner = row.plannerEngagementId !== e.id;
  await repo.updateHealthDay(scope, id, { plannerEngagementId: e.id, approvalLimitCents: input.approvalLimitCents });
  await scope.audit({
    action: "health_days.planner_set",
    entityType: "health_day",
    entityId: id,
    details: { engagementId: e.id, plannerOrgId: e.providerOrgId, approvalLimitCents: input.approvalLimitCents },
  });
  const mails: Mail[] = changedPlanner
    ? await notifyOrg(scope.tx, {
        orgId: e.providerOrgId,
        orgKind: "provider",
        kind: "health_day.planner_set",
        title: `${e.companyName}: Gesundheitstag „${row.title}“ zur Planung übergeben`,
        body: `${e.companyName} hat Ihnen den Gesundheitstag am ${row.startsOn} übergeben. Sie können Stationen und Zeitfenster planen.`,
        link: `/planner/health-days/${e.id}`,
        mail: {
          subject: `Gesundheitstag „${row.title}“ zur Planung übergeben`,
          text: `${e.companyName} hat Ihnen den Gesundheitstag „${row.title}“ am ${row.startsOn} zur Planung übergeben.\n\n${a.appUrl}/planner/health-days/${e.id}`,
        },
      })
    : [];
  return { result: await loadHealthDay(scope, id), mails };
}

/** Approves or rejects one station the planner added; a rejected station's slots are called off. */
export async function decideModule(a: Acting, id: string, moduleId: string, input: ModuleApprovalDecision): Promise<Outcome<HealthDay>> {
  const { scope } = a;
  const row = await lockHealthDay(scope, id);
  requireEditable(row.status);
  const station = await repo.findModule(scope, id, moduleId);
  if (!station) throw AppError.notFound("Health day module");
  if (station.approval !== "pending") {
    throw new AppError("approval_not_pending", "This station awaits no approval", { approval: station.approval }, 409);
  }
  const approval = input.decision === "approve" ? "approved" : "rejected";
  await repo.setModuleApproval(scope, [moduleId], approval, { userId: scope.userId, at: new Date() });
  let mails: Mail[] = [];
  if (approval === "rejected") {
    const slots = await listStationSlots(scope, [moduleId]);
    const out = await cancelStationSlots(
      { scope, calendar: a.calendar },
      slots.filter((s) => s.status === "scheduled").map((s) => s.id),
    );
    mails = out.mails;
  }
  await repo.updateHealthDay(scope, id, {});
  await scope.audit({
    action: approval === "approved" ? "health_days.module_approved" : "health_days.module_rejected",
    entityType: "health_day",
    entityId: id,
    details: { moduleId, costCents: station.costCents },
  });
  mails = mails.concat(
    await tellPlanner(scope, row, a.appUrl, `${station.title}: ${approval === "approved" ? "freigegeben" : "abgelehnt"}`, input.message),
  );
  return { result: await loadHealthDay(scope, id), mails };
}

/** Approves the planner's plan and budget as they stand: every station still pending, at once. */
export async function approvePlan(a: Acting, id: string): Promise<Outcome<HealthDay>> {
  const { scope } = a;
  const row = await lockHealthDay(scope, id);
  requireEditable(row.status);
  if (!row.plannerEngagementId) {
    throw new AppError("no_planner", "The day has no planner whose plan could be approved", {}, 409);
  }
  const pending = (await repo.listModules(scope, [id])).filter((m) => m.approval === "pending");
  const now = new Date();
  await repo.setModuleApproval(
    scope,
    pending.map((m) => m.id),
    "approved",
    { userId: scope.userId, at: now },
  );
  await repo.updateHealthDay(scope, id, { planApprovedAt: now, planApprovedBy: scope.userId });
  await scope.audit({
    action: "health_days.plan_approved",
    entityType: "health_day",
    entityId: id,
    details: { moduleIds: pending.map((m) => m.id), plannedCents: pending.reduce((sum, m) => sum + m.costCents, 0) },
  });
  const mails = await tellPlanner(scope, row, a.appUrl, "Plan und Budget freigegeben", "");
  return { result: await loadHealthDay(scope, id), mails };
}

async function tellPlanner(scope: TenantScope, row: HealthDayWithNames, appUrl: string, what: string, message: string): Promise<Mail[]> {
  if (!row.plannerEngagementId) return [];
  const e = await findEngagementWithParties(scope.tx, { orgId: scope.orgId, side: "company" }, row.plannerEngagementId);
  if (!e) return [];
  const link = `/planner/health-days/${e.id}`;
  return notifyOrg(scope.tx, {
    orgId: e.providerOrgId,
    orgKind: "provider",
    kind: "health_day.approval",
    title: `Gesundheitstag „${row.title}“: ${what}`,
    body: message || `${e.companyName} hat entschieden: ${what}.`,
    link,
    mail: { subject: `Gesundheitstag „${row.title}“: ${what}`, text: `${message ? `${message}\n\n` : ""}${appUrl}${link}` },
  });
}

// ---- the planner's side ------------------------------------------------------------------------

export interface PlannerCaller {
  orgId: string;
  userId: string;
  meta: ScopeMeta;
}

type Need = "read" | "edit";

/**
 * Runs `fn` in the company's tenant for the planner of `engagementId`: 404 for an engagement that is not
 * this planner's, not a full-service booking, not (or no longer) running, or to which no day was handed;
 * 409 for a change once the booking is delivered or completed (reading stays possible).
 */
async function asPlanner<T>(
  db: Database,
  c: PlannerCaller,
  engagementId: string,
  need: Need,
  fn: (scope: TenantScope, row: HealthDayWithNames, e: EngagementWithParties) => Promise<T>,
): Promise<T> {
  const notFound = () => AppError.notFound("Health day");
  const found = await withTenantTx(db, c.orgId, (tx) => findEngagementWithParties(tx, { orgId: c.orgId, side: "provider" }, engagementId));
  if (!found || found.offeringCategory !== FULL_SERVICE_CATEGORY) throw notFound();
  const companyId = found.orgId;
  return withTenantTx(db, companyId, async (tx) => {
    const base = makeTenantScope(tx, { orgId: companyId, orgKind: "company", role: "bgm_manager", userId: c.userId }, c.meta);
    const scope: TenantScope = {
      ...base,
      audit: (entry) => base.audit({ ...entry, details: { ...entry.details, plannerOrgId: c.orgId, plannerEngagementId: engagementId } }),
    };
    const e = await findEngagementWithParties(
      tx,
      { orgId: companyId, side: "company" },
      engagementId,
      need === "edit" ? { lock: "share" } : {},
    );
    if (!e || !PLANNER_READ_STATUSES.includes(e.status)) throw notFound();
    if (need === "edit" && !PLANNER_ACTIVE_STATUSES.includes(e.status)) {
      throw new AppError(
        "engagement_not_active",
        "The full-service booking has ended: the plan can no longer be changed",
        { status: e.status },
        409,
      );
    }
    const row = await repo.findHealthDayOfPlanner(scope, engagementId);
    if (!row)
      throw new AppError("not_found", "The company has not handed a health day to this booking yet", { reason: "no_health_day" }, 404);
    return fn(scope, row, e);
  });
}

/** The day without the company's people: no responsible person, per slot only headcounts. */
export function toPlannerView(day: HealthDay, companyName: string, canEdit: boolean): PlannerHealthDay {
  const { responsibleUserId: _r, responsibleName: _n, allowedActions: _a, modules, ...rest } = day;
  return {
    ...rest,
    companyName,
    canEdit,
    modules: modules.map((m) => ({
      ...m,
      slots: m.slots.map((s) => ({ ...s, counts: { registered: s.counts.registered, waitlisted: s.counts.waitlisted } })),
    })),
  };
}

const canEdit = (row: HealthDayWithNames, e: EngagementWithParties) =>
  PLANNER_ACTIVE_STATUSES.includes(e.status) && row.status !== "done" && row.status !== "cancelled";

export async function readPlannedDay(db: Database, c: PlannerCaller, engagementId: string): Promise<PlannerHealthDay> {
  return asPlanner(db, c, engagementId, "read", async (scope, row, e) =>
    toPlannerView(await buildHealthDay(scope, row), e.companyName, canEdit(row, e)),
  );
}

/** The planner's bookings that plan a day (or will, once the company hands one over), latest day first. */
export async function listPlannedDays(db: Database, c: PlannerCaller) {
  const bookings = (await withTenantTx(db, c.orgId, (tx) => readProviderEngagementsWithParties(tx, c.orgId, PLANNER_READ_STATUSES))).filter(
    (e) => e.offeringCategory === FULL_SERVICE_CATEGORY,
  );
  const byCompany = new Map<string, EngagementWithParties[]>();
  for (const e of bookings) byCompany.set(e.orgId, [...(byCompany.get(e.orgId) ?? []), e]);
  const items = [];
  for (const [companyId, own] of byCompany) {
    // One short transaction per company: the days are each company's own rows.
    const days = await withTenantTx(db, companyId, (tx) =>
      repo.listHealthDaysOfPlanner(
        { tx, orgId: companyId },
        own.map((e) => e.id),
      ),
    );
    for (const e of own) {
      const day = days.find((d) => d.plannerEngagementId === e.id);
      let healthDay = null;
      if (day) {
        const { responsibleUserId: _r, responsibleName: _n, ...summary } = toSummary(day);
        healthDay = summary;
      }
      items.push({ engagementId: e.id, companyName: e.companyName, engagementStatus: e.status, healthDay });
    }
  }
  items.sort((x, y) => (y.healthDay?.startsOn ?? "9999").localeCompare(x.healthDay?.startsOn ?? "9999"));
  return { items, nextCursor: null };
}

export async function plannerAddModule(
  db: Database,
  c: PlannerCaller,
  ctx: Omit<Acting, "scope">,
  engagementId: string,
  input: AddHealthDayModule,
): Promise<Outcome<PlannerHealthDay>> {
  return asPlanner(db, c, engagementId, "edit", async (scope, row, e) => {
    const before = new Set((await repo.listModules(scope, [row.id])).map((m) => m.id));
    const out = await addModule({ ...ctx, scope }, row.id, input, { orgId: c.orgId });
    const added = out.result.modules.find((m) => !before.has(m.id) && m.approval === "pending");
    const mails = added
      ? await notifyOrg(scope.tx, {
          orgId: scope.orgId,
          orgKind: "company",
          kind: "health_day.approval_requested",
          title: `${e.providerName} schlägt „${added.title}“ für „${row.title}“ vor`,
          body: "Die Station wartet auf Ihre Freigabe.",
          link: `/health-days/${row.id}`,
          mail: {
            subject: `Freigabe erbeten: „${added.title}“ für „${row.title}“`,
            text: `${e.providerName} hat die Station „${added.title}“ für Ihren Gesundheitstag „${row.title}“ gebucht. Sie wartet auf Ihre Freigabe.\n\n${ctx.appUrl}/health-days/${row.id}`,
          },
        })
      : [];
    return { result: toPlannerView(out.result, e.companyName, true), mails: [...out.mails, ...mails] };
  });
}

export async function plannerAddSlots(
  db: Database,
  c: PlannerCaller,
  engagementId: string,
  moduleId: string,
  input: AddHealthDaySlots,
): Promise<PlannerHealthDay> {
  return asPlanner(db, c, engagementId, "edit", async (scope, row, e) =>
    toPlannerView(await addSlots(scope, row.id, moduleId, input), e.companyName, true),
  );
}

/** The consolidated report the planner hands back to the company (consolidated-report.ts); the PDF download is audited. */
export async function plannerReport(
  db: Database,
  c: PlannerCaller,
  engagementId: string,
  opts: { exported?: "pdf" } = {},
  now = new Date(),
): Promise<HealthDayConsolidatedReport> {
  return asPlanner(db, c, engagementId, "read", async (scope, row, e) => {
    const report = consolidate(await healthDayReport(scope, row.id, now), {
      engagementId,
      companyName: e.companyName,
      plannerName: e.providerName,
    });
    if (opts.exported) {
      await scope.audit({
        action: "health_days.consolidated_report_exported",
        entityType: "health_day",
        entityId: row.id,
        details: { format: opts.exported },
      });
    }
    return report;
  });
}
