import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { PLATFORM, SHARED, schemaTableNames, TABLE_OWNERS, type TableName } from "@bgm/db";
import { describe, expect, it } from "vitest";
import { KNOWN_INTERNAL_IMPORT_DEBTS, KNOWN_TABLE_DEBTS, TABLE_RULE_EXEMPT } from "./known-debts.js";

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

  it("every owner in the ownership map is a module folder (or shared/platform)", () => {
    const modules = new Set(readdirSync(modulesDir));
    const unknown = Object.values(TABLE_OWNERS).filter((owner) => owner !== SHARED && owner !== PLATFORM && !modules.has(owner));
    expect(unknown).toEqual([]);
  });
});
