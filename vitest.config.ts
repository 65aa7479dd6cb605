import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Web tests cover pure helpers only: they run in the node environment, without a DOM.
    include: ["apps/api/**/*.test.ts", "packages/**/*.test.ts", "apps/web/src/**/*.test.ts"],
    globalSetup: ["apps/api/test/global-setup.ts"],
    // PGlite needs a few seconds per fresh instance on 2 cores; see docs/stack-notes.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    reporters: ["default"],
  },
});
