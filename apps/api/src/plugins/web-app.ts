import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isSignInShellPath } from "@bgm/domain";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

export const webDist = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/** Vite's output folder for hashed files (`build.assetsDir`): a new build gives a changed file a new name. */
const ASSETS = "/assets/";
const IMMUTABLE = "public, max-age=31536000, immutable";
/** index.html names the current hashed files: the browser may keep it but must ask (ETag) before using it. */
const REVALIDATE = "no-cache";

function isHashedAsset(filePath: string): boolean {
  return filePath.replaceAll("\\", "/").includes(ASSETS);
}

/**
 * Serves the built single-page app; unknown non-API paths get the app's page so client routes work: the sign-in
 * shell's paths index.html, every other one app.html (the build's index.html that also preloads the first
 * signed-in page's files, apps/web/first-page-chunks.ts; index.html where a build has none).
 *
 * The build writes brotli and gzip siblings of each file (apps/web/vite.config.ts); `preCompressed` sends the
 * best one the browser accepts, so nothing is compressed per request. Hashed assets are cached for a year
 * without revalidation; index.html (also as the fallback of client routes) always revalidates, so a new
 * release is picked up on the next visit.
 */
export const webAppPlugin = fp(async (app: FastifyInstance, opts: { root?: string }) => {
  const root = opts.root ?? webDist;
  if (!existsSync(root)) {
    app.log.warn("apps/web/dist not found: run `npm run build` to serve the web app");
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    // "/" too is a client route (the dashboard): app.html, from the handler below.
    index: false,
    preCompressed: true,
    // The compressed siblings are variants of their file, not URLs of their own (and dot folders, like
    // Vite's manifest in .vite/, are never served).
    globIgnore: ["**/*.br", "**/*.gz"],
    cacheControl: false,
    setHeaders: (res, filePath) => {
      res.setHeader("cache-control", isHashedAsset(filePath) ? IMMUTABLE : REVALIDATE);
      // The same URL answers differently by Accept-Encoding: caches must keep the variants apart.
      res.setHeader("vary", "accept-encoding");
    },
  });
  const appPage = existsSync(join(root, "app.html")) ? "app.html" : "index.html";
  app.get("/*", { schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith("/api/")) {
      return reply.status(404).send({ error: { code: "not_found", message: "Route not found" } });
    }
    // A hashed file this build does not have (a tab still running the previous release asks for its
    // chunks): a 404 the app's lazy import can fail on, not index.html with 200 under a script's name.
    if (req.url.startsWith(ASSETS)) {
      return reply.status(404).send({ error: { code: "not_found", message: "File not found" } });
    }
    return reply.sendFile(isSignInShellPath(req.url) ? "index.html" : appPage);
  });
});
