#!/usr/bin/env node
// Compiles the API server (apps/api/src/server.ts with the workspace packages it imports) into one
// JavaScript file, apps/api/dist/server.js, so production runs plain `node` without compiling
// TypeScript at start; beside it apps/api/dist/otel.js, the optional tracing preload (`node --import`). npm packages are not bundled: they load from node_modules as before.
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// `--outdir=<dir>` (relative to the repository, inside it so node_modules resolve): a build of its own, for a
// test that must not load a bundle another test is rewriting at the same moment.
const outdirArg = process.argv.find((a) => a.startsWith("--outdir="))?.slice("--outdir=".length);
const outfile = join(outdirArg ? resolve(root, outdirArg) : join(root, "apps/api/dist"), "server.js");

/**
 * Our sources find files next to themselves (migrations, the web app's dist folder, pdfmake's fonts via
 * createRequire) through `import.meta.url`. In one bundle every module would share the bundle's URL, so
 * each module's `import.meta.url` is rewritten to the URL of its source file, relative to the bundle.
 */
const keepSourceLocations = {
  name: "keep-source-locations",
  setup(b) {
    // npm packages (and node: built-ins) stay external; only @bgm/* workspace code is bundled.
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@bgm/") ? undefined : { external: true }));
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const rel = relative(dirname(outfile), args.path).split(sep).join("/");
      return { contents: source.replaceAll("import.meta.url", `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: "ts" };
    });
  },
};

const started = Date.now();
await build({
  entryPoints: [join(root, "apps/api/src/server.ts"), join(root, "apps/api/src/otel.ts")],
  outdir: dirname(outfile),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  sourcemap: true,
  logLevel: "warning",
  plugins: [keepSourceLocations],
});
console.log(`[build:api] ${relative(root, outfile)} in ${Date.now() - started} ms`);
