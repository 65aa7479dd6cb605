import { type Database, dataAccessLog, tenantSettings, withTenantTx } from "@bgm/db";
import { type AccessLogInsert, ENTRY_DEFAULTS } from "./access-log.repository.js";

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
 * under its own tenant settings (row-level security holds for every row). If a batch fails, each of its
 * entries is retried alone, so one bad entry (an API key deleted meanwhile) fails only its own read.
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

export function createAccessLogWriter(db: Database): AccessLogWriter {
  let queue: Pending[] = [];
  let writing: Promise<void> | null = null;

  const run = async () => {
    try {
      // Entries appended in the same turn of the event loop (answers that arrived together) join this batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (queue.length > 0) {
        const batch = queue;
        queue = [];
        await settle(db, batch);
      }
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

async function settle(db: Database, batch: Pending[]) {
  try {
    await insertEntries(db, batch);
    for (const p of batch) p.resolve();
  } catch (err) {
    if (batch.length === 1) {
      (batch[0] as Pending).reject(err);
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
        await tx.insert(dataAccessLog).values(entries.map((e) => ({ ...ENTRY_DEFAULTS, ...e })));
      }
    },
    // One company (the usual batch): its settings and the insert are one message and the whole transaction,
    // a single round trip.
    { opening: true, single: byTenant.size === 1 },
  );
}
