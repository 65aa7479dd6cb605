import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityPlugin } from "./security.js";
import { webAppPlugin } from "./web-app.js";

/** A build as Vite writes it: index.html, hashed assets with brotli/gzip siblings, the manifest in .vite/. */
const INDEX = `<!doctype html><html lang="de"><head><script type="module" src="/assets/index-AbC123.js"></script></head><body>${"<div></div>".repeat(200)}</body></html>`;
/** index.html plus the first signed-in page's preloads (apps/web/first-page-chunks.ts): every page but sign-in. */
const APP_PAGE = INDEX.replace("</head>", `<link rel="modulepreload" crossorigin href="/assets/app-Def456.js"></head>`);
const SCRIPT = `export const pages = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `page ${i}`))};`;
const SMALL = "export const x = 1;";

let dist: string;
let app: FastifyInstance;

function writeWithSiblings(path: string, text: string) {
  writeFileSync(path, text);
  writeFileSync(`${path}.br`, brotliCompressSync(text));
  writeFileSync(`${path}.gz`, gzipSync(text));
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "bgm-web-dist-"));
  mkdirSync(join(dist, "assets"));
  mkdirSync(join(dist, ".vite"));
  writeWithSiblings(join(dist, "index.html"), INDEX);
  writeWithSiblings(join(dist, "app.html"), APP_PAGE);
  writeWithSiblings(join(dist, "assets/index-AbC123.js"), SCRIPT);
  // Below the build's threshold: no compressed siblings.
  writeFileSync(join(dist, "assets/tiny-XyZ789.js"), SMALL);
  writeFileSync(join(dist, ".vite/manifest.json"), "{}");
  app = Fastify({ logger: false });
  await app.register(securityPlugin, { appUrl: "http://localhost:3000" });
  await app.register(webAppPlugin, { root: dist });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: "GET", url, headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } });

describe("web app: compression and caching", () => {
  it("sends a hashed asset precompressed, brotli first, and lets it be cached for a year", async () => {
    const br = await get("/assets/index-AbC123.js", "gzip, deflate, br, zstd");
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/^(text|application)\/javascript/);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 2);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);

    const gz = await get("/assets/index-AbC123.js", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const identity = await get("/assets/index-AbC123.js");
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.headers.vary).toMatch(/accept-encoding/i);
    expect(identity.body).toBe(SCRIPT);
  });

  it("sends a file without compressed siblings as it is", async () => {
    const res = await get("/assets/tiny-XyZ789.js", "br, gzip");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.body).toBe(SMALL);
  });

  it("answers / and client routes with the app's page, the sign-in page with index.html: revalidated, compressed, under the CSP", async () => {
    const pages: [string, string][] = [
      ["/", APP_PAGE],
      ["/phases/2?tab=tasks", APP_PAGE],
      ["/.vite/manifest.json", APP_PAGE],
      ["/login", INDEX],
      ["/login?redirect=%2Fphases%2F2", INDEX],
      ["/index.html", INDEX],
    ];
    for (const [url, page] of pages) {
      const res = await get(url, "br, gzip");
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"], url).toMatch(/^text\/html/);
      expect(res.headers["content-encoding"], url).toBe("br");
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(res.headers.vary, url).toMatch(/accept-encoding/i);
      expect(res.headers["content-security-policy"], url).toContain("script-src 'self'");
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(page);
    }
    const plain = await get("/engagements/123");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(APP_PAGE);
  });

  it("answers every client route with index.html when the build has no app.html", async () => {
    const oldDist = mkdtempSync(join(tmpdir(), "bgm-web-dist-"));
    writeWithSiblings(join(oldDist, "index.html"), INDEX);
    const oldApp = Fastify({ logger: false });
    await oldApp.register(webAppPlugin, { root: oldDist });
    try {
      for (const url of ["/", "/login", "/phases/2"]) {
        const res = await oldApp.inject({ method: "GET", url });
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).toBe(INDEX);
      }
    } finally {
      await oldApp.close();
      rmSync(oldDist, { recursive: true, force: true });
    }
  });

  it("does not serve the compressed siblings as files of their own", async () => {
    const res = await get("/assets/index-AbC123.js.br", "br");
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: "not_found", message: "File not found" } });
  });

  it("answers a hashed file this build does not have with 404, not with index.html", async () => {
    const res = await get("/assets/index-OldHash.js", "br, gzip");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("leaves unknown API paths a JSON 404 that is never cached", async () => {
    const res = await get("/api/nothing-here", "br, gzip");
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: "not_found", message: "Route not found" } });
    expect(res.headers["cache-control"]).toBe("no-store");
  });
});
