import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { devOutboxEnabled, isLoopback, loadEnv } from "../config.js";
import { localAuthSecret } from "./auth-secret.js";
import { checkDemoLogins, checkEnvironment } from "./environment-checks.js";

const env = (vars: Record<string, string> = {}) => loadEnv(vars);

describe("start-up defaults", () => {
  it("listens on loopback unless told otherwise", () => {
    expect(env().HOST).toBe("127.0.0.1");
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopback("[::1]")).toBe(true);
    expect(isLoopback("0.0.0.0")).toBe(false);
    expect(isLoopback("127.0.0.1.evil.example")).toBe(false);
  });

  it("turns the outbox on only for a local development start", () => {
    expect(devOutboxEnabled(env())).toBe(true);
    expect(devOutboxEnabled(env({ HOST: "0.0.0.0" }))).toBe(false);
    expect(devOutboxEnabled(env({ APP_URL: "https://bgm.example.de" }))).toBe(false);
    expect(devOutboxEnabled(env({ SMTP_URL: "smtp://mail.example.de" }))).toBe(false);
    expect(devOutboxEnabled(env({ NODE_ENV: "production" }))).toBe(false);
    expect(devOutboxEnabled(env({ NODE_ENV: "production", DEV_OUTBOX: "true" }))).toBe(false);
    expect(devOutboxEnabled(env({ DEV_OUTBOX: "false" }))).toBe(false);
    expect(devOutboxEnabled(env({ HOST: "0.0.0.0", DEV_OUTBOX: "true" }))).toBe(true);
  });
});

describe("production-like starts", () => {
  it("refuse a missing AUTH_SECRET, demo seeding and the outbox in production", () => {
    const { errors } = checkEnvironment(env({ NODE_ENV: "production", SEED_DEMO: "true", DEV_OUTBOX: "true" }));
    expect(errors).toHaveLength(3);
    expect(errors.join(" ")).toMatch(/AUTH_SECRET/);
    expect(errors.join(" ")).toMatch(/SEED_DEMO/);
    expect(errors.join(" ")).toMatch(/DEV_OUTBOX/);
    expect(checkEnvironment(env({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) })).errors).toEqual([]);
  });

  it("warn loudly when a development start listens on the network", () => {
    const { errors, warnings } = checkEnvironment(env({ HOST: "0.0.0.0" }));
    expect(errors).toEqual([]);
    expect(warnings.join(" ")).toMatch(/other machines can reach/);
    expect(checkEnvironment(env()).warnings).toEqual([]);
  });

  it("refuse demo accounts with the published password on a network address in production, warn elsewhere", () => {
    const demo = ["admin@bgm-hub.de"];
    const prod = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) };
    expect(checkDemoLogins(env({ ...prod, HOST: "0.0.0.0" }), demo).errors).toHaveLength(1);
    expect(checkDemoLogins(env({ ...prod }), demo)).toMatchObject({ errors: [], warnings: [expect.stringMatching(/this machine only/)] });
    expect(checkDemoLogins(env({ HOST: "0.0.0.0" }), demo)).toMatchObject({ errors: [], warnings: [expect.stringMatching(/Anyone/)] });
    expect(checkDemoLogins(env({ ...prod, HOST: "0.0.0.0" }), [])).toEqual({ errors: [], warnings: [] });
  });

  it("generate the local AUTH_SECRET once, random, readable by the owner only", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bgm-secret-"));
    const file = join(dir, "nested", "auth-secret");
    const first = await localAuthSecret(file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await localAuthSecret(file)).toBe(first);
    expect((await readFile(file, "utf8")).trim()).toBe(first);
    expect((await stat(file)).mode & 0o077).toBe(0);
    expect(await localAuthSecret(join(dir, "other"))).not.toBe(first);
  });
});
