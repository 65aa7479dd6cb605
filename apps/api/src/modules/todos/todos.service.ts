import { sortTodos, type TodoItem, type TodoList } from "@bgm/domain";
import type { TenantScope } from "../../lib/request-context.js";
import { tasksDueBy } from "../bgm-process/index.js";
import { grantsExpiringBefore } from "../data-grants/index.js";
import { companyEngagementTodos, readEngagementsWithParties } from "../engagements/index.js";
import { healthDaysAwaitingApproval } from "../health-days/index.js";
import { sessionsWithOpenAttendance } from "../participation/index.js";
import { oldestPendingResults } from "../results/index.js";

const DAY = 24 * 60 * 60 * 1000;
/** Grants ending within this many days are listed, so the manager can extend them in time. */
export const GRANT_WARNING_DAYS = 14;
/** Tasks due within this many days (and overdue ones) are listed. */
export const TASK_WARNING_DAYS = 7;

const berlinDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" });
/** The calendar date in Germany, where due dates are meant. */
const berlin = (d: Date) => berlinDate.format(d);

export interface TodoContext {
  now: Date;
  autoAcceptDays: number;
}

/**
 * Every source is read in the caller's tenant transaction, one after the other (a transaction's
 * queries share one connection). Titles name offerings, tasks (by key), health days and interventions,
 * never a person.
 */
export async function listTodos(scope: TenantScope, ctx: TodoContext): Promise<TodoList> {
  const { tx, orgId } = scope;
  const items: TodoItem[] = [];

  const engagements = await companyEngagementTodos(tx, orgId);
  for (const q of engagements.quotes) {
    items.push({ kind: "quote_to_answer", title: q.title, count: 1, dueDate: q.validUntil, link: `/engagements/${q.engagementId}` });
  }
  const submitted = engagements.pendingResults.length > 0 ? await oldestPendingResults(tx, orgId) : new Map<string, Date>();
  for (const r of engagements.pendingResults) {
    const since = submitted.get(r.engagementId);
    items.push({
      kind: "result_to_review",
      title: r.title,
      count: r.count,
      // The day the oldest result is accepted automatically unless the manager answers.
      dueDate: since ? berlin(new Date(since.getTime() + ctx.autoAcceptDays * DAY)) : null,
      link: `/engagements/${r.engagementId}`,
    });
  }

  const grants = await grantsExpiringBefore(tx, orgId, ctx.now, new Date(ctx.now.getTime() + GRANT_WARNING_DAYS * DAY));
  if (grants.length > 0) {
    const titles = new Map(
      (
        await readEngagementsWithParties(
          tx,
          { orgId, side: "company" },
          grants.map((g) => g.engagementId),
        )
      ).map((e) => [e.id, e.offeringTitle]),
    );
    for (const g of grants) {
      items.push({
        kind: "grant_expiring",
        title: titles.get(g.engagementId) ?? null,
        count: g.count,
        dueDate: berlin(g.firstExpiresAt),
        link: `/engagements/${g.engagementId}`,
      });
    }
  }

  for (const t of await tasksDueBy(scope, berlin(new Date(ctx.now.getTime() + TASK_WARNING_DAYS * DAY)))) {
    items.push({ kind: "task_due", title: t.key, count: 1, dueDate: t.dueDate, link: `/tasks/${t.key}` });
  }

  for (const d of await healthDaysAwaitingApproval(tx, orgId)) {
    items.push({ kind: "health_day_approval", title: d.title, count: d.count, dueDate: d.startsOn, link: `/health-days/${d.healthDayId}` });
  }

  for (const s of await sessionsWithOpenAttendance(tx, orgId, ctx.now)) {
    items.push({
      kind: "attendance_open",
      title: s.title,
      count: s.open,
      dueDate: berlin(s.startsAt),
      link: `/interventions/${s.interventionId}/sessions/${s.sessionId}/attendance`,
    });
  }

  return { items: sortTodos(items), nextCursor: null };
}
