import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Modules meet only at their public entry: a file in modules/a may import modules/b/index.js,
 * never modules/b/anything-else. This keeps each module's tables and rules its own.
 */
const modulesDir = fileURLToPath(new URL("../src/modules", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("module boundaries", () => {
  it("no module reaches into another module's internals", () => {
    const violations: string[] = [];
    for (const file of sourceFiles(modulesDir)) {
      const own = relative(modulesDir, file).split(sep)[0];
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/from\s+"(\.\.\/[^"]+)"/g)) {
        const spec = match[1] as string;
        const target = join(file, "..", spec);
        const rel = relative(modulesDir, target);
        if (rel.startsWith("..")) continue; // lib/, plugins/: shared infrastructure
        const [targetModule, ...rest] = rel.split(sep);
        if (targetModule !== own && rest.join("/") !== "index.js") violations.push(`${relative(modulesDir, file)} → ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
