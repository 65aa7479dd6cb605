import { type Database, dataAccessLog } from "@bgm/db";
import { inArray, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers.js";
import { type AccessLogEntry, createAccessLogWriter, MAX_BATCH } from "./access-log.writer.js";
import { makeWorld, type World } from "./test-fixtures.js";

/**
 * The batched writer of partner reads' access-log entries (ADR 0013, issue 12): an entry is committed when its
 * promise resolves, many entries share one transaction, row-level security holds per company, and one bad entry
 * fails only its own read. Runs on PGlite and, in the PostgreSQL tier, on a server with a connection pool.
 */

let t: TestApp;
let a: World;
let b: World;

beforeAll(async () => {
  t = await createTestApp();
  a = await makeWorld(t, { companyName: "Schreib GmbH" });
  b = await makeWorld(t, { companyName: "Stapel AG" });
});
afterAll(() => t.close());

/** A served entry of world `w`'s provider, marked by its ip so that the test finds exactly its own rows. */
const entry = (w: World, marker: string, extra: Partial<AccessLogEntry> = {}): AccessLogEntry => ({
  orgId: w.company.orgId,
  engagementId: w.engagementId,
  providerOrgId: w.partner.orgId,
  scopeKey: "participation_aggregates",
  actorUserId: null,
  apiKeyId: null,
  format: "json",
  ip: marker,
  outcome: "served",
  recordCount: 3,
  ...extra,
});

/** The rows with these markers, read as the database owner (no row-level security), with their transaction ids. */
async function rowsMarked(markers: string[]) {
  return t.database.db
    .select({ ip: dataAccessLog.ip, orgId: dataAccessLog.orgId, providerOrgId: dataAccessLog.providerOrgId, xmin: sql<string>`xmin::text` })
    .from(dataAccessLog)
    .where(inArray(dataAccessLog.ip, markers));
}

describe("access-log writer", () => {
  it("commits every entry before its read may answer, entries of two companies in far fewer transactions than reads", async () => {
    const writer = createAccessLogWriter(t.database.db);
    const markers = Array.from({ length: 60 }, (_, i) => `batch-${i}`);
    const seenAtResolve: boolean[] = [];
    await Promise.all(
      markers.map(async (marker, i) => {
        await writer.append(entry(i % 2 === 0 ? a : b, marker));
        // Committed, not merely written: another connection sees it the moment the read could answer.
        seenAtResolve.push((await rowsMarked([marker])).length === 1);
      }),
    );
    expect(seenAtResolve.every(Boolean)).toBe(true);
    const rows = await rowsMarked(markers);
    expect(rows).toHaveLength(60);
    for (const row of rows) {
      const i = Number((row.ip as string).slice("batch-".length));
      expect(row.orgId).toBe(i % 2 === 0 ? a.company.orgId : b.company.orgId);
    }
    // Entries that arrive together share a transaction (one WAL flush for all of them).
    expect(new Set(rows.map((r) => r.xmin)).size).toBeLessThanOrEqual(3);
  });

  it("writes every column of an entry as given, and the table's defaults for what an entry leaves out", async () => {
    const writer = createAccessLogWriter(t.database.db);
    const subjects = ["7b0b5a2e-2c7a-4d8e-9a43-0c3a1f0e9a11", "00000000-0000-4000-8000-000000000002"];
    await Promise.all([
      writer.append(
        entry(a, "columns-full", {
          grantId: null,
          reason: "Auswertung für den Bericht – „Team Nord“",
          recordCount: 17,
          subjectEmployeeIds: subjects,
        }),
      ),
      writer.append(entry(a, "columns-defaults", { recordCount: undefined, format: undefined, engagementId: undefined })),
      writer.append(entry(b, "columns-denied", { outcome: "denied", reason: "no_grant", recordCount: 0 })),
    ]);
    const rows = await t.database.db
      .select()
      .from(dataAccessLog)
      .where(inArray(dataAccessLog.ip, ["columns-full", "columns-defaults", "columns-denied"]));
    const byIp = new Map(rows.map((r) => [r.ip, r]));
    expect(byIp.get("columns-full")).toMatchObject({
      orgId: a.company.orgId,
      engagementId: a.engagementId,
      providerOrgId: a.partner.orgId,
      scopeKey: "participation_aggregates",
      outcome: "served",
      reason: "Auswertung für den Bericht – „Team Nord“",
      recordCount: 17,
      format: "json",
      subjectEmployeeIds: subjects,
    });
    expect(byIp.get("columns-defaults")).toMatchObject({ engagementId: null, recordCount: 0, format: null, subjectEmployeeIds: [] });
    expect(byIp.get("columns-denied")).toMatchObject({ orgId: b.company.orgId, outcome: "denied", reason: "no_grant", recordCount: 0 });
    for (const row of rows) expect(row.at).toBeInstanceOf(Date);
  });

  it("writes an entry that names no company under its provider, as the table's policy requires", async () => {
    const writer = createAccessLogWriter(t.database.db);
    await Promise.all([
      writer.append(entry(a, "no-company", { orgId: null, outcome: "denied", reason: "foreign_engagement", recordCount: 0 })),
      writer.append(entry(b, "with-company")),
    ]);
    const rows = await rowsMarked(["no-company", "with-company"]);
    expect(rows.map((r) => [r.ip, r.orgId]).sort()).toEqual([
      ["no-company", null],
      ["with-company", b.company.orgId],
    ]);
  });

  it("fails only the read whose entry cannot be written; the others of its batch are committed", async () => {
    const writer = createAccessLogWriter(t.database.db);
    const markers = Array.from({ length: 10 }, (_, i) => `partly-${i}`);
    const results = await Promise.allSettled(
      markers.map((marker, i) => writer.append(entry(a, marker, i === 4 ? { engagementId: "not-a-uuid" } : {}))),
    );
    expect(results.map((r) => r.status)).toEqual(markers.map((_, i) => (i === 4 ? "rejected" : "fulfilled")));
    const rows = await rowsMarked(markers);
    expect(rows.map((r) => r.ip).sort()).toEqual(markers.filter((_, i) => i !== 4).sort());
  });

  it("drain waits until every appended entry is settled", async () => {
    const writer = createAccessLogWriter(t.database.db);
    const markers = ["drain-1", "drain-2", "drain-3"];
    const appended = markers.map((m) => writer.append(entry(b, m)));
    await writer.drain();
    expect(await rowsMarked(markers)).toHaveLength(3);
    await Promise.all(appended);
    // Nothing pending: drain answers at once, and the writer still takes entries afterwards.
    await writer.drain();
    await writer.append(entry(b, "after-drain"));
    expect(await rowsMarked(["after-drain"])).toHaveLength(1);
  });

  it("writes a backlog larger than one statement may carry in several transactions, every entry once", async () => {
    const writer = createAccessLogWriter(t.database.db);
    const markers = Array.from({ length: 2 * MAX_BATCH + 500 }, (_, i) => `backlog-${i}`);
    await Promise.all(markers.map((marker) => writer.append(entry(a, marker))));
    const rows = await rowsMarked(markers);
    expect(rows).toHaveLength(markers.length);
    expect(new Set(rows.map((r) => r.ip)).size).toBe(markers.length);
    expect(new Set(rows.map((r) => r.xmin)).size).toBeGreaterThanOrEqual(3);
  });

  it("fails the whole batch at once when the database cannot be reached, without a try per entry", async () => {
    // A pool whose server refuses connections (nothing listens on port 1), counting how often it is asked.
    let connects = 0;
    const pool = new pg.Pool({ connectionString: "postgres://nobody@127.0.0.1:1/none", connectionTimeoutMillis: 2000 });
    const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
    pool.connect = ((...args: unknown[]) => {
      connects++;
      return connect(...args);
    }) as typeof pool.connect;
    try {
      const writer = createAccessLogWriter(drizzle(pool) as unknown as Database);
      const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => writer.append(entry(a, `down-${i}`))));
      expect(results.every((r) => r.status === "rejected")).toBe(true);
      expect(connects).toBe(1);
    } finally {
      await pool.end();
    }
  });
});
