import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { OutputBundle, OutputChunk } from "rolldown";
import type { Plugin } from "vite";

/*
 * Fewer, larger chunks for the first signed-in page (issue 14).
 *
 * Automatic code splitting gives every set of lazy routes that shares a module a chunk of its own: the
 * dashboard's first load was 43 files, most of them 1–5 kB (a Mantine component, a query key module). On a
 * phone's HTTP/1.1 connection the browser fetches six at a time, so each further batch of six costs a round
 * trip (Lighthouse's mobile model: 150 ms) — more than the bytes themselves.
 *
 * Which modules those shared chunks hold is only known after tree shaking: the import graph alone is no
 * guide, because a feature's index.ts re-exports all of the feature and would pull every page into the
 * group. So the build runs twice (build.mjs): the first pass, written nowhere, only reads which modules
 * ended up in the shared chunks the full app and its layout load, and those the dashboard adds; the second
 * pass puts each set into one chunk ("app-core", "home-core"). The lazy modules themselves stay chunks of
 * their own (check:bundle looks them up), and a module never leaves the entry: the sign-in page is not
 * made heavier. Without a plan (a plain `vite build`), splitting is automatic as before.
 */

/** The lazy modules every signed-in page loads (the full app and its layout), and the manager's start page. */
export const APP_ROOTS = ["src/app/app.tsx", "src/app/layout/app-layout.tsx"];
export const HOME_ROOTS = ["src/app/routes/home.tsx"];

/** Module ids per group name, from the first pass. */
export type FirstPagePlan = Record<"app-core" | "home-core", string[]>;

/** Environment variables of build.mjs: the JSON file the first pass writes and the second reads, and the pass. */
export const PLAN_FILE_ENV = "BGM_FIRST_PAGE_PLAN";
export const PLAN_PASS_ENV = "BGM_FIRST_PAGE_PASS";

const chunksOf = (bundle: OutputBundle) => Object.values(bundle).filter((item): item is OutputChunk => item.type === "chunk");

/** File names of `roots`' chunks and everything they import statically. */
function closure(byFile: Map<string, OutputChunk>, roots: OutputChunk[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of byFile.get(file)?.imports ?? []) visit(imported);
  };
  for (const root of roots) visit(root.fileName);
  return seen;
}

/** A finished bundle's chunks by file, what the entry loads, and the lazy chunks of given modules. */
function bundleGraph(bundle: OutputBundle, webRoot: string) {
  const chunks = chunksOf(bundle);
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const entry = closure(
    byFile,
    chunks.filter((chunk) => chunk.isEntry),
  );
  /** The chunks of these lazily loaded modules (paths in the web app); every one must be there. */
  const lazyChunksOf = (paths: string[]) => {
    const ids = new Set(paths.map((path) => join(webRoot, path)));
    const found = chunks.filter((chunk) => chunk.facadeModuleId !== null && ids.has(chunk.facadeModuleId));
    if (found.length !== paths.length) throw new Error(`first-page-chunks: lazy chunks of ${paths.join(", ")} not found`);
    return found;
  };
  return { chunks, byFile, entry, lazyChunksOf };
}

/**
 * The plan from a finished first pass: the modules of the shared chunks (no entry, no lazy module's own
 * chunk, no named group like react or router) that the app roots load, then those the home roots add.
 */
export function planFromBundle(bundle: OutputBundle, webRoot: string): FirstPagePlan {
  const { byFile, entry, lazyChunksOf } = bundleGraph(bundle, webRoot);
  // Chunks of modules loaded lazily, and the groups vite.config.ts names, keep their own file.
  const shared = (file: string) => {
    const chunk = byFile.get(file);
    return (
      chunk !== undefined &&
      !entry.has(file) &&
      !chunk.isDynamicEntry &&
      chunk.name !== "react" &&
      chunk.name !== "router" &&
      !chunk.name.startsWith("texts-")
    );
  };
  const modulesOf = (files: Iterable<string>) => [...files].filter(shared).flatMap((file) => byFile.get(file)?.moduleIds ?? []);
  const app = closure(byFile, lazyChunksOf(APP_ROOTS));
  const home = [...closure(byFile, lazyChunksOf(HOME_ROOTS))].filter((file) => !app.has(file));
  return { "app-core": modulesOf(app), "home-core": modulesOf(home) };
}

/** The first pass's plugin: hands the plan over and writes nothing (build.mjs sets `write: false`). */
export function collectFirstPagePlan(webRoot: string, onPlan: (plan: FirstPagePlan) => void): Plugin {
  return {
    name: "bgm-first-page-plan",
    apply: "build",
    generateBundle(_options, bundle) {
      onPlan(planFromBundle(bundle as unknown as OutputBundle, webRoot));
    },
  };
}

/** The second pass's group: which plan set a module belongs to, if any. */
export function firstPageGroupOf(plan: FirstPagePlan): (id: string) => string | null {
  const group = new Map<string, string>();
  for (const [name, ids] of Object.entries(plan)) for (const id of ids) group.set(id, name);
  return (id) => group.get(id) ?? null;
}

/** The page for every URL but the sign-in shell's: index.html plus the first signed-in page's files. */
export const APP_HTML = "app.html";

/**
 * What app.html shows until React renders into #root (which replaces it): the signed-in header's bar with the
 * app name (src/app/boot-frame.css). Hidden from assistive technology: it is a picture of what is coming.
 */
export const BOOT_FRAME =
  '<div class="boot-frame" aria-hidden="true"><div class="boot-frame__header"><span class="boot-frame__burger"></span><span class="boot-frame__name">BGM Hub</span></div></div>';

/**
 * Writes app.html: index.html with `<link rel=modulepreload>` for the chunks the full app, its layout, the
 * start page and the German feature texts load, and `<link rel=preload as=style>` for their CSS. Without
 * it those requests start only once the entry has been downloaded and run (about half a second on a phone's
 * connection); with it, all of them start with the entry. The API serves it for every page but the sign-in
 * shell's (apps/api/src/plugins/web-app.ts), which must not download the full app.
 */
export function firstPageHtml(webRoot: string): Plugin {
  let links: string[] = [];
  return {
    name: "bgm-first-page-html",
    apply: "build",
    generateBundle(_options, bundle) {
      const { chunks, byFile, entry, lazyChunksOf } = bundleGraph(bundle as unknown as OutputBundle, webRoot);
      const roots = [
        ...lazyChunksOf([...APP_ROOTS, ...HOME_ROOTS]),
        ...chunks.filter((chunk) => !chunk.isEntry && chunk.name === "texts-de"),
      ];
      const files = [...closure(byFile, roots)].filter((file) => !entry.has(file));
      const css = new Set(
        files.flatMap((file) => [
          ...((byFile.get(file) as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? []),
        ]),
      );
      links = [
        // Low priority: the header's frame (BOOT_FRAME) paints with the entry's CSS without waiting for them.
        ...files.map((file) => `<link rel="modulepreload" crossorigin fetchpriority="low" href="/${file}">`),
        ...[...css].map((file) => `<link rel="preload" as="style" crossorigin fetchpriority="low" href="/${file}">`),
      ];
    },
    writeBundle(options) {
      const dir = options.dir ?? join(webRoot, "dist");
      const index = readFileSync(join(dir, "index.html"), "utf8");
      if (!index.includes("</head>")) throw new Error("first-page-chunks: index.html has no </head>");
      if (!index.includes('<div id="root"></div>')) throw new Error("first-page-chunks: index.html has no empty #root");
      const html = index
        .replace("</head>", `  ${links.join("\n    ")}\n  </head>`)
        .replace('<div id="root"></div>', `<div id="root">${BOOT_FRAME}</div>`);
      writeFileSync(join(dir, APP_HTML), html);
      // The same compressed siblings the compression plugin writes for index.html.
      writeFileSync(join(dir, `${APP_HTML}.gz`), gzipSync(html, { level: 9 }));
      writeFileSync(
        join(dir, `${APP_HTML}.br`),
        brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
      );
    },
  };
}
