import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { PLATFORM, SHARED, schemaTableNames, TABLE_OWNERS, type TableName } from "@bgm/db";
import { describe, expect, it } from "vitest";
import { KNOWN_INTERNAL_IMPORT_DEBTS, KNOWN_MODULE_CYCLES, KNOWN_TABLE_DEBTS, TABLE_RULE_EXEMPT } from "./known-debts.js";

/**
 * Modules meet only at their public entry: a file in modules/a may import modules/b/index.js, never
 * modules/b/anything-else, and code outside modules/ (app, config, lib, plugins, seed, startup) likewise.
 * And each module imports from `@bgm/db` only the tables it owns (packages/db/src/schema/ownership.ts) plus
 * the shared identity tables: another module's data comes through that module's index.ts, because an SQL
 * join across modules is an import the import rule cannot see.
 */
const srcDir = fileURLToPath(new URL("../src", import.meta.url));
const modulesDir = join(srcDir, "modules");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Path relative to apps/api/src with forward slashes, as the known-debt lists write it. */
const srcPath = (file: string) => relative(srcDir, file).split(sep).join("/");

/** The module a file belongs to, or `platform` for code outside modules/. */
function ownerOf(path: string): string {
  const match = /^modules\/([^/]+)\//.exec(path);
  return match ? (match[1] as string) : PLATFORM;
}

/** Imports that reach past a module's index.ts, as `file → spec`. */
function internalImports(path: string, source: string): string[] {
  const own = ownerOf(path);
  const found: string[] = [];
  for (const match of source.matchAll(/(?:from\s+|import\s*\(\s*)"(\.{1,2}\/[^"]+)"/g)) {
    const spec = match[1] as string;
    const target = join(srcDir, path, "..", spec);
    const rel = relative(modulesDir, target).split(sep);
    if (rel[0] === "..") continue; // lib/, plugins/, config: shared infrastructure
    const [targetModule, ...rest] = rel;
    if (targetModule !== own && rest.join("/") !== "index.js") found.push(`${path} → ${spec}`);
  }
  return found;
}

const tableOfExport = schemaTableNames();
const EVERY_TABLE = "schema (every table)";

/**
 * The tables a file imports from `@bgm/db` that its owner may not use: neither its own nor shared.
 * Type-only imports count too (they tie the file to the table's shape). Sorted, without duplicates.
 */
function foreignTableImports(source: string, owner: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/(?:import|export)\s+(?:type\s+)?([^;]*?)\s+from\s+"@bgm\/db"/g)) {
    const clause = match[1] as string;
    if (/\*\s+as\s+\w+/.test(clause)) names.push("schema");
    for (const braces of clause.matchAll(/\{([^}]*)\}/g)) {
      for (const part of (braces[1] as string).split(",")) {
        const name = part
          .trim()
          .replace(/^type\s+/, "")
          .split(/\s+as\s+/)[0];
        if (name) names.push(name);
      }
    }
  }
  if (/import\s*\(\s*"@bgm\/db"\s*\)/.test(source)) names.push("schema");
  const foreign = new Set<string>();
  for (const name of names) {
    if (name === "schema") {
      foreign.add(EVERY_TABLE);
      continue;
    }
    const table = tableOfExport.get(name);
    if (!table) continue; // Tx, Database, withTenantTx, …
    const tableOwner = TABLE_OWNERS[table as TableName];
    if (tableOwner !== SHARED && tableOwner !== owner) foreign.add(table);
  }
  return [...foreign].sort();
}

const files = sourceFiles(srcDir).map((file) => ({ path: srcPath(file), source: readFileSync(file, "utf8") }));

/** Module → the modules whose index.ts its files import (type-only imports too: they tie the modules as well). */
function moduleGraph(all: readonly { path: string; source: string }[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const f of all) {
    const from = ownerOf(f.path);
    if (from === PLATFORM) continue;
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    for (const match of f.source.matchAll(/(?:from\s+|import\s*\(\s*)"(\.{1,2}\/[^"]+)"/g)) {
      const rel = relative(modulesDir, join(srcDir, f.path, "..", match[1] as string)).split(sep);
      if (rel[0] !== ".." && rel[0] !== from) targets.add(rel[0] as string);
    }
  }
  return graph;
}

/**
 * The import cycles among modules: each group of modules that reach each other through imports (a
 * strongly connected component of more than one module), written as its sorted names joined by " ↔ ".
 */
function importCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [...(graph.get(start) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(graph.get(next) ?? []));
    }
    return seen;
  };
  const reachable = new Map([...graph.keys()].map((m) => [m, reach(m)]));
  const cycles = new Set<string>();
  for (const [m, from] of reachable) {
    const group = [m, ...[...from].filter((other) => other !== m && reachable.get(other)?.has(m))].sort();
    if (group.length > 1) cycles.add(group.join(" ↔ "));
  }
  return [...cycles].sort();
}

describe("module boundaries", () => {
  it("no file reaches into a module's internals (beyond the known debts)", () => {
    const violations = files.flatMap((f) => internalImports(f.path, f.source));
    expect(violations).toEqual([...KNOWN_INTERNAL_IMPORT_DEBTS]);
  });

  it("each file imports only its own module's tables and the shared identity tables (beyond the known debts)", () => {
    const found: Record<string, string[]> = {};
    for (const f of files) {
      if (TABLE_RULE_EXEMPT.some((pattern) => pattern.test(f.path))) continue;
      const foreign = foreignTableImports(f.source, ownerOf(f.path));
      if (foreign.length > 0) found[f.path] = foreign;
    }
    // Exact: a new cross-module table import fails, and so does a paid debt still on the list.
    expect(found).toEqual(Object.fromEntries(Object.entries(KNOWN_TABLE_DEBTS).map(([file, tables]) => [file, [...tables].sort()])));
  });

  it("catches a deliberately added cross-module table import", () => {
    const source = [
      'import { engagement, member, type Tx, user } from "@bgm/db";',
      'import type { partnerResult } from "@bgm/db";',
      'export { storedFile as file } from "@bgm/db";',
    ].join("\n");
    // Own table (engagement), shared tables (member, user) and non-tables (Tx) pass; the rest is caught.
    expect(foreignTableImports(source, "engagements")).toEqual(["partner_result", "stored_file"]);
    expect(foreignTableImports(source, "results")).toEqual(["engagement", "stored_file"]);
    expect(foreignTableImports('import {\n  goal,\n  kpiCard,\n} from "@bgm/db";', "bgm-process")).toEqual([]);
    expect(foreignTableImports('import {\n  goal,\n  employee,\n} from "@bgm/db";', "bgm-process")).toEqual(["employee"]);
    expect(foreignTableImports('import * as db from "@bgm/db";', "legal")).toEqual([EVERY_TABLE]);
    expect(foreignTableImports('import { schema } from "@bgm/db";', PLATFORM)).toEqual([EVERY_TABLE]);
  });

  it("catches an import past another module's index.ts", () => {
    expect(internalImports("modules/legal/legal.service.ts", 'import { x } from "../results/landings.js";')).toEqual([
      "modules/legal/legal.service.ts → ../results/landings.js",
    ]);
    expect(internalImports("modules/legal/legal.service.ts", 'import { x } from "../results/index.js";')).toEqual([]);
    expect(internalImports("app.ts", 'const m = await import("./modules/files/files.service.js");')).toEqual([
      "app.ts → ./modules/files/files.service.js",
    ]);
  });

  it("no two modules import each other, directly or around a circle (beyond the known debts)", () => {
    expect(importCycles(moduleGraph(files))).toEqual([...KNOWN_MODULE_CYCLES]);
  });

  it("catches a deliberately added import cycle", () => {
    const graph = moduleGraph([
      { path: "modules/results/a.ts", source: 'import { x } from "../engagements/index.js";' },
      { path: "modules/engagements/b.ts", source: 'import type { y } from "../data-grants/index.js";\nimport { z } from "./c.js";' },
      { path: "modules/data-grants/c.ts", source: 'import { w } from "../results/index.js";' },
      { path: "modules/marketplace/d.ts", source: 'import { v } from "../engagements/index.js";' },
      { path: "modules/audit/e.ts", source: 'import { u } from "../audit/index.js";' },
      { path: "lib/f.ts", source: 'import { t } from "../modules/results/index.js";' },
    ]);
    expect(graph.get("engagements")).toEqual(new Set(["data-grants"]));
    // results → engagements → data-grants → results is one cycle; marketplace only leads into it.
    expect(importCycles(graph)).toEqual(["data-grants ↔ engagements ↔ results"]);
    expect(
      importCycles(
        new Map([
          ["a", new Set(["b"])],
          ["b", new Set<string>()],
        ]),
      ),
    ).toEqual([]);
    expect(
      importCycles(
        new Map([
          ["a", new Set(["b"])],
          ["b", new Set(["a"])],
          ["c", new Set(["d"])],
          ["d", new Set(["c"])],
        ]),
      ),
    ).toEqual(["a ↔ b", "c ↔ d"]);
  });

  it("every owner in the ownership map is a module folder (or shared/platform)", () => {
    const modules = new Set(readdirSync(modulesDir));
    const unknown = Object.values(TABLE_OWNERS).filter((owner) => owner !== SHARED && owner !== PLATFORM && !modules.has(owner));
    expect(unknown).toEqual([]);
  });
});
