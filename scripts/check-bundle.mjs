#!/usr/bin/env node
// The front end's weight, from the build in apps/web/dist (it builds nothing itself: run `npm run build`
// first). Prints every JavaScript chunk with its raw, gzip and brotli size, then, for the sign-in page and
// the dashboard, the JavaScript a first visit loads before the page shows: the entry (main.tsx, which
// renders the sign-in shell itself), the lazy modules loaded for that URL (for any other page than /login:
// the full app, app/app.tsx, and the route modules its router loads) and the lazy chunks the router waits for
// with them (the German feature texts), and everything they import statically (Vite's manifest, not their
// other lazy imports). Sizes are checked in gzip, the larger of the two encodings the server offers.
//
// Two limits per page: `targetKb` is issue 14's goal, printed with the figures; `budgetKb` is what this
// build must not exceed (exit 1): the size reached so far plus a little room, lowered as the page gets
// lighter, so a change that makes the first page heavier fails CI. The run also fails when a lazy module
// is no longer a chunk of its own, when the entry loads react-router or TanStack Query (the sign-in shell
// must render without them), or a chunk lacks the precompressed .br/.gz siblings the API server sends.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "apps/web/dist");
const manifestPath = join(dist, ".vite/manifest.json");

/**
 * Limits in kB (1000 bytes) of gzip-compressed JavaScript; `modules` are the lazy modules of that URL (none
 * for /login: the entry renders it), `chunks` the names of lazy chunks the page fetches along with them (the
 * German feature texts, lib/i18n).
 */
const PAGES = [
  // Issue 14 (h-signin): a first visit to /login gets the sign-in shell (app/sign-in-shell.tsx, rendered by
  // the entry) without react-router and TanStack Query; every other URL loads the full app (app/app.tsx, a
  // lazy chunk with the router, the query client and the route table). Sign-in 180.9 → 131.2 kB gzip
  // (target met), its CSS 36.1 → 10.9 kB; dashboard 231.2 → 236.4 (the sign-in form is in the entry now,
  // react-router and TanStack Query a chunk of their own). Before that (h-bundle) the feature texts became a
  // lazy chunk of their own (texts-de, about 23 kB), fetched with the first signed-in page and counted for
  // the dashboard; session 15 (typed API client, messages badge, webhooks and SSO entries, "Empfohlen" sort)
  // and earlier sessions (English texts on demand, toasts, the health-day tickets, the header's menus and the
  // other roles' start pages as chunks of their own) brought the figures there. What the sign-in page still
  // loads: React (react-dom) about 67 kB, i18next with the core texts 20 kB, Mantine's core and the form's
  // components about 25 kB, the API client and the shell about 15 kB. The budgets sit about 2 kB above.
  // Session 18: the entry's static imports are one chunk ("initial" group) and the first signed-in page's shared
  // modules two (apps/web/first-page-chunks.ts): sign-in 29 → 3 files and 131.4 → 120.9 kB, dashboard 69 → 10
  // files and 236.6 → 217.5 kB (fewer files: less chunk overhead; the trend chart waits until it is seen).
  { name: "sign-in (/login)", modules: [], chunks: [], budgetKb: 123, targetKb: 150, maxFiles: 4 },
  {
    name: "dashboard (/)",
    modules: ["src/app/app.tsx", "src/app/layout/app-layout.tsx", "src/app/routes/home.tsx"],
    chunks: ["texts-de"],
    budgetKb: 220,
    targetKb: 250,
    maxFiles: 12,
  },
];
/** The full app's libraries (vite.config.ts, codeSplitting group "router"): never in the entry's closure. */
const FULL_APP_GROUP = "router";
/** Below this size the build writes no compressed sibling (vite.config.ts, `threshold`). */
const PRECOMPRESS_THRESHOLD = 1024;

if (!existsSync(manifestPath)) {
  console.error(`check:bundle: ${manifestPath} not found; run \`npm run build\` first (build.manifest must stay on).`);
  process.exit(1);
}
/** @type {Record<string, { file: string, name?: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean, imports?: string[], dynamicImports?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));

const sizes = new Map();
function sizeOf(file) {
  let size = sizes.get(file);
  if (!size) {
    const bytes = readFileSync(join(dist, file));
    size = {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length,
    };
    sizes.set(file, size);
  }
  return size;
}

/** The chunk files `keys` load before running: themselves and their static imports, transitively. */
function staticClosure(keys) {
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no ${key}`);
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

const kb = (bytes) => (bytes / 1000).toFixed(1);
const problems = [];

const entryKeys = Object.keys(manifest).filter((key) => manifest[key].isEntry);
if (entryKeys.length !== 1) problems.push(`expected one entry in the manifest, found ${entryKeys.length}`);
const initial = staticClosure(entryKeys);
const fullAppGroup = Object.values(manifest).find((chunk) => chunk.name === FULL_APP_GROUP && !chunk.isEntry);
if (!fullAppGroup)
  problems.push(`no chunk named ${FULL_APP_GROUP} (react-router, TanStack Query) in the manifest; update scripts/check-bundle.mjs`);
else if (initial.has(fullAppGroup.file))
  problems.push(`the entry loads ${fullAppGroup.file} (react-router, TanStack Query): the sign-in shell must not`);

// Every JavaScript chunk, largest first, with what it is.
const chunks = Object.entries(manifest)
  .filter(([, chunk]) => chunk.file.endsWith(".js"))
  .map(([key, chunk]) => ({
    key,
    file: chunk.file,
    kind: chunk.isEntry ? "entry" : chunk.isDynamicEntry ? "lazy" : initial.has(chunk.file) ? "shared (initial)" : "shared",
    ...sizeOf(chunk.file),
  }))
  .sort((a, b) => b.raw - a.raw);
const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);
const width = Math.max(...chunks.map((c) => c.file.length), 10);
console.log(`${pad("chunk", width)}  ${pad("kind", 16)}  ${padL("raw kB", 8)}  ${padL("gzip kB", 8)}  ${padL("br kB", 8)}`);
for (const c of chunks) {
  console.log(`${pad(c.file, width)}  ${pad(c.kind, 16)}  ${padL(kb(c.raw), 8)}  ${padL(kb(c.gzip), 8)}  ${padL(kb(c.brotli), 8)}`);
  for (const ext of [".br", ".gz"]) {
    if (c.raw > PRECOMPRESS_THRESHOLD && !existsSync(join(dist, c.file + ext))) problems.push(`${c.file}${ext} missing (precompression)`);
  }
}
const total = chunks.reduce((sum, c) => ({ raw: sum.raw + c.raw, gzip: sum.gzip + c.gzip, brotli: sum.brotli + c.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});
console.log(
  `${pad(`all ${chunks.length} chunks`, width)}  ${pad("", 16)}  ${padL(kb(total.raw), 8)}  ${padL(kb(total.gzip), 8)}  ${padL(kb(total.brotli), 8)}`,
);

// What each page loads first.
console.log("\nInitial JavaScript per page (entry + lazy app and route modules + texts chunk + their static imports):");
for (const page of PAGES) {
  const missing = page.modules.filter((key) => !manifest[key]?.isDynamicEntry);
  if (missing.length > 0) {
    problems.push(`${page.name}: ${missing.join(", ")} is not a lazy chunk in the manifest; update PAGES in scripts/check-bundle.mjs`);
    continue;
  }
  const named = page.chunks.map((name) => Object.keys(manifest).find((key) => manifest[key].name === name && !manifest[key].isEntry));
  if (named.includes(undefined)) {
    problems.push(`${page.name}: no chunk named ${page.chunks.join(" or ")} in the manifest; update PAGES in scripts/check-bundle.mjs`);
    continue;
  }
  const files = staticClosure([...entryKeys, ...page.modules, ...named]);
  const sum = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const s = sizeOf(file);
    sum.raw += s.raw;
    sum.gzip += s.gzip;
    sum.brotli += s.brotli;
  }
  const css = [...files].flatMap((file) => Object.values(manifest).find((c) => c.file === file)?.css ?? []);
  const cssGzip = [...new Set(css)].reduce((n, file) => n + sizeOf(file).gzip, 0);
  const over = sum.gzip > page.budgetKb * 1000;
  const target = sum.gzip <= page.targetKb * 1000 ? "met" : "not met yet";
  console.log(
    `  ${pad(page.name, 20)} ${padL(files.size, 2)} files  raw ${padL(kb(sum.raw), 7)} kB  gzip ${padL(kb(sum.gzip), 6)} kB  br ${padL(kb(sum.brotli), 6)} kB` +
      `  budget ${page.budgetKb} kB ${over ? "OVER" : "ok"}, target ${page.targetKb} kB ${target}  (+ CSS ${kb(cssGzip)} kB gzip)`,
  );
  if (over) problems.push(`${page.name}: ${kb(sum.gzip)} kB gzip of initial JavaScript, budget ${page.budgetKb} kB`);
  // Each batch of six files is a round trip on a phone's HTTP/1.1 connection: the count is held like the size.
  if (files.size > page.maxFiles)
    problems.push(`${page.name}: ${files.size} JavaScript files, at most ${page.maxFiles} (first-page-chunks.ts)`);
  // Every page but the sign-in shell's gets app.html, which must preload what the dashboard loads.
  if (page.modules.length > 0) {
    const appHtml = existsSync(join(dist, "app.html")) ? readFileSync(join(dist, "app.html"), "utf8") : "";
    const unnamed = [...files].filter((file) => !appHtml.includes(`/${file}"`));
    if (unnamed.length > 0) problems.push(`app.html does not preload ${unnamed.join(", ")} (apps/web/first-page-chunks.ts)`);
  }
}

// The sign-in page renders before the German feature texts (lib/i18n/*.de.ts besides de.ts) are fetched:
// a key of theirs in its JavaScript would show as the key. Their top-level sections, looked for as string
// literals ("results.…", `participation.${…}`) in the sign-in page's files: the entry (the sign-in shell)
// and the router's /login route (after a sign-out).
const i18nDir = join(root, "apps/web/src/lib/i18n");
const featureSections = readdirSync(i18nDir)
  .filter((file) => /^[a-z-]+\.de\.ts$/.test(file))
  .flatMap((file) => [...readFileSync(join(i18nDir, file), "utf8").matchAll(/^ {2}([a-zA-Z]+):/gm)].map((match) => match[1]));
const sectionKey = new RegExp(`["'\`](${featureSections.join("|")})\\.[a-zA-Z$]`, "g");
for (const file of staticClosure([...entryKeys, "src/app/routes/login.tsx"])) {
  const found = new Set([...readFileSync(join(dist, file), "utf8").matchAll(sectionKey)].map((match) => match[0].slice(1)));
  if (found.size > 0) problems.push(`${file} (sign-in page) uses feature texts it loads without: ${[...found].join(", ")}`);
}

if (problems.length > 0) {
  console.error(`\ncheck:bundle failed (build of ${statSync(manifestPath).mtime.toISOString()}):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log("\ncheck:bundle ok");
