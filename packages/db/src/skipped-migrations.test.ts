import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { describe, expect, it } from "vitest";
import { migrationsFolder } from "./client.js";
import { type AppliedMigration, skippedMigrations } from "./skipped-migrations.js";

const tags: string[] = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")).entries.map(
  (e: { tag: string }) => e.tag,
);
const journal = readMigrationFiles({ migrationsFolder }).map((m, i) => ({ ...m, tag: tags[i] ?? "" }));

/** The rows drizzle wrote into a database migrated with the journal up to and including `lastTag`. */
function migratedThrough(lastTag: string): AppliedMigration[] {
  const end = tags.indexOf(lastTag);
  expect(end).toBeGreaterThanOrEqual(0);
  return journal.slice(0, end + 1).map((m) => ({ hash: m.hash, createdAt: m.folderMillis }));
}

const selected = (applied: AppliedMigration[]) => skippedMigrations(journal, applied).map((m) => m.tag);

describe("migrations drizzle would skip", () => {
  it("a database migrated while 0031 was the last entry: 0032–0034, in journal order", () => {
    expect(selected(migratedThrough("0031_proactive_suggestions"))).toEqual([
      "0032_buddy_conversations",
      "0033_suggestion_stats",
      "0034_discovery_notify",
    ]);
  });

  it("a database migrated through 0034 (newest created_at is 0031's): nothing", () => {
    expect(selected(migratedThrough("0034_discovery_notify"))).toEqual([]);
  });

  it("a fully migrated database and a fresh one: nothing", () => {
    expect(selected(migratedThrough(tags.at(-1) ?? ""))).toEqual([]);
    expect(selected([])).toEqual([]);
  });

  it("a database migrated while 0025 was the last entry: 0026, whose when is below 0024's and 0025's", () => {
    expect(selected(migratedThrough("0025_jobs_webhooks"))).toEqual(["0026_idempotency_keys"]);
  });

  it("a migration whose file was edited after it ran (other hash, same when) is not run again", () => {
    const applied = migratedThrough("0034_discovery_notify").map((a, i) =>
      tags[i] === "0033_suggestion_stats" ? { ...a, hash: "hash-of-an-older-version" } : a,
    );
    expect(selected(applied)).toEqual([]);
  });

  it("a newest created_at that matches no journal entry: nothing (drizzle's own rule applies)", () => {
    expect(selected([{ hash: "unknown", createdAt: 1796290000001 }])).toEqual([]);
  });
});
