import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import http from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childDatabaseEnv, childServerEnv } from "../../test/child-server.js";

/**
 * The real server in a child process, compiled as `npm start` runs it (plain node, no tsx): a request
 * whose body is still arriving when SIGTERM comes must get its answer, readiness must say 503 meanwhile,
 * and the process must exit 0 after closing the database.
 */
const root = fileURLToPath(new URL("../../../..", import.meta.url));
const serverJs = join(root, "apps/api/dist/server.js");

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(root, "scripts/build-api.mjs")], { cwd: root, encoding: "utf8" });
  expect(built.status, `${built.stdout}${built.stderr}`).toBe(0);
}, 120_000);

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const collect = (res: http.IncomingMessage) =>
  new Promise<Answer>((resolve, reject) => {
    let body = "";
    res.setEncoding("utf8");
    res.on("data", (c) => {
      body += c;
    });
    res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    res.on("error", reject);
  });

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function startServer(port: number, extraEnv: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [serverJs], {
    cwd: root,
    env: childServerEnv(port, "shutdown", { LOG_LEVEL: "info", SHUTDOWN_DELAY_MS: "1500", SHUTDOWN_GRACE_MS: "10000", ...extraEnv }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (c) => {
    out += c;
  });
  child.stderr?.on("data", (c) => {
    out += c;
  });
  cleanups.push(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 150_000);
    child.stdout?.on("data", () => {
      if (out.includes("is running")) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${out}`));
    });
  });
}

describe("graceful shutdown", () => {
  it("finishes a running request, answers ready with 503 while draining, and exits 0", async () => {
    const port = await freePort();
    const { child, output } = await startServer(port, await childDatabaseEnv(cleanups, "bgm-shutdown-"));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    cleanups.push(() => agent.destroy());
    const get = (path: string) =>
      new Promise<Answer>((resolve, reject) => {
        http.get({ host: "127.0.0.1", port, path, agent }, (res) => collect(res).then(resolve, reject)).on("error", reject);
      });

    expect((await get("/api/health/ready")).status).toBe(200);

    // The slow request: its headers are in, half of its body too; the rest follows after SIGTERM.
    const body = JSON.stringify({ email: "niemand@example.de", password: "falsches-passwort-1" });
    const slow = http.request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/api/auth/sign-in/email",
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        "x-requested-with": "bgm-hub",
        origin: `http://127.0.0.1:${port}`,
      },
    });
    const slowAnswer = new Promise<Answer>((resolve, reject) => {
      slow.on("response", (res) => collect(res).then(resolve, reject));
      slow.on("error", reject);
    });
    slow.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 300));

    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 400));
    // Within SHUTDOWN_DELAY_MS: still serving, but no longer ready.
    const draining = await get("/api/health/ready");
    expect(draining.status).toBe(503);
    expect(draining.headers["retry-after"]).toBe("5");
    expect(JSON.parse(draining.body)).toMatchObject({ error: { code: "unavailable", details: { reason: "draining" } } });
    agent.destroy();

    // After the delay the listener is closed: new connections are refused, the slow request still runs.
    await new Promise((r) => setTimeout(r, 1500));
    const refused = await new Promise<string>((resolve) => {
      http
        .get({ host: "127.0.0.1", port, path: "/api/health", agent: false }, (res) => {
          res.resume();
          resolve(`answered ${res.statusCode}`);
        })
        .on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
    });
    expect(refused).toBe("ECONNREFUSED");
    expect(child.exitCode).toBe(null);

    slow.end(body.slice(10));
    const answer = await slowAnswer;
    expect(answer.status, answer.body).toBe(401);

    expect(await exited, output()).toBe(0);
    expect(output()).toContain("stopped cleanly");
    expect(output()).not.toMatch(/tsx/);
  }, 240_000);
});
