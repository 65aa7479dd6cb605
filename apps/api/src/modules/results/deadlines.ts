import { type Database, withTenantTx } from "@bgm/db";
import { outputType } from "@bgm/domain";
import type { FastifyBaseLogger } from "fastify";
import type { FileStorage } from "../../lib/file-storage/index.js";
import type { Mail, Mailer } from "../../lib/mailer.js";
import { SYSTEM_USER_ID } from "../../lib/system-user.js";
import { makeTenantScope } from "../../lib/tenant-scope.js";
import { readEngagementsWithParties } from "../engagements/index.js";
import { dispatchMails, notifyOrg } from "../notifications/index.js";
import { findResultEngagement } from "./engagement-view.js";
import * as repo from "./results.repository.js";
import { autoAccept, CALLED_OFF } from "./results.service.js";

const DAY = 24 * 60 * 60 * 1000;
/** At most this many results per run; the rest waits for the next run. */
const DUE_MAX = 500;

export { SYSTEM_USER_ID };

export interface DeadlineDeps {
  db: Database;
  mailer: Mailer;
  log: FastifyBaseLogger;
  storage: FileStorage;
  appUrl: string;
  reminderDays: number;
  autoAcceptDays: number;
}

/**
 * The overdue results of engagements still running, oldest first, at most DUE_MAX. Called-off
 * engagements get no reminders and no automatic acceptance; their state is the engagements module's,
 * so the overdue list is read page by page and each page's engagements asked for theirs (as the
 * owner, across companies, like the list itself).
 */
async function dueResults(db: DeadlineDeps["db"], remindBefore: Date, acceptBefore: Date): Promise<repo.OverdueRow[]> {
  const due: repo.OverdueRow[] = [];
  let after: readonly [string, string] | undefined;
  while (due.length < DUE_MAX) {
    const page = await repo.listOverdue(db, remindBefore, acceptBefore, { after, limit: DUE_MAX });
    const engagements = await readEngagementsWithParties(
      db,
      "owner",
      page.map((r) => r.engagementId),
    );
    const running = new Set(engagements.filter((e) => !CALLED_OFF.includes(e.status)).map((e) => e.id));
    due.push(...page.filter((r) => running.has(r.engagementId)));
    const last = page.at(-1);
    if (!last || page.length < DUE_MAX) break;
    after = repo.overdueKey(last);
  }
  return due.slice(0, DUE_MAX);
}

/**
 * The deadlines of deliveries nobody answered: the company's managers are reminded once after
 * `reminderDays`, and the result is accepted (and lands) after `autoAcceptDays`. Each result is
 * handled in its company's own transaction, so one failure does not hold up the others; mails go
 * out after each commit. Safe to run concurrently: the work is re-checked under the row lock.
 */
export async function runResultDeadlines(
  deps: DeadlineDeps,
  now = new Date(),
): Promise<{ reminded: number; accepted: number; failed: number }> {
  const remindBefore = new Date(now.getTime() - deps.reminderDays * DAY);
  const acceptBefore = new Date(now.getTime() - deps.autoAcceptDays * DAY);
  const due = await dueResults(deps.db, remindBefore, acceptBefore);
  let reminded = 0;
  let accepted = 0;
  let failed = 0;
  for (const item of due) {
    try {
      const mails = await withTenantTx(deps.db, item.orgId, async (tx): Promise<Mail[]> => {
        const scope = makeTenantScope(
          tx,
          { orgId: item.orgId, orgKind: "company", role: "bgm_manager", userId: SYSTEM_USER_ID },
          { ip: null, userAgent: "result-deadline-job", requestId: null },
        );
        if (item.submittedAt < acceptBefore) {
          const sent = await autoAccept(
            { scope, appUrl: deps.appUrl, storage: deps.storage, autoAcceptDays: deps.autoAcceptDays },
            item.engagementId,
            item.id,
          );
          accepted += 1;
          return sent;
        }
        const row = await repo.lockResult(scope, item.engagementId, item.id);
        if (row?.status !== "submitted" || row.remindedAt) return [];
        const e = await findResultEngagement(scope, item.engagementId);
        if (!e) return [];
        await repo.updateResult(scope, row.id, { remindedAt: now });
        await scope.audit({
          action: "result.reminder_sent",
          entityType: "partner_result",
          entityId: row.id,
          details: { engagementId: e.id },
        });
        const label = `${outputType(row.outputType)?.label.de ?? row.outputType} (Version ${row.version})`;
        const deadline = new Date(row.submittedAt.getTime() + deps.autoAcceptDays * DAY).toLocaleDateString("de-DE", {
          timeZone: "Europe/Berlin",
        });
        const path = `/engagements/${e.id}`;
        const body = `${e.providerName} hat „${label}“ zu „${e.offeringTitle}“ geliefert. Bitte nehmen Sie es an oder fordern Sie Änderungen an; ohne Antwort wird es am ${deadline} automatisch angenommen.`;
        reminded += 1;
        return notifyOrg(tx, {
          orgId: e.orgId,
          orgKind: "company",
          kind: "engagement.result_reminder",
          title: "Ergebnis wartet auf Ihre Prüfung",
          body,
          link: path,
          mail: {
            subject: `BGM Hub: Ergebnis wartet auf Ihre Prüfung – ${e.offeringTitle}`,
            text: `Guten Tag,\n\n${body}\n\nZum Auftrag: ${deps.appUrl.replace(/\/+$/, "")}${path}\n\nIhr BGM Hub\n(Diese E-Mail wurde automatisch versendet.)\n`,
          },
        });
      });
      void dispatchMails(deps.mailer, deps.log, mails);
    } catch (err) {
      failed += 1;
      deps.log.error({ err: { message: (err as Error).message }, resultId: item.id }, "result deadline could not be processed");
    }
  }
  if (due.length > 0) deps.log.info({ reminded, accepted, failed }, "result deadlines processed");
  return { reminded, accepted, failed };
}
