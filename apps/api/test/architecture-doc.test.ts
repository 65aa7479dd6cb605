import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PLATFORM, SHARED, TABLE_OWNERS, type TableName } from "@bgm/db";
import { describe, expect, it } from "vitest";
import { KNOWN_INTERNAL_IMPORT_DEBTS, KNOWN_MODULE_CYCLES, KNOWN_TABLE_DEBTS } from "./known-debts.js";

/**
 * The generated parts of docs/architecture.md (table ownership, module imports, known debts) must match
 * the code. After a change, `UPDATE_DOCS=1 npx vitest run apps/api/test/architecture-doc.test.ts`
 * rewrites them; without it the test fails on any difference.
 */
const repo = fileURLToPath(new URL("../../../", import.meta.url));
const docPath = join(repo, "docs/architecture.md");
const schemaDir = join(repo, "packages/db/src/schema");
const modulesDir = join(repo, "apps/api/src/modules");

const code = (s: string) => `\`${s}\``;

/** Table (or view) name → the schema file that defines it. */
function schemaFileOfTable(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(schemaDir).filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts"))) {
    const text = readFileSync(join(schemaDir, name), "utf8");
    for (const match of text.matchAll(/pg(?:Table|View)\(\s*"([a-z_]+)"/g)) files.set(match[1] as string, name);
  }
  return files;
}

function ownershipBlock(): string {
  const fileOf = schemaFileOfTable();
  const byOwner = new Map<string, string[]>();
  for (const [table, owner] of Object.entries(TABLE_OWNERS)) byOwner.set(owner, [...(byOwner.get(owner) ?? []), table]);
  const owners = [SHARED, PLATFORM, ...[...byOwner.keys()].filter((o) => o !== SHARED && o !== PLATFORM).sort()];
  const rows = owners.map((owner) => {
    const tables = (byOwner.get(owner) ?? []).sort();
    const files = [...new Set(tables.map((t) => fileOf.get(t) ?? "?"))].sort();
    return `| ${code(owner)} | ${files.map(code).join(", ")} | ${tables.map(code).join(", ")} |`;
  });
  return ["| Owner | Schema file | Tables |", "|---|---|---|", ...rows].join("\n");
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

function moduleImportsBlock(): string {
  const modules = readdirSync(modulesDir).sort();
  return modules
    .map((module) => {
      const used = new Set<string>();
      for (const file of sourceFiles(join(modulesDir, module))) {
        for (const match of readFileSync(file, "utf8").matchAll(/from\s+"\.\.\/([a-z-]+)\/index\.js"/g)) used.add(match[1] as string);
      }
      const owned = Object.entries(TABLE_OWNERS)
        .filter(([, owner]) => owner === module)
        .map(([table]) => table)
        .sort();
      const tables = owned.length > 0 ? owned.map(code).join(", ") : "–";
      const imports = used.size > 0 ? [...used].sort().map(code).join(", ") : "–";
      return `| ${code(module)} | ${tables} | ${imports} |`;
    })
    .join("\n");
}

function debtsBlock(): string {
  const rows = Object.entries(KNOWN_TABLE_DEBTS)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, tables]) => {
      const named = [...tables].sort().map((t) => {
        const owner = TABLE_OWNERS[t as TableName];
        return owner ? `${code(t)} (${owner})` : code(t);
      });
      return `| ${code(file)} | ${named.join(", ")} |`;
    });
  const internal = KNOWN_INTERNAL_IMPORT_DEBTS.map((d) => `- ${code(d)}`);
  const cycles = KNOWN_MODULE_CYCLES.map((c) => `- ${c.split(" ↔ ").map(code).join(" ↔ ")}`);
  return [
    `${rows.length} files read tables they do not own:`,
    "",
    "| File (under `apps/api/src`) | Foreign tables (owner) |",
    "|---|---|",
    ...rows,
    "",
    `${internal.length} import(s) past a module's \`index.ts\`:`,
    "",
    ...internal,
    ...(internal.length > 0 ? [""] : []),
    `${cycles.length} import cycle(s) among modules:`,
    "",
    ...cycles,
  ].join("\n");
}

const BLOCKS: Record<string, () => string> = {
  ownership: ownershipBlock,
  modules: () => ["| Module | Owns | Imports (through `index.ts`) |", "|---|---|---|", moduleImportsBlock()].join("\n"),
  debts: debtsBlock,
};

const blockPattern = (name: string) => new RegExp(`(<!-- generated:${name} -->\\n)([\\s\\S]*?)\\n?(<!-- /generated:${name} -->)`);

describe("docs/architecture.md", () => {
  it("shows the table ownership, module imports and known debts as the code has them", () => {
    let doc = readFileSync(docPath, "utf8");
    if (process.env.UPDATE_DOCS === "1") {
      for (const [name, render] of Object.entries(BLOCKS))
        doc = doc.replace(blockPattern(name), (_, start, _old, end) => `${start}${render()}\n${end}`);
      writeFileSync(docPath, doc);
    }
    for (const [name, render] of Object.entries(BLOCKS)) {
      const found = blockPattern(name).exec(doc);
      expect(found, `docs/architecture.md lacks the generated:${name} block`).not.toBeNull();
      expect(found?.[2], `generated:${name} is out of date; run with UPDATE_DOCS=1`).toBe(render());
    }
  });
});
