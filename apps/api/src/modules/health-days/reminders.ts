import { type Database, healthDayReminder, withTenantTx } from "@bgm/db";
import type { FastifyBaseLogger } from "fastify";
import type { Mail, Mailer } from "../../lib/mailer.js";
import { SYSTEM_USER_ID } from "../../lib/system-user.js";
import { makeTenantScope } from "../../lib/tenant-scope.js";
import { dispatchMails } from "../notifications/index.js";
import {
  type CalendarContext,
  fromBerlin,
  slotPlaceHolderIds,
  slotReminderMails,
  stationSlotsStarting,
  toBerlin,
} from "../participation/index.js";
import * as repo from "./health-days.repository.js";

/**
 * The reminder the day before: everyone holding a place in a slot that starts tomorrow (a calendar day in
 * Germany) gets one mail with the slot's calendar file — once. The claim is a marker row per slot and
 * person (`health_day_reminder`, primary key slot × person) inserted before the mail is composed: a
 * second run, a restart or a second node inserts nothing and so mails nothing, and a node that blocks on
 * the other's uncommitted claim sees it once that commits. Mails go out after each company's commit; a
 * mail server failure after the commit is not retried (the marker says "sent"), like every mail here.
 */

export interface ReminderDeps {
  db: Database;
  mailer: Mailer;
  log: FastifyBaseLogger;
  calendar: CalendarContext;
}

/** Days whose slots are reminded: not cancelled, not over (a day marked done early gets no reminder). */
const REMINDED_DAY_STATUSES = new Set(["registration_open", "live", "preparation", "planning"]);

/** Tomorrow in Germany as [start, end) instants, seen from `now`. */
export function tomorrowInGermany(now: Date): { from: Date; to: Date } {
  const today = toBerlin(now);
  const midnight = (days: number) => {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
    return fromBerlin({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0, second: 0 });
  };
  return { from: midnight(1), to: midnight(2) };
}

export async function runHealthDayReminders(
  deps: ReminderDeps,
  now = new Date(),
): Promise<{ slots: number; reminded: number; failed: number }> {
  const { from, to } = tomorrowInGermany(now);
  const due = await stationSlotsStarting(deps.db, from, to);
  const byOrg = new Map<string, typeof due>();
  for (const s of due) byOrg.set(s.orgId, [...(byOrg.get(s.orgId) ?? []), s]);
  let reminded = 0;
  let failed = 0;
  for (const [orgId, slots] of byOrg) {
    try {
      const mails = await withTenantTx(deps.db, orgId, async (tx): Promise<Mail[]> => {
        const scope = makeTenantScope(
          tx,
          { orgId, orgKind: "company", role: "bgm_manager", userId: SYSTEM_USER_ID },
          { ip: null, userAgent: "health-day-reminder-job", requestId: null },
        );
        const parents = new Map(
          (
            await repo.slotParents(
              scope,
              slots.map((s) => s.healthDayModuleId),
            )
          ).map((p) => [p.moduleId, p]),
        );
        const out: Mail[] = [];
        for (const slot of slots) {
          const parent = parents.get(slot.healthDayModuleId);
          if (!parent || !REMINDED_DAY_STATUSES.has(parent.dayStatus)) continue;
          const holders = await slotPlaceHolderIds(scope, slot.id);
          if (holders.length === 0) continue;
          const claimed = await tx
            .insert(healthDayReminder)
            .values(holders.map((employeeId) => ({ orgId, sessionId: slot.id, employeeId, sentAt: now })))
            .onConflictDoNothing()
            .returning({ employeeId: healthDayReminder.employeeId });
          if (claimed.length === 0) continue;
          const mails = await slotReminderMails(
            { scope, calendar: deps.calendar },
            slot.id,
            claimed.map((c) => c.employeeId),
          );
          await scope.audit({
            action: "health_days.reminders_sent",
            entityType: "health_day",
            entityId: parent.healthDayId,
            details: { moduleId: slot.healthDayModuleId, sessionId: slot.id, reminded: mails.length },
          });
          out.push(...mails);
        }
        return out;
      });
      reminded += mails.length;
      void dispatchMails(deps.mailer, deps.log, mails);
    } catch (err) {
      failed += 1;
      deps.log.error({ err: { message: (err as Error).message }, orgId }, "health-day reminders could not be processed");
    }
  }
  if (reminded > 0 || failed > 0) deps.log.info({ slots: due.length, reminded, failed }, "health-day reminders processed");
  return { slots: due.length, reminded, failed };
}
