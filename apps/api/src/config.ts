import { z } from "zod";

const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** PostgreSQL server; when unset the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default(".data/pglite"),
  /** Public base URL, used in e-mail links and as the trusted origin for CSRF checks. */
  APP_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("BGM Hub <no-reply@bgm-hub.local>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Load demo data: "auto" = on first start of an empty embedded database only. */
  SEED_DEMO: z.enum(["auto", "true", "false"]).default("auto"),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
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
  logLevel: Env["LOG_LEVEL"];
  loginRateLimit: number;
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return Env.parse(source);
}

// A fixed development secret keeps sessions valid across restarts on a newcomer's machine;
// production must set AUTH_SECRET (enforced below).
const DEV_SECRET = "bgm-hub-development-secret-change-me-in-production";

export function toAppConfig(env: Env): AppConfig {
  if (env.NODE_ENV === "production" && !env.AUTH_SECRET && env.DATABASE_URL) {
    throw new Error("AUTH_SECRET must be set when running against a PostgreSQL server in production");
  }
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    appUrl: env.APP_URL ?? `http://localhost:${env.PORT}`,
    authSecret: env.AUTH_SECRET ?? DEV_SECRET,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    logLevel: env.LOG_LEVEL,
    loginRateLimit: env.LOGIN_RATE_LIMIT,
  };
}
