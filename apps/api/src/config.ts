import { z } from "zod";
// Pure parsing only (the S3 SDK loads on first use): config may read it before the app is built.
import { type S3FileStorageOptions, s3ConfigFromEnv } from "./lib/file-storage/index.js";
import type { ResponseSerialization } from "./plugins/response-serializer.js";

const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Loopback by default: a laptop in a café must not serve the app (and its demo logins) to the network. */
  HOST: z.string().default("127.0.0.1"),
  /** PostgreSQL server; when unset the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default(".data/pglite"),
  /** Public base URL, used in e-mail links and as the trusted origin for CSRF checks. */
  APP_URL: z.string().url().optional(),
  /** Unset outside production: a random secret kept in AUTH_SECRET_FILE (never a secret known from the source). */
  AUTH_SECRET: z.string().min(32).optional(),
  AUTH_SECRET_FILE: z.string().default(".data/auth-secret"),
  /**
   * The local mail outbox at /api/dev/outbox ("auto": only in development, without SMTP, when the server
   * listens on loopback and its URL is a loopback one). It answers only requests from this machine.
   */
  DEV_OUTBOX: z.enum(["auto", "true", "false"]).default("auto"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("BGM Hub <no-reply@bgm-hub.local>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Load demo data: "auto" = on first start of an empty embedded database only. */
  SEED_DEMO: z.enum(["auto", "true", "false"]).default("auto"),
  /** Graceful shutdown: ms the node keeps serving with ready at 503, then ms in-flight requests may take. */
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Bearer token for Prometheus at /metrics; unset = no metrics (404). */
  METRICS_TOKEN: z.string().min(16).optional(),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /**
   * Behind a reverse proxy (nginx): which proxies may say who the client is (X-Forwarded-For), so rate limits
   * and logs see the client's address. "false" (default: the socket's address), "true" (any: only if nothing
   * but the proxy can reach the node), a number of hops, or addresses/CIDR ranges separated by commas.
   */
  TRUST_PROXY: z.string().default("false"),
  /**
   * Discovery answers are cached per query; writes through this process invalidate at once, the TTL
   * bounds how stale another instance's answers can be (0 turns the cache off). See ADR 0006.
   */
  DISCOVERY_CACHE_TTL_S: z.coerce.number().int().min(0).max(3600).default(30),
  DISCOVERY_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(100_000).default(1000),
  /** Partner result files: size limit in megabytes and the folder they are kept in (outside the web root). */
  RESULT_FILE_MAX_MB: z.coerce.number().min(1).max(500).default(20),
  FILE_STORAGE_DIR: z.string().default(".data/files"),
  /** "true": FILE_STORAGE_DIR is a mount every API node shares, so several nodes may use it (see README). */
  FILE_STORAGE_SHARED: z.enum(["true", "false"]).default("false"),
  /** Days after delivery until the manager is reminded, and until an unanswered delivery is accepted. */
  RESULT_REMINDER_DAYS: z.coerce.number().int().min(1).max(365).default(5),
  RESULT_AUTO_ACCEPT_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** S3-compatible storage for result files instead of FILE_STORAGE_DIR when S3_BUCKET is set (see README). */
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.string().optional(),
  S3_REGION: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.string().optional(),
  S3_PREFIX: z.string().optional(),
  S3_SERVER_SIDE_ENCRYPTION: z.string().optional(),
  /** The job queue's worker loop in this process ("auto": on, except in tests, which run due jobs themselves). */
  JOB_WORKER: z.enum(["auto", "true", "false"]).default("auto"),
  JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Webhook URLs may point at loopback and private addresses (tests, local development only). */
  WEBHOOK_ALLOW_PRIVATE: z.enum(["true", "false"]).default("false"),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /**
   * The partner buddy's language model (ADR 0023): an OpenAI-compatible endpoint (…/v1/chat/completions,
   * e.g. Ollama or vLLM). Unset LLM_BASE_URL or LLM_MODEL = the rules answer; the key is optional (Ollama needs none).
   */
  LLM_BASE_URL: z.string().url().optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_API_KEY: z.string().optional(),
  /** ms until the model's first word (or tool call); later, or down, or an error: the rules answer. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  /** ms a whole model answer may take (tool round trips included) before the rules answer instead. */
  LLM_MAX_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
});
export type Env = z.infer<typeof Env>;

export interface AppConfig {
  env: Env["NODE_ENV"];
  port: number;
  host: string;
  appUrl: string;
  authSecret: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Serve the local mail outbox (to loopback requests only); see DEV_OUTBOX. */
  devOutbox: boolean;
  logLevel: Env["LOG_LEVEL"];
  loginRateLimit: number;
  /** Fastify's trustProxy from TRUST_PROXY (absent = false). */
  trustProxy?: TrustProxy;
  /** METRICS_TOKEN: /metrics answers only with it (Bearer); absent = 404. */
  metricsToken?: string;
  /** Absent (tests, bench): the defaults of DISCOVERY_CACHE_*; ttlMs 0 turns the cache off. */
  discoveryCache?: { ttlMs: number; maxEntries: number };
  /** Absent: compiled serializers in production, Zod validation of every response elsewhere (plugins/response-serializer.ts). */
  responseSerialization?: ResponseSerialization;
  results: { maxFileBytes: number; storageDir: string; s3?: S3FileStorageOptions; reminderDays: number; autoAcceptDays: number };
  /** Absent: the worker loop runs outside tests, polling every second (JOB_WORKER, JOB_POLL_MS). */
  jobs?: { worker: boolean; pollMs: number };
  /** Absent: public addresses only, 10 s timeout (WEBHOOK_ALLOW_PRIVATE, WEBHOOK_TIMEOUT_MS). */
  webhooks?: { allowPrivate: boolean; timeoutMs: number };
  /** The buddy's language model (LLM_*); absent: the buddy answers by its rules only. */
  llm?: LlmConfig;
}

export interface LlmConfig {
  /** The endpoint's base, up to and including /v1 (…/chat/completions is appended). */
  baseUrl: string;
  model: string;
  apiKey?: string;
  firstTokenTimeoutMs: number;
  maxMs: number;
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return Env.parse(source);
}

export const appUrlOf = (env: Env) => env.APP_URL ?? `http://localhost:${env.PORT}`;

/** Addresses only this machine can reach: 127.0.0.0/8, ::1 (also IPv4-mapped) and the name localhost. */
export function isLoopback(hostOrAddress: string | undefined): boolean {
  if (!hostOrAddress) return false;
  const h = hostOrAddress.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(h);
}

/** "auto" turns the outbox on only where nobody but the person at this machine can reach the app. */
export function devOutboxEnabled(env: Env): boolean {
  if (env.DEV_OUTBOX === "false" || env.NODE_ENV === "production") return false;
  if (env.DEV_OUTBOX === "true") return true;
  return env.NODE_ENV === "development" && !env.SMTP_URL && isLoopback(env.HOST) && isLoopback(new URL(appUrlOf(env)).hostname);
}

export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

/** TRUST_PROXY as Fastify's trustProxy: false, true, a hop count or a list of addresses/CIDR ranges. */
export function parseTrustProxy(value: string): TrustProxy {
  const v = value.trim().toLowerCase();
  if (v === "" || v === "false" || v === "0") return false;
  if (v === "true") return true;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_address, hop) => hop < hops;
  }
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** `authSecret`: AUTH_SECRET, or (outside production) the generated one from AUTH_SECRET_FILE. */
export function toAppConfig(env: Env, secrets: { authSecret?: string } = {}): AppConfig {
  const authSecret = env.AUTH_SECRET ?? secrets.authSecret;
  if (!authSecret) throw new Error("AUTH_SECRET is not set");
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    appUrl: appUrlOf(env),
    authSecret,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    devOutbox: devOutboxEnabled(env),
    logLevel: env.LOG_LEVEL,
    loginRateLimit: env.LOGIN_RATE_LIMIT,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    metricsToken: env.METRICS_TOKEN,
    discoveryCache: { ttlMs: env.DISCOVERY_CACHE_TTL_S * 1000, maxEntries: env.DISCOVERY_CACHE_MAX_ENTRIES },
    results: {
      maxFileBytes: Math.round(env.RESULT_FILE_MAX_MB * 1024 * 1024),
      storageDir: env.FILE_STORAGE_DIR,
      s3: s3ConfigFromEnv({
        S3_BUCKET: env.S3_BUCKET,
        S3_ENDPOINT: env.S3_ENDPOINT,
        S3_REGION: env.S3_REGION,
        S3_ACCESS_KEY_ID: env.S3_ACCESS_KEY_ID,
        S3_SECRET_ACCESS_KEY: env.S3_SECRET_ACCESS_KEY,
        S3_FORCE_PATH_STYLE: env.S3_FORCE_PATH_STYLE,
        S3_PREFIX: env.S3_PREFIX,
        S3_SERVER_SIDE_ENCRYPTION: env.S3_SERVER_SIDE_ENCRYPTION,
      }),
      reminderDays: env.RESULT_REMINDER_DAYS,
      autoAcceptDays: env.RESULT_AUTO_ACCEPT_DAYS,
    },
    jobs: { worker: env.JOB_WORKER === "auto" ? env.NODE_ENV !== "test" : env.JOB_WORKER === "true", pollMs: env.JOB_POLL_MS },
    webhooks: { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE === "true", timeoutMs: env.WEBHOOK_TIMEOUT_MS },
    llm:
      env.LLM_BASE_URL && env.LLM_MODEL
        ? {
            baseUrl: env.LLM_BASE_URL,
            model: env.LLM_MODEL,
            apiKey: env.LLM_API_KEY || undefined,
            firstTokenTimeoutMs: env.LLM_TIMEOUT_MS,
            maxMs: env.LLM_MAX_MS,
          }
        : undefined,
  };
}
