import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { ensureWebBuild } from "./support/ensure-web-build";
import { startSmtpSink } from "./support/smtp-sink";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
ensureWebBuild(repoRoot);

// E2E_PORT lets a second run (e.g. CI in another checkout) use its own port.
const PORT = Number(process.env.E2E_PORT ?? 3100);
// E2E_BASE_URL: run against servers started elsewhere (npm run test:cluster: nginx in front of two API
// nodes); no server is started here then, and the servers send their mails to the sink on E2E_SMTP_PORT.
const EXTERNAL_URL = process.env.E2E_BASE_URL;
// A fresh embedded database per run: the server migrates and seeds demo data on first start.
const dataDir = `.tmp/e2e-data-${Date.now()}`;
// The app sends its mails to a real local SMTP server; tests read what arrived from E2E_MAIL_LOG.
// The config is evaluated again in each worker: only the runner (no TEST_WORKER_INDEX) starts the sink,
// and the workers inherit the runner's file path through the environment.
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? PORT + 1025);
process.env.E2E_MAIL_LOG ??= `${repoRoot}/.tmp/e2e-mails-${Date.now()}.jsonl`;
if (!process.env.TEST_WORKER_INDEX) startSmtpSink(SMTP_PORT, process.env.E2E_MAIL_LOG);

export default defineConfig({
  testDir: "./tests",
  outputDir: "./artifacts",
  workers: 1,
  retries: 0,
  fullyParallel: false,
  reporter: "list",
  // axe-core's colour-contrast pass over a full table takes several seconds on a small, busy machine.
  timeout: 240_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: EXTERNAL_URL ?? `http://localhost:${PORT}`,
    screenshot: "on",
    trace: "retain-on-failure",
    locale: "de-DE",
    launchOptions: {
      // Debian's Chromium; Playwright must never download a browser on these machines.
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: /mobile\.spec\.ts$/ },
    // Petra on a phone (issue 14): the main pages at 390 × 844 (a current iPhone) and at 375 × 812 (the
    // narrowest still in use); mobile.spec.ts checks clipped labels, sideways overflow and axe at each width.
    {
      name: "mobile-390",
      use: { browserName: "chromium", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
      testMatch: /mobile\.spec\.ts$/,
    },
    {
      name: "mobile-375",
      use: { browserName: "chromium", viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
      testMatch: /mobile\.spec\.ts$/,
    },
  ],
  webServer: EXTERNAL_URL
    ? undefined
    : {
        command: "node --import tsx apps/api/src/server.ts",
        cwd: repoRoot,
        url: `http://localhost:${PORT}/api/health`,
        // Several demo users sign in during the suite; the production default of 10 per minute and IP would throttle it.
        env: {
          PORT: String(PORT),
          DATA_DIR: dataDir,
          NODE_ENV: "production",
          // Production refuses to start without a secret; a fresh random one per run.
          AUTH_SECRET: randomBytes(48).toString("base64url"),
          LOGIN_RATE_LIMIT: "200",
          SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}?ignoreTLS=true`,
        },
        // Migrating and seeding a new PGlite database takes a while on small machines.
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: "ignore",
        stderr: "pipe",
      },
});
