#!/usr/bin/env node
// Lighthouse (mobile preset, simulated throttling) for the sign-in page and the BGM manager's dashboard
// against a running server (`npm start`, or `npm run build && npm run serve`). Not part of CI and not a
// dependency: Lighthouse is about 200 packages, so it is looked for where you installed it, e.g.
//   npm i --no-save --prefix /tmp/lh lighthouse
//   LIGHTHOUSE_DIR=/tmp/lh CHROME_PATH=/usr/bin/chromium node bench/lighthouse.mjs http://localhost:3000
// Prints performance score, FCP, LCP, TBT, CLS and the console errors Lighthouse saw, per page. Signs in
// with the demo manager (README) and passes the session cookie as an extra header for the dashboard.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const base = (process.argv[2] ?? "http://localhost:3000").replace(/\/$/, "");
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 1);

async function load(name) {
  const dir = process.env.LIGHTHOUSE_DIR;
  try {
    if (dir) {
      const require = createRequire(join(dir, "package.json"));
      return await import(pathToFileURL(require.resolve(name)).href);
    }
    return await import(name);
  } catch {
    console.error(
      `bench/lighthouse: ${name} not found. Install it outside the project (npm i --no-save --prefix /tmp/lh lighthouse) and set LIGHTHOUSE_DIR=/tmp/lh.`,
    );
    process.exit(2);
  }
}

const { default: lighthouse } = await load("lighthouse");
const chromeLauncher = await load("chrome-launcher");

/** The demo manager's session cookie (better-auth sets it on the e-mail sign-in). */
async function signIn() {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, "x-requested-with": "bgm-hub" },
    body: JSON.stringify({ email: "petra.manager@muster-gmbh.de", password: "Demo!2026bgm" }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
});
try {
  const cookie = await signIn();
  const pages = [
    { name: "sign-in", url: `${base}/login`, headers: {} },
    { name: "dashboard", url: `${base}/`, headers: { Cookie: cookie } },
  ];
  // LIGHTHOUSE_PAGES=dashboard (comma-separated names) measures only those.
  const only = process.env.LIGHTHOUSE_PAGES?.split(",");
  for (const page of pages.filter((p) => !only || only.includes(p.name))) {
    for (let run = 1; run <= runs; run++) {
      const result = await lighthouse(page.url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "best-practices"],
        extraHeaders: page.headers,
        // The preset slows the CPU down 4×, calibrated for an idle desktop; on a busy machine (its
        // benchmarkIndex, printed below, well under 1000) a lower value gives a fairer picture. Default: preset.
        ...(process.env.LIGHTHOUSE_CPU_SLOWDOWN
          ? { throttling: { cpuSlowdownMultiplier: Number(process.env.LIGHTHOUSE_CPU_SLOWDOWN) } }
          : {}),
      });
      if (process.env.LIGHTHOUSE_SAVE) {
        // The whole report, for the audits this summary leaves out (bootup time, request chains, LCP element).
        writeFileSync(join(process.env.LIGHTHOUSE_SAVE, `${page.name}-${run}.json`), JSON.stringify(result.lhr));
      }
      const { audits, categories, runtimeError } = result.lhr;
      if (runtimeError) {
        console.log(`${page.name.padEnd(10)} failed: ${runtimeError.code} ${runtimeError.message}`);
        continue;
      }
      // Missing when the page never painted within Lighthouse's time limit.
      const value = (id) => audits[id]?.numericValue;
      const ms = (id) => (value(id) === undefined ? "n/a" : `${Math.round(value(id))} ms`);
      const errors = audits["errors-in-console"].details?.items ?? [];
      console.log(
        `${page.name.padEnd(10)} performance ${Math.round((categories.performance.score ?? 0) * 100)}  best-practices ${Math.round((categories["best-practices"].score ?? 0) * 100)}` +
          `  FCP ${ms("first-contentful-paint")}  LCP ${ms("largest-contentful-paint")}  TBT ${ms("total-blocking-time")}` +
          `  CLS ${value("cumulative-layout-shift")?.toFixed(3) ?? "n/a"}  console errors ${errors.length}  benchmarkIndex ${Math.round(result.lhr.environment.benchmarkIndex)}`,
      );
      for (const item of errors) console.log(`    ${item.source}: ${String(item.description).slice(0, 160)}`);
      for (const id of ["layout-shifts", "render-blocking-resources", "render-blocking-insight"]) {
        const items = audits[id]?.details?.items ?? [];
        if (items.length > 0 && process.env.LIGHTHOUSE_VERBOSE) console.log(`    ${id}: ${JSON.stringify(items).slice(0, 600)}`);
      }
    }
  }
} finally {
  chrome.kill();
}
