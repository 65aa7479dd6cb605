import { resolve } from "node:path";
import { openDatabase } from "@bgm/db";
import { buildApp } from "./app.js";
import { loadEnv, toAppConfig } from "./config.js";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./seed/demo-logins.js";
import { isEmptyDatabase, seedDemo } from "./seed/seed-demo.js";

const env = loadEnv();
const config = toAppConfig(env);
const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: resolve(env.DATA_DIR) });
await database.migrate();

const app = await buildApp({ database, config });

// Demo data: automatically only on the first start of an empty embedded database; on a PostgreSQL
// server only when SEED_DEMO=true, so nobody's real database ever gets demo people in it.
const wantSeed = env.SEED_DEMO === "true" || (env.SEED_DEMO === "auto" && database.kind === "pglite");
let seeded = false;
if (wantSeed && (await isEmptyDatabase(database.db))) {
  app.log.info("loading demo data");
  await seedDemo(database.db, app.auth);
  seeded = true;
}

await app.listen({ port: config.port, host: config.host });

const lines = [
  "",
  `BGM Hub läuft / is running: ${config.appUrl}`,
  `Database: ${database.kind === "pglite" ? `embedded PGlite in ${resolve(env.DATA_DIR)}` : "PostgreSQL server"}${seeded ? " (demo data loaded)" : ""}`,
  `API reference: ${config.appUrl}/api/docs`,
];
if (database.kind === "pglite" || env.SEED_DEMO === "true") {
  lines.push(`Demo logins (password ${DEMO_PASSWORD}):`);
  for (const l of DEMO_LOGINS) lines.push(`  ${l.role.padEnd(15)} ${l.email}${l.org ? `  (${l.org})` : ""}`);
}
process.stdout.write(`${lines.join("\n")}\n\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}
