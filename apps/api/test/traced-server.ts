import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect } from "vitest";
import { childDatabaseEnv, childServerEnv } from "./child-server.js";

/**
 * Shared by the tracing tests (src/otel.test.ts, and src/otel.pg.test.ts for the database spans a pg
 * connection gives): the compiled server started as `npm run serve` starts it (`node --import dist/otel.js
 * dist/server.js`) with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a tiny OTLP/HTTP collector here (JSON bodies on
 * /v1/traces), after a search with an e-mail address in its query string and a sign-in with one in its body.
 * Each file builds its own bundle (under apps/api/dist/), so two files running at once never start a bundle
 * the other is rewriting.
 */

const root = fileURLToPath(new URL("../../..", import.meta.url));
export const EMAIL = "erika.mustermann@example.de";

export interface OtlpSpan {
  name: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}
export const attr = (s: OtlpSpan, key: string) => {
  const v = s.attributes.find((a) => a.key === key)?.value;
  return v ? Object.values(v)[0] : undefined;
};

export interface TracedServer {
  /** Every export the collector received, as sent (JSON) and as spans. */
  received: { raw: string; spans: OtlpSpan[] }[];
  spans(): OtlpSpan[];
  /** The server's stdout and stderr, for failure messages. */
  output(): string;
}

const listen = (server: http.Server) =>
  new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));

/** Starts the traced server and the collector before the file's tests and stops them after. */
export function useTracedServer(): TracedServer {
  const received: TracedServer["received"] = [];
  const spans = () => received.flatMap((r) => r.spans);
  let output = "";
  let collector: http.Server | undefined;
  let child: ChildProcess | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    const outdir = join(root, "apps/api/dist", `traced-${process.pid}-${randomUUID().slice(0, 8)}`);
    cleanups.push(() => rmSync(outdir, { recursive: true, force: true }));
    const built = spawnSync(process.execPath, [join(root, "scripts/build-api.mjs"), `--outdir=${relative(root, outdir)}`], {
      cwd: root,
      encoding: "utf8",
    });
    expect(built.status, `${built.stdout}${built.stderr}`).toBe(0);

    collector = http.createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        if (req.method === "POST" && req.url === "/v1/traces") {
          const parsed = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
          received.push({ raw: body, spans: parsed.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)) });
        }
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    const collectorPort = await listen(collector);

    const probe = http.createServer();
    const port = await listen(probe);
    await new Promise((r) => probe.close(r));

    child = spawn(process.execPath, ["--import", join(outdir, "otel.js"), join(outdir, "server.js")], {
      cwd: root,
      env: childServerEnv(port, "otel", {
        LOG_LEVEL: "warn",
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}`,
        OTEL_BSP_SCHEDULE_DELAY: "100",
        OTEL_SERVICE_NAME: "bgm-hub-test",
        ...(await childDatabaseEnv(cleanups, "bgm-otel-")),
      }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (c) => {
      output += c;
    });
    child.stderr?.on("data", (c) => {
      output += c;
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
      const ok = await fetch(`${base}/api/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (i > 600) throw new Error(`server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    // A search with an e-mail address in the query string, and a sign-in with one in the body.
    await fetch(`${base}/api/marketplace/offerings?q=${encodeURIComponent(EMAIL)}`);
    await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-requested-with": "bgm-hub" },
      body: JSON.stringify({ email: EMAIL, password: "falsches-Passwort-1" }),
    });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !spans().some((s) => attr(s, "http.route") === "/api/auth/*")) {
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 240_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    await new Promise((r) => (collector ? collector.close(r) : r(undefined)));
    for (const c of cleanups.reverse()) await c();
  });

  return { received, spans, output: () => output };
}
