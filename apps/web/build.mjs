#!/usr/bin/env node
// `npm run build` of the web app: Vite twice. The first pass writes nothing; it only finds which modules the
// first signed-in page's shared chunks hold, so that the second pass can put them into one chunk each
// (first-page-chunks.ts explains why). A plain `vite build` still works, with automatic splitting only.
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const planFile = join(tmpdir(), `bgm-first-page-plan-${process.pid}.json`);
process.env.BGM_FIRST_PAGE_PLAN = planFile;
try {
  process.env.BGM_FIRST_PAGE_PASS = "collect";
  await build({ root, logLevel: "warn", build: { write: false } });
  process.env.BGM_FIRST_PAGE_PASS = "write";
  await build({ root });
} finally {
  rmSync(planFile, { force: true });
}
