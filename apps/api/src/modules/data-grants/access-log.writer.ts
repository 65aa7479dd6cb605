import { type Database, tenantSettings, withTenantTx } from "@bgm/db";
import { type AccessLogInsert, appendAccessLogBatch } from "./access-log.repository.js";

export type AccessLogEntry = Omit<AccessLogInsert, "id" | "at">;

/**
 * Writes the access-log entries of partner reads, many reads to one transaction, and settles each read's
 * promise only once its entry is committed: a read awaits it before it answers, so no figure leaves the server
 * without its durable entry (ADR 0013), and a read whose entry cannot be written answers an error instead.
 *
 * Why not the read's own transaction: a transaction that writes ends with a WAL flush, and at 50 concurrent
 * partner reads the entries' inserts and flushes were half of PostgreSQL's work per read (issue 12: 658 µs of
 * PostgreSQL per read with the entry in the read's statement, 320 µs without). Here the reads are read-only
 * and the entries that arrive while one batch is being written go together in the next: one flush for all
 * of them (group commit). A lone read waits for one small transaction, as before for its own commit.
 *
 * One batch is written at a time. Entries of several companies go into one transaction, each company's rows
 * under its own tenant settings (row-level security holds for every row), at most MAX_BATCH of them. If a batch
 * fails because of one entry's values, each of its entries is retried alone, so a bad entry fails only its own
 * read (isEntryError); any other failure fails the batch's reads.
 */
export interface AccessLogWriter {
  /** Resolves when the entry is committed; rejects when it cannot be written. */
  append(entry: AccessLogEntry): Promise<void>;
  /** Resolves when everything appended so far is settled (server shutdown). */
  drain(): Promise<void>;
}

interface Pending {
  entry: AccessLogEntry;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Entries per transaction at most: a backlog after a stall is written in several transactions of bounded size
 * rather than as one.
 */
export const MAX_BATCH = 1000;

export function createAccessLogWriter(db: Database): AccessLogWriter {
  const queue: Pending[] = [];
  let writing: Promise<void> | null = null;

  const run = async () => {
    try {
      // Entries appended in the same turn of the event loop (answers that arrived together) join this batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (queue.length > 0) await settle(db, queue.splice(0, MAX_BATCH));
    } finally {
      writing = null;
    }
  };

  return {
    append(entry) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ entry, resolve, reject });
        writing ??= run();
      });
    },
    async drain() {
      while (writing) await writing;
    },
  };
}

/**
 * Whether a batch failed because of what one of its entries holds (a value the column refuses, a constraint, the
 * row-level security policy): then the entries are retried alone. Anything else (the database unreachable, a
 * connection lost, perhaps after the commit) fails the whole batch at once: retrying entry by entry would keep
 * reads waiting for as many timeouts as there are entries, and could write an entry twice.
 */
function isEntryError(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^(22|23)|^42501$/.test(code)) return true;
  }
  return false;
}

async function settle(db: Database, batch: Pending[]) {
  try {
    await insertEntries(db, batch);
    for (const p of batch) p.resolve();
  } catch (err) {
    if (batch.length === 1 || !isEntryError(err)) {
      for (const p of batch) p.reject(err);
      return;
    }
    for (const p of batch) {
      try {
        await insertEntries(db, [p]);
        p.resolve();
      } catch (one) {
        p.reject(one);
      }
    }
  }
}

/**
 * One transaction: per tenant, its settings and one multi-row insert of its entries. The tenant is the company
 * whose data was asked for, or the provider when the request named no company (the table's insert policy admits
 * either, nothing else).
 */
async function insertEntries(db: Database, batch: Pending[]) {
  const byTenant = new Map<string, AccessLogEntry[]>();
  for (const { entry } of batch) {
    const tenant = entry.orgId ?? entry.providerOrgId;
    const list = byTenant.get(tenant);
    if (list) list.push(entry);
    else byTenant.set(tenant, [entry]);
  }
  const [first] = byTenant.keys();
  await withTenantTx(
    db,
    first ?? null,
    async (tx) => {
      for (const [tenant, entries] of byTenant) {
        if (tenant !== first) await tx.execute(tenantSettings(tenant));
        await appendAccessLogBatch(tx, entries);
      }
    },
    // One company (the usual batch): its settings and the insert are one message and the whole transaction,
    // a single round trip.
    { opening: true, single: byTenant.size === 1 },
  );
}
