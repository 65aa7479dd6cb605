import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrationsFolder } from "./client.js";

interface Entry {
  idx: number;
  when: number;
  tag: string;
}
const entries: Entry[] = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")).entries;

describe("migration journal", () => {
  // drizzle applies an entry only when its `when` is above the newest one a database has applied. The
  // entries before 0035 break that (0026 and 0032–0034; skipped-migrations.ts repairs databases they hit);
  // from 0035 on, every entry must be above all earlier ones, or some databases would skip it.
  it("every entry from 0035 on has a `when` above every earlier entry's", () => {
    const first = entries.findIndex((e) => e.tag === "0035_participation_session_count");
    expect(first).toBeGreaterThan(0);
    const late: string[] = [];
    let highest = Math.max(...entries.slice(0, first).map((e) => e.when));
    for (const e of entries.slice(first)) {
      if (!(e.when > highest)) late.push(`${e.tag} (when ${e.when} ≤ ${highest})`);
      highest = Math.max(highest, e.when);
    }
    expect(late).toEqual([]);
  });

  it("idx counts up from 0 and tags are unique", () => {
    expect(entries.map((e) => e.idx)).toEqual(entries.map((_, i) => i));
    expect(new Set(entries.map((e) => e.tag)).size).toBe(entries.length);
  });
});
