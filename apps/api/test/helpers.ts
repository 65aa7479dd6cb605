import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DatabaseHandle } from "@bgm/db";
import { sql } from "drizzle-orm";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../src/app.js";
import type { AppConfig } from "../src/config.js";
import type { Mail, Mailer } from "../src/lib/mailer.js";
import { CSRF_HEADER, CSRF_VALUE } from "../src/plugins/security.js";
import { openTestDatabase } from "./test-database.js";

export const TEST_PASSWORD = "Sicheres-Passwort-1";
export const APP_URL = "http://localhost:3000";
/** Result files of test runs go to the OS temp folder, one folder per test process. */
export const TEST_FILE_DIR = join(tmpdir(), `bgm-hub-test-files-${process.pid}`);

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** Every mail the app sent, newest last. */
  mails: Mail[];
  /**
   * Resolves once every subscription the app holds on `channel` has heard all notifications of
   * earlier commits. They arrive asynchronously after the commit (on PostgreSQL on a connection of
   * their own), so a test that checks what a notification did, or that nothing flushed a cache, waits here first.
   */
  notificationsSettled(channel: string): Promise<void>;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    env: "test",
    port: 0,
    host: "127.0.0.1",
    appUrl: APP_URL,
    authSecret: "test-secret-test-secret-test-secret-42",
    mailFrom: "test@bgm-hub.local",
    devOutbox: false,
    logLevel: "silent",
    loginRateLimit: 1000,
    results: { maxFileBytes: 20 * 1024 * 1024, storageDir: TEST_FILE_DIR, reminderDays: 5, autoAcceptDays: 14 },
    ...overrides,
  };
}

/** A fresh app on a fresh database; call close() in afterAll. */
export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  beforeReady?: (app: FastifyInstance) => void | Promise<void>,
): Promise<TestApp> {
  const database = await openTestDatabase();
  const { notificationsSettled } = recordSubscriptions(database);
  const mails: Mail[] = [];
  const mailer: Mailer = {
    async send(mail) {
      mails.push(mail);
    },
  };
  const app = await buildApp({ database, config: testConfig(overrides), mailer, logger: false, serveWeb: false });
  await beforeReady?.(app);
  await app.ready();
  return {
    app,
    database,
    mails,
    notificationsSettled,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Wraps the handle's subscribe so a test can see what the app's handlers heard. A fence notification
 * sent after some commits is delivered to each listener after theirs (PostgreSQL keeps commit order
 * per listening connection), so once every app handler heard the fence, it has handled them all.
 */
export function recordSubscriptions(database: DatabaseHandle) {
  const listeners: { channel: string; heard: Set<string> }[] = [];
  const subscribe = database.subscribe;
  database.subscribe = (channel, handlers) => {
    const listener = { channel, heard: new Set<string>() };
    listeners.push(listener);
    return subscribe(channel, {
      ...handlers,
      onNotify(payload) {
        handlers.onNotify(payload);
        listener.heard.add(payload);
      },
    });
  };
  async function notificationsSettled(channel: string) {
    const fence = `test-fence:${randomUUID()}`;
    await database.db.execute(sql`select pg_notify(${channel}, ${fence})`);
    const deadline = Date.now() + 15_000;
    const pending = () => listeners.filter((l) => l.channel === channel && !l.heard.has(fence));
    while (pending().length > 0) {
      if (Date.now() > deadline) throw new Error(`no notification on ${channel} arrived within 15 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  return { notificationsSettled };
}

/** Collects the name=value parts of Set-Cookie headers into one Cookie header. */
export function cookieFrom(res: LightMyRequestResponse): string {
  const raw = res.headers["set-cookie"];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((c) => c.split(";")[0]).join("; ");
}

export interface Api {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  raw(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

/** Requests as a signed-in user (or anonymous when cookie is empty); writes carry the CSRF header. */
export function api(app: FastifyInstance, cookie = ""): Api {
  const headers = (extra: Record<string, string> = {}) => ({
    ...(cookie ? { cookie } : {}),
    [CSRF_HEADER]: CSRF_VALUE,
    ...extra,
  });
  const send = (method: InjectOptions["method"], url: string, body?: unknown) =>
    app.inject({ method, url, headers: headers(), ...(body === undefined ? {} : { payload: body as InjectOptions["payload"] }) });
  return {
    get: (url) => app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} }),
    post: (url, body) => send("POST", url, body ?? {}),
    put: (url, body) => send("PUT", url, body ?? {}),
    patch: (url, body) => send("PATCH", url, body ?? {}),
    delete: (url) => send("DELETE", url),
    raw: (opts) => app.inject({ ...opts, headers: { ...headers(), ...(opts.headers as Record<string, string>) } }),
  };
}

export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every page of a `{ items, nextCursor }` list from `start` on, following the cursor; `pages` counts the requests. */
export async function allPages<T>(as: Api, url: string, limit = 100, start: string | null = null): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = start;
  for (let pages = 1; pages <= 1000; pages++) {
    const sep = url.includes("?") ? "&" : "?";
    const res = await as.get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    const page = res.json() as ListPage<T>;
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === null) return { items, pages };
  }
  throw new Error(`${url}: more than 1000 pages`);
}

let counter = 0;
export function uniqueEmail(prefix = "user") {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${counter}@example.de`;
}

export async function signUp(app: FastifyInstance, opts: { email?: string; name?: string; password?: string } = {}) {
  const email = opts.email ?? uniqueEmail();
  const res = await api(app).post("/api/auth/sign-up/email", {
    email,
    name: opts.name ?? "Test User",
    password: opts.password ?? TEST_PASSWORD,
  });
  if (res.statusCode !== 200) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  return { cookie: cookieFrom(res), email, userId: (res.json() as { user: { id: string } }).user.id };
}

export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD) {
  const res = await api(app).post("/api/auth/sign-in/email", { email, password });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return cookieFrom(res);
}

export interface OrgUser {
  cookie: string;
  email: string;
  userId: string;
  orgId: string;
}

async function signUpOrg(app: FastifyInstance, kind: "company" | "provider", name: string): Promise<OrgUser> {
  const user = await signUp(app, { name: `${name} Admin` });
  const res = await api(app, user.cookie).post("/api/organizations", { name, kind });
  if (res.statusCode !== 201) throw new Error(`create org failed: ${res.statusCode} ${res.body}`);
  return { ...user, orgId: (res.json() as { id: string }).id };
}

/** A new user who created a company: they are its bgm_manager. */
export const signUpCompany = (app: FastifyInstance, opts: { name?: string } = {}) => signUpOrg(app, "company", opts.name ?? "Test GmbH");
/** A new user who created a provider: they are its partner_admin. */
export const signUpProvider = (app: FastifyInstance, opts: { name?: string } = {}) => signUpOrg(app, "provider", opts.name ?? "Partner AG");

/** The id and signed token from the link of the newest invitation mail to `email` (what the invitee clicks). */
export function invitationLink(t: TestApp, email: string): { id: string; token: string } {
  const mail = t.mails.findLast((m) => m.to === email.toLowerCase() && /\/invite\//.test(m.text));
  const match = mail && /\/invite\/([^?\s]+)\?token=([\w-]+)/.exec(mail.text);
  if (!match?.[1] || !match[2]) throw new Error(`no invitation mail with a signed link to ${email}`);
  return { id: match[1], token: match[2] };
}

/** Invites a new user with `role` into the inviter's organization and accepts it; returns the new member's login. */
export async function addMember(t: TestApp, inviter: OrgUser, role: string): Promise<OrgUser> {
  const email = uniqueEmail(role);
  const inv = await api(t.app, inviter.cookie).post("/api/invitations", { email, role });
  if (inv.statusCode !== 201) throw new Error(`invite failed: ${inv.statusCode} ${inv.body}`);
  const user = await signUp(t.app, { email, name: `New ${role}` });
  const { id, token } = invitationLink(t, email);
  const acc = await api(t.app, user.cookie).post(`/api/invitations/${id}/accept`, { token });
  if (acc.statusCode !== 200) throw new Error(`accept failed: ${acc.statusCode} ${acc.body}`);
  return { ...user, orgId: inviter.orgId };
}
