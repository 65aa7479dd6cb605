import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

export const webDist = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/** Serves the built single-page app; unknown non-API paths get index.html so client routes work. */
export const webAppPlugin = fp(async (app: FastifyInstance) => {
  if (!existsSync(webDist)) {
    app.log.warn("apps/web/dist not found: run `npm run build` to serve the web app");
    return;
  }
  await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ["index.html"] });
  app.get("/*", { schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith("/api/")) {
      return reply.status(404).send({ error: { code: "not_found", message: "Route not found" } });
    }
    return reply.sendFile("index.html");
  });
});
