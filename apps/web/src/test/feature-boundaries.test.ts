import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Features meet only at their public face: a file may import features/x/index.ts (written `features/x`),
 * never features/x/anything-else, whether it is in another feature or in app/. Shared code (lib/,
 * components/) sits below the features and imports none of them; a feature does not import its own
 * index (the index is for others, and importing it from inside makes module cycles). And no two features
 * import each other, directly or round a longer loop. Type-only imports count like any other.
 */
const srcDir = fileURLToPath(new URL("..", import.meta.url));

interface SourceFile {
  /** Relative to apps/web/src, with forward slashes. */
  path: string;
  source: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The relative modules a file imports: `import … from`, `export … from`, `import "…"` and `import("…")`. */
function relativeImports(source: string): string[] {
  return [...source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}(?:\/[^"']*)?)["']/g)].map((m) => m[1] as string);
}

/** The feature a path belongs to, or null for app/, lib/, components/ and the like. */
function featureOf(path: string): string | null {
  return /^features\/([^/]+)\//.exec(path)?.[1] ?? null;
}

/** What an import names: the target feature and the path inside it ("" for its index). */
function target(from: string, spec: string): { feature: string; inner: string } | null {
  const resolved = posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.(tsx?|js)$/, "");
  const match = /^features\/([^/]+)(?:\/(.*))?$/.exec(resolved);
  if (!match) return null;
  return { feature: match[1] as string, inner: (match[2] ?? "").replace(/(^|\/)index$/, "") };
}

/** Imports that break the rules above, as `file → spec (why)`. */
function boundaryViolations(files: SourceFile[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const own = featureOf(file.path);
    const shared = /^(lib|components)\//.test(file.path);
    for (const spec of relativeImports(file.source)) {
      const to = target(file.path, spec);
      if (!to) continue;
      if (shared) found.push(`${file.path} → ${spec} (shared code imports no feature)`);
      else if (to.feature === own && to.inner === "") found.push(`${file.path} → ${spec} (a feature does not import its own index)`);
      else if (to.feature !== own && to.inner !== "") found.push(`${file.path} → ${spec} (past the index of ${to.feature})`);
    }
  }
  return found;
}

/** Which features each feature imports (from any of its files). */
function featureGraph(files: SourceFile[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const own = featureOf(file.path);
    if (!own) continue;
    const edges = graph.get(own) ?? new Set<string>();
    graph.set(own, edges);
    for (const spec of relativeImports(file.source)) {
      const to = target(file.path, spec);
      if (to && to.feature !== own) edges.add(to.feature);
    }
  }
  return graph;
}

/** The loops among features that import each other, written `a → b → a` from the first name in order: the shortest through each. */
function featureCycles(graph: Map<string, Set<string>>): string[] {
  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);

  // Through each feature of a group, the shortest loop back to it, written from the loop's first name in order.
  const loops = new Set<string>();
  for (const group of groups) {
    const members = new Set(group);
    for (const start of group) {
      const previous = new Map<string, string>();
      const queue = [start];
      while (queue.length > 0 && !previous.has(start)) {
        const node = queue.shift() as string;
        for (const next of [...(graph.get(node) ?? [])].sort()) {
          if (!members.has(next) || previous.has(next)) continue;
          previous.set(next, node);
          queue.push(next);
        }
      }
      const loop = [start];
      for (let node = previous.get(start) as string; node !== start; node = previous.get(node) as string) loop.unshift(node);
      const first = loop.indexOf([...loop].sort()[0] as string);
      const rotated = [...loop.slice(first), ...loop.slice(0, first)];
      loops.add([...rotated, rotated[0]].join(" → "));
    }
  }
  return [...loops].sort();
}

const files: SourceFile[] = sourceFiles(srcDir).map((file) => ({
  path: relative(srcDir, file).split(sep).join("/"),
  source: readFileSync(file, "utf8"),
}));

describe("feature boundaries (apps/web/src)", () => {
  it("no file reaches past a feature's index.ts, and shared code imports no feature", () => {
    expect(boundaryViolations(files)).toEqual([]);
  });

  it("no features import each other, directly or round a loop", () => {
    expect(featureCycles(featureGraph(files))).toEqual([]);
  });

  it("every feature has an index.ts as its public face", () => {
    const features = readdirSync(join(srcDir, "features")).filter((name) => statSync(join(srcDir, "features", name)).isDirectory());
    expect(features.length).toBeGreaterThan(10);
    expect(features.filter((name) => !files.some((f) => f.path === `features/${name}/index.ts`))).toEqual([]);
  });
});

describe("the boundary checker", () => {
  // How engagements and data sharing used to meet: each reached into the other's files.
  const bad: SourceFile[] = [
    {
      path: "features/engagements/components/data-access-prompt.tsx",
      source: [
        'import { Alert } from "@mantine/core";',
        'import { useDataRequest } from "../../data-sharing/api/data-grants";',
        'import type { EngagementDetail } from "../api/types";',
      ].join("\n"),
    },
    { path: "features/data-sharing/api/data-grants.ts", source: 'import { engagementKeys } from "../../engagements/api/query-keys";' },
    { path: "features/data-sharing/index.ts", source: 'export { useDataRequest } from "./api/data-grants";' },
  ];

  it("catches an import past another feature's index, from a feature or from app/", () => {
    expect(boundaryViolations(bad)).toEqual([
      "features/engagements/components/data-access-prompt.tsx → ../../data-sharing/api/data-grants (past the index of data-sharing)",
      "features/data-sharing/api/data-grants.ts → ../../engagements/api/query-keys (past the index of engagements)",
    ]);
    expect(
      boundaryViolations([
        { path: "app/routes/x.tsx", source: 'const m = await import("../../features/results/components/results-section");' },
      ]),
    ).toEqual(["app/routes/x.tsx → ../../features/results/components/results-section (past the index of results)"]);
  });

  it("lets an index through however it is written, and catches shared code and a feature's own index", () => {
    const ok: SourceFile[] = [
      {
        path: "app/routes/x.tsx",
        source: 'import { A } from "../../features/engagements";\nimport { B } from "../../features/results/index";',
      },
      {
        path: "features/results/components/y.tsx",
        source: 'import type { C } from "../../engagements/index.ts";\nimport { D } from "./z";',
      },
    ];
    expect(boundaryViolations(ok)).toEqual([]);
    expect(
      boundaryViolations([
        { path: "lib/money.ts", source: 'import { A } from "../features/marketplace";' },
        { path: "components/ui/x.tsx", source: 'export { B } from "../../features/results";' },
        { path: "features/results/components/y.tsx", source: 'import { C } from "../index";\nimport { D } from "..";' },
      ]),
    ).toEqual([
      "lib/money.ts → ../features/marketplace (shared code imports no feature)",
      "components/ui/x.tsx → ../../features/results (shared code imports no feature)",
      "features/results/components/y.tsx → ../index (a feature does not import its own index)",
      "features/results/components/y.tsx → .. (a feature does not import its own index)",
    ]);
  });

  it("catches features that import each other, even through their indexes and round a longer loop", () => {
    expect(featureCycles(featureGraph(bad))).toEqual(["data-sharing → engagements → data-sharing"]);
    const throughIndexes: SourceFile[] = [
      { path: "features/a/x.ts", source: 'import { B } from "../b";' },
      { path: "features/b/x.ts", source: 'import { C } from "../c";' },
      { path: "features/c/x.ts", source: 'import type { A } from "../a";\nimport { D } from "../d";' },
      { path: "features/d/x.ts", source: "export const D = 1;" },
    ];
    expect(boundaryViolations(throughIndexes)).toEqual([]);
    expect(featureCycles(featureGraph(throughIndexes))).toEqual(["a → b → c → a"]);
    expect(featureCycles(featureGraph(throughIndexes.slice(1)))).toEqual([]);
    // Two loops sharing a feature (engagements and marketplace also imported each other): both are named.
    const marketplace: SourceFile[] = [
      { path: "features/engagements/x.ts", source: 'import { formatEuro } from "../marketplace";' },
      { path: "features/marketplace/x.ts", source: 'import { RequestQuoteModal } from "../engagements";' },
    ];
    expect(featureCycles(featureGraph([...bad, ...marketplace]))).toEqual([
      "data-sharing → engagements → data-sharing",
      "engagements → marketplace → engagements",
    ]);
  });
});
