import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * The API serves the built SPA from apps/web/dist and lists its files once at start-up, so the build
 * must exist before Playwright starts the server — hence this runs while the config loads, not in
 * globalSetup (which runs after the web server is up). E2E_REBUILD=1 forces a fresh build.
 */
export function ensureWebBuild(repoRoot: string): void {
  const indexHtml = join(repoRoot, "apps/web/dist/index.html");
  if (existsSync(indexHtml) && process.env.E2E_REBUILD !== "1") return;
  // Workers load the config too; only the first load (the runner) may build.
  process.env.E2E_REBUILD = "0";
  execFileSync("npm", ["run", "build", "-w", "@bgm/web"], { cwd: repoRoot, stdio: "inherit" });
}
