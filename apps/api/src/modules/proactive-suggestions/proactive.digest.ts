import { type Database, withTenantTx } from "@bgm/db";
import { PROACTIVE_DIGEST_INTERVAL_MS, PROACTIVE_TOPIC_LABELS, type ProactiveTopic } from "@bgm/domain";
import type { FastifyBaseLogger } from "fastify";
import type { Mail, Mailer } from "../../lib/mailer.js";
import { findFilteredCandidates } from "../marketplace/index.js";
import { RECOMMENDED_MAX_CANDIDATES } from "../matching/index.js";
import { dispatchMails } from "../notifications/index.js";
import * as repo from "./proactive.repository.js";
import { PROACTIVE_PANEL_LINK } from "./proactive.run.js";

/** The queue of the recurring digest job; one open row for all API processes. */
export const PROACTIVE_DIGEST_QUEUE = "proactive-suggestions.digest";
/** How often the job looks for due digests; each manager still gets at most one a week. */
export const DIGEST_JOB_INTERVAL_MS = 60 * 60 * 1000;
/** At most this many managers per run; the rest are due on the next run. */
const DIGEST_MAX = 500;

export interface DigestDeps {
  db: Database;
  mailer: Mailer;
  log: FastifyBaseLogger;
  appUrl: string;
}

interface DigestItem {
  title: string;
  providerName: string;
  topic: string;
  reasons: { text: { de: string } }[];
}

/**
 * The digest's text: the week's new suggestions, each with its partner, what set it off and its reasons.
 * Only catalogue data and the company's own aggregates, as in the matching's reasons: no person's data.
 */
export function digestMail(to: string, items: readonly DigestItem[], appUrl: string): Mail {
  const lines = items.flatMap((i) => [
    `• ${i.title} (${i.providerName}) – Anlass: ${PROACTIVE_TOPIC_LABELS[i.topic as ProactiveTopic]?.de ?? i.topic}`,
    ...i.reasons.map((r) => `    ${r.text.de}`),
  ]);
  return {
    to,
    subject: `BGM Hub: ${items.length} neue Partnervorschläge dieser Woche`,
    text: [
      "Guten Tag,",
      "",
      "diese Partner passen zu den Schwerpunkten Ihres Unternehmens, die diese Woche neu dazugekommen sind:",
      "",
      ...lines,
      "",
      `Alle Vorschläge ansehen oder ausblenden: ${appUrl}${PROACTIVE_PANEL_LINK}`,
      "",
      "Sie erhalten diese E-Mail, weil Sie die wöchentliche Zusammenfassung eingeschaltet haben; dort können Sie sie auch wieder abschalten.",
    ].join("\n"),
  };
}

/**
 * Sends the weekly digests that are due: for each manager who opted in and had none for seven days, the
 * company's open suggestions made since the last run (at most the last seven days), one mail, nothing if
 * nothing is new. Each manager's run is claimed in their company's transaction (compare and set), so a job
 * that runs twice, or on two servers, sends one mail; mails go out after the commit.
 */
export async function runDigests(deps: DigestDeps, now = new Date()): Promise<{ sent: number; checked: number }> {
  const before = new Date(now.getTime() - PROACTIVE_DIGEST_INTERVAL_MS);
  const due = await repo.dueDigests(deps.db, before, DIGEST_MAX);
  const mails: Mail[] = [];
  for (const d of due) {
    try {
      const mail = await withTenantTx(deps.db, d.orgId, async (tx): Promise<Mail | null> => {
        const scope = { tx, orgId: d.orgId };
        const claim = await repo.claimDigest(scope, d.userId, before, now);
        if (!claim) return null;
        const since = claim.previous && claim.previous > before ? claim.previous : before;
        const rows = await repo.listOpen(scope, since);
        if (rows.length === 0) return null;
        const views = new Map(
          (await findFilteredCandidates(scope, { q: null, limit: RECOMMENDED_MAX_CANDIDATES })).map((c) => [c.id, c.view]),
        );
        const items = rows.flatMap((r) => {
          const v = views.get(r.offeringId);
          return v ? [{ title: v.title, providerName: v.providerName, topic: r.topic, reasons: r.reasons }] : [];
        });
        return items.length > 0 ? digestMail(d.email, items, deps.appUrl) : null;
      });
      if (mail) mails.push(mail);
    } catch (err) {
      // One company's failure must not stop the others; logged without the address.
      deps.log.warn({ err: (err as Error).message }, "proactive digest failed for one manager");
    }
  }
  await dispatchMails(deps.mailer, deps.log, mails);
  return { sent: mails.length, checked: due.length };
}
