import { type Database, withTenantTx } from "@bgm/db";
import { BUDDY_CONVERSATION_RETENTION_DAYS } from "@bgm/domain";
import type { FastifyPluginAsync } from "fastify";
import { enqueue } from "../../lib/jobs.js";
import { SYSTEM_USER_ID } from "../../lib/system-user.js";
import { makeTenantScope } from "../../lib/tenant-scope.js";
import * as repo from "./conversations.repository.js";

/** The queue of the daily retention job; one open row for all API processes. */
export const BUDDY_RETENTION_QUEUE = "matching.buddy-retention";
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Storage limitation (ADR 0023): deletes every conversation without a new question for `days` days, in each
 * company's own tenant transaction (RLS applies as for a request), and audits per company how many went —
 * never which or what was asked. Running twice, or on two servers at once, deletes nothing twice.
 * Returns the number of conversations deleted.
 */
export async function deleteExpiredConversations(db: Database, now: Date, days = BUDDY_CONVERSATION_RETENTION_DAYS): Promise<number> {
  const before = new Date(now.getTime() - days * DAY_MS);
  let deleted = 0;
  for (const orgId of await repo.orgsWithConversationsBefore(db, before)) {
    deleted += await withTenantTx(db, orgId, async (tx) => {
      const n = await repo.deleteConversationsBefore(tx, orgId, before);
      if (n === 0) return 0;
      const scope = makeTenantScope(
        tx,
        { orgId, orgKind: "company", role: "bgm_manager", userId: SYSTEM_USER_ID },
        { ip: null, userAgent: "buddy-retention-job", requestId: null },
      );
      await scope.audit({
        action: "buddy.conversations_expired",
        entityType: "buddy_conversation",
        details: { count: n, retentionDays: days },
      });
      return n;
    });
  }
  return deleted;
}

/**
 * The recurring retention job on the job queue (ADR 0020): daily, one row for every process on the database,
 * added when a server is ready. Tests run due jobs themselves.
 */
export const buddyRetentionJob: FastifyPluginAsync = async (app) => {
  app.jobs.register(BUDDY_RETENTION_QUEUE, async ({ now }) => void (await deleteExpiredConversations(app.db, now)), {
    repeatEveryMs: DAY_MS,
  });
  app.addHook("onReady", async () => {
    if (app.config.env === "test") return;
    await enqueue(app.db, BUDDY_RETENTION_QUEUE, {}, { singletonKey: "recurring", runAt: new Date(Date.now() + 60_000) });
  });
};
