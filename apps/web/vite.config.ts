import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { constants } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression, defineAlgorithm } from "vite-plugin-compression2";
import {
  collectFirstPagePlan,
  type FirstPagePlan,
  firstPageGroupOf,
  firstPageHtml,
  PLAN_FILE_ENV,
  PLAN_PASS_ENV,
} from "./first-page-chunks";
import { mantineStableIds } from "./mantine-stable-ids";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Which modules the bundler may drop when nothing of theirs is used. @bgm/domain is pure data and Zod
 * schemas; the web app only needs its registries, so unused schemas go (and with them most of Zod). Our own
 * modules have no side effects either, except the CSS files and the setups main.tsx imports for their
 * effect (i18n, Zod without JIT, the sign-in shell's Mantine styles). Without this, importing one thing from a feature's index.ts kept every
 * module it re-exports (the reports page's charts ended up on the sign-in page). Anything else (undefined)
 * keeps the default, the `sideEffects` field of the library's package.json, so Mantine and recharts shake.
 */
function moduleSideEffects(id: string): boolean | undefined {
  if (/\.css($|\?)/.test(id)) return true;
  if (/[\\/]packages[\\/]domain[\\/]/.test(id)) return false;
  if (/[\\/]apps[\\/]web[\\/]src[\\/](main\.tsx|app[\\/]shell-styles\.ts|lib[\\/]i18n[\\/]index\.ts|lib[\\/]zod-jitless\.ts)$/.test(id))
    return true;
  if (/[\\/]apps[\\/]web[\\/]src[\\/]/.test(id)) return false;
  return undefined;
}

// build.mjs runs the build twice (first-page-chunks.ts): the first pass writes the plan file, the second reads it.
const planFile = process.env[PLAN_FILE_ENV];
const collecting = planFile !== undefined && process.env[PLAN_PASS_ENV] === "collect";
const plan: FirstPagePlan | undefined = planFile && !collecting ? JSON.parse(readFileSync(planFile, "utf8")) : undefined;

export default defineConfig({
  root,
  // Diagnostics only: REACT_TRACKS=profiling builds with React's profiling build, REACT_TRACKS=dev with its
  // development build (component names too); both write React's scheduler tracks (Blocking, Transition) into a
  // Chrome performance trace, which shows which renders block the main thread.
  ...(process.env.REACT_TRACKS === "dev"
    ? { mode: "development", define: { "process.env.NODE_ENV": '"development"' } }
    : process.env.REACT_TRACKS === "profiling"
      ? { resolve: { alias: { "react-dom/client": "react-dom/profiling" } } }
      : {}),
  plugins: [
    mantineStableIds(),
    react(),
    collecting ? collectFirstPagePlan(root, (found) => writeFileSync(planFile, JSON.stringify(found))) : firstPageHtml(root),
    // Precompressed siblings (x.js.br, x.js.gz) at the highest levels: compressed once here, the API's static
    // handler only picks the variant the browser accepts (apps/api/src/plugins/web-app.ts).
    compression({
      include: /\.(js|css|html|svg|json)$/,
      exclude: /[\\/]\.vite[\\/]/,
      threshold: 1024,
      algorithms: [
        defineAlgorithm("brotliCompress", { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        defineAlgorithm("gzip", { level: 9 }),
      ],
      logLevel: "silent",
    }),
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Diagnostics only: NO_MINIFY=1 keeps function names, so a CPU profile of a page load says what ran.
    minify: process.env.NO_MINIFY ? false : undefined,
    // dist/.vite/manifest.json: which chunks each entry and lazy route loads, read by `npm run check:bundle`.
    // Not served: the static handler skips dot folders.
    manifest: true,
    // The API serves the build under a strict CSP; keep every asset a file (no data: fonts, no inline scripts).
    assetsInlineLimit: 0,
    rolldownOptions: {
      treeshake: { moduleSideEffects },
      // Only the libraries every page runs get a chunk of their own (it stays cached across releases). No
      // catch-all vendor or Mantine group: a group takes its modules out of the lazy route chunks, so the
      // sign-in page would load the charts, schema forms and date pickers of pages it never shows.
      output: {
        codeSplitting: {
          groups: [
            // React itself runs on every page, the sign-in shell included; the router and TanStack Query only
            // in the full app (app/app.tsx, a lazy chunk main.tsx loads): two groups, so the sign-in page does
            // not download the second.
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // What the entry imports (the sign-in shell, Mantine's core parts it uses, i18next, the API client)
            // goes into the entry chunk instead of some thirty small shared chunks: the sign-in page loads three
            // files (issue 14: each batch of six requests is a round trip on a phone).
            { name: "initial", tags: ["$initial"] },
            { name: "router", test: /node_modules[\\/](react-router|@tanstack[\\/]query-core|@tanstack[\\/]react-query)[\\/]/ },
            // The German feature texts (loaded with the first signed-in page, lib/i18n) and all English texts
            // (loaded with a switch to English) as one chunk each instead of one request per file. de.ts, the
            // core texts, stays in the entry.
            // The shared modules of the full app, its layout and the dashboard, one chunk each (first-page-chunks.ts).
            ...(plan ? [{ name: firstPageGroupOf(plan) }] : []),
            { name: "texts-de", test: /[\\/]src[\\/]lib[\\/]i18n[\\/][a-z-]+\.de\.ts$/ },
            { name: "texts-en", test: /[\\/]src[\\/]lib[\\/]i18n[\\/](en|[a-z-]+\.en)\.ts$/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
});
