import { configDefaults, defineConfig } from "vitest/config";

// *.pg.test.ts need a PostgreSQL server (two connection pools on one database: job workers, advisory locks).
// They run in the PostgreSQL tier (`npm run test:pg`, which sets TEST_DATABASE_URL) and are left out of the
// PGlite run instead of being reported as skipped there.
const pgOnly = process.env.TEST_DATABASE_URL ? [] : ["**/*.pg.test.ts"];

export default defineConfig({
  test: {
    // Web tests cover pure helpers only: they run in the node environment, without a DOM.
    include: ["apps/api/**/*.test.ts", "packages/**/*.test.ts", "apps/web/src/**/*.test.ts", "apps/web/*.test.ts"],
    exclude: [...configDefaults.exclude, ...pgOnly],
    globalSetup: ["apps/api/test/global-setup.ts"],
    // PGlite needs a few seconds per fresh instance on 2 cores; see docs/stack-notes.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    reporters: ["default"],
  },
});
