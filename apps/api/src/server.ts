import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { openDatabase } from "@bgm/db";
import { buildApp } from "./app.js";
import { loadEnv, toAppConfig } from "./config.js";
import { newLifecycle } from "./lib/lifecycle.js";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./seed/demo-logins.js";
import { isEmptyDatabase, seedDemo } from "./seed/seed-demo.js";
import { seedParticipationIntoExistingDemo } from "./seed/seed-participation.js";
import { localAuthSecret } from "./startup/auth-secret.js";
import { workingDemoLogins } from "./startup/demo-logins-check.js";
import { checkDemoLogins, checkEnvironment, type StartupFindings } from "./startup/environment-checks.js";
import { installGracefulShutdown } from "./startup/graceful-shutdown.js";
import { claimLocalFileStore, claimPgliteFolder } from "./startup/node-locks.js";

/** Warnings go to stderr in a frame nobody overlooks; errors stop the start before anything listens. */
function report(findings: StartupFindings) {
  for (const w of findings.warnings) process.stderr.write(`\n!!! WARNING: ${w}\n`);
  if (findings.errors.length === 0) return;
  for (const e of findings.errors) process.stderr.write(`\n!!! REFUSING TO START: ${e}\n`);
  process.exit(1);
}

const env = loadEnv();
report(checkEnvironment(env));
const config = toAppConfig(env, { authSecret: env.AUTH_SECRET ?? (await localAuthSecret(resolve(env.AUTH_SECRET_FILE))) });
// One process per embedded database folder (PGlite is single-process).
let releaseFolder: (() => void) | undefined;
if (!env.DATABASE_URL) {
  mkdirSync(resolve(env.DATA_DIR), { recursive: true });
  const claim = claimPgliteFolder(resolve(env.DATA_DIR));
  if ("refused" in claim) report({ warnings: [], errors: [claim.refused] });
  else releaseFolder = claim.release;
  process.on("exit", () => releaseFolder?.());
}
const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: resolve(env.DATA_DIR) });
// On PostgreSQL under an advisory lock: nodes starting together migrate one after the other.
await database.migrate();
const fileStoreRefusal = await claimLocalFileStore(database, {
  usesS3: config.results.s3 !== undefined,
  sharedFolder: env.FILE_STORAGE_SHARED === "true",
  storageDir: resolve(config.results.storageDir),
});
if (fileStoreRefusal) {
  await database.close();
  report({ warnings: [], errors: [fileStoreRefusal] });
}

const lifecycle = newLifecycle();
const app = await buildApp({ database, config, lifecycle });

// Demo data: automatically only on the first start of an empty embedded database; on a PostgreSQL
// server only when SEED_DEMO=true, so nobody's real database ever gets demo people in it.
const wantSeed = env.SEED_DEMO === "true" || (env.SEED_DEMO === "auto" && database.kind === "pglite");
let seeded = false;
// Under the start-up lock: of several nodes starting together on one database, one loads the demo data.
await database.exclusive("startup", async () => {
  if (wantSeed && (await isEmptyDatabase(database.db))) {
    app.log.info("loading demo data");
    await seedDemo(database.db, app.auth);
    seeded = true;
  } else if (wantSeed && (await seedParticipationIntoExistingDemo(database.db))) {
    // A demo database from before participation tracking: its demo company gets interventions too (once).
    app.log.info("added participation demo data to the existing demo company");
  }
});
const demoLogins = await workingDemoLogins(database.db);
report(checkDemoLogins(env, demoLogins));

await app.listen({ port: config.port, host: config.host });

const lines = [
  "",
  `BGM Hub läuft / is running: ${config.appUrl}`,
  `Database: ${database.kind === "pglite" ? `embedded PGlite in ${resolve(env.DATA_DIR)}` : "PostgreSQL server"}${seeded ? " (demo data loaded)" : ""}`,
  `API reference: ${config.appUrl}/api/docs`,
];
if (config.devOutbox) lines.push(`Mail outbox (this machine only): ${config.appUrl}/dev/outbox`);
else if (!config.smtpUrl) lines.push("Mails are kept in the local outbox table (DEV_OUTBOX=true shows them to this machine).");
if (demoLogins.length > 0) {
  lines.push(`Demo logins (password ${DEMO_PASSWORD}):`);
  for (const l of DEMO_LOGINS.filter((d) => demoLogins.includes(d.email)))
    lines.push(`  ${l.role.padEnd(15)} ${l.email}${l.org ? `  (${l.org})` : ""}`);
}
process.stdout.write(`${lines.join("\n")}\n\n`);

installGracefulShutdown({
  app,
  database,
  lifecycle,
  graceMs: env.SHUTDOWN_GRACE_MS,
  delayMs: env.SHUTDOWN_DELAY_MS,
  log: (message) => app.log.info(`shutdown: ${message}`),
});
