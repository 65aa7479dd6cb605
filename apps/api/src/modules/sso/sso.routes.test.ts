import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_URL, api, cookieFrom, type OrgUser, signUp, signUpCompany, TEST_PASSWORD, testConfig } from "../../../test/helpers.js";
import { openTestDatabase } from "../../../test/test-database.js";
import { buildApp } from "../../app.js";

/**
 * Company SSO against a real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1 with a random
 * port. The provider's login page is replaced by a handler that signs in `nextAccount`; consent is implied.
 */
const CLIENT = { id: "bgm-hub", secret: "bgm-hub-client-secret-0123456789" };
const OTHER = { id: "other-app", secret: "other-app-client-secret-0123456789" };
const ACCOUNTS: Record<string, { email: string; name: string; groups?: string[] }> = {
  alice: { email: "alice@acme-sso.test", name: "Alice Anders" },
  bob: { email: "bob@acme-sso.test", name: "Bob Boss", groups: ["bgm-admins"] },
  carol: { email: "carol@acme-sso.test", name: "Carol Carlsen" },
  mallory: { email: "mallory@elsewhere.test", name: "Mallory" },
};

let nextAccount = "alice";
/** When set, the provider is asked on behalf of OTHER (the ID token's audience is another client). */
let impersonateOther = false;

async function startProvider(): Promise<{ issuer: string; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const redirect = `${APP_URL}/api/sso/callback`;
  const provider = new Provider(issuer, {
    clients: [
      { client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [redirect], token_endpoint_auth_method: "client_secret_basic" },
      { client_id: OTHER.id, client_secret: OTHER.secret, redirect_uris: [redirect], token_endpoint_auth_method: "client_secret_basic" },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["test-cookie-key-0123456789"] },
    async findAccount(_ctx: unknown, id: string) {
      const account = ACCOUNTS[id];
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name, groups: account.groups }),
      };
    },
    // biome-ignore lint/suspicious/noExplicitAny: the provider's context is untyped (oidc-provider.d.ts)
    async loadExistingGrant(ctx: any) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client?.clientId, accountId: ctx.oidc.session?.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  // A token for another client: the authorization and the code exchange are done as OTHER.
  provider.use(async (ctx, next) => {
    if (impersonateOther && ctx.path === "/auth" && ctx.query.client_id === CLIENT.id) {
      const q = new URLSearchParams(ctx.querystring);
      q.set("client_id", OTHER.id);
      ctx.querystring = q.toString();
    }
    if (impersonateOther && ctx.path === "/token") {
      ctx.request.headers.authorization = `Basic ${Buffer.from(`${OTHER.id}:${OTHER.secret}`).toString("base64")}`;
    }
    await next();
  });
  const callback = provider.callback();
  server.on("request", async (req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      await provider.interactionFinished(req, res, { login: { accountId: nextAccount } }, { mergeWithLastSubmission: false });
      return;
    }
    callback(req, res);
  });
  return { issuer, server };
}

type App = Awaited<ReturnType<typeof buildApp>>;

/** The browser: start at the app, through the provider (with its cookies), back to the app's callback. */
async function signInWithProvider(app: App, email: string) {
  const start = await app.inject({ method: "GET", url: `/api/sso/start?email=${encodeURIComponent(email)}` });
  if (start.statusCode !== 303) throw new Error(`start answered ${start.statusCode} ${start.body}`);
  const stateCookie = cookieFrom(start);
  let url = String(start.headers.location);
  if (url.startsWith("/")) return { start, callback: null };
  const jar = new Map<string, string>();
  for (let hop = 0; hop < 10 && !url.startsWith(APP_URL); hop++) {
    const res = await fetch(url, { redirect: "manual", headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = (pair as string).split("=");
      jar.set(k as string, v.join("="));
    }
    const location = res.headers.get("location");
    if (!location) throw new Error(`provider answered ${res.status} without a redirect: ${await res.text()}`);
    url = new URL(location, url).href;
  }
  const callback = await app.inject({ method: "GET", url: url.slice(APP_URL.length), headers: { cookie: stateCookie } });
  return { start, callback };
}

function sessionCookie(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers["set-cookie"];
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as string[];
  return list
    .filter((c) => c.startsWith("bgm.session"))
    .map((c) => c.split(";")[0])
    .join("; ");
}

describe("company SSO (OIDC)", () => {
  let app: App;
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let provider: { issuer: string; server: Server };
  let company: OrgUser;
  let other: OrgUser;
  let skewedApp: App;
  let skewedDb: Awaited<ReturnType<typeof openTestDatabase>>;

  const config = (issuer: string, extra: Record<string, unknown> = {}) => ({
    issuer,
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    domains: ["acme-sso.test"],
    roleClaim: "groups",
    roleMapping: { "bgm-admins": "bgm_manager" },
    ...extra,
  });

  beforeAll(async () => {
    provider = await startProvider();
    database = await openTestDatabase();
    app = await buildApp({
      database,
      config: testConfig(process.env.SSO_DEBUG ? { logLevel: "warn" } : {}),
      logger: Boolean(process.env.SSO_DEBUG),
      serveWeb: false,
      mailer: { send: async () => {} },
    });
    await app.ready();
    company = await signUpCompany(app, { name: "Acme SSO GmbH" });
    other = await signUpCompany(app, { name: "Andere GmbH" });
    // Carol is in Acme's employee register.
    const emp = await api(app, company.cookie).post("/api/employees", {
      firstName: "Carol",
      lastName: "Carlsen",
      email: "Carol@acme-sso.test",
      department: "Einkauf",
    });
    expect(emp.statusCode).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await skewedApp?.close();
    await skewedDb?.close();
    provider?.server.closeAllConnections();
    await new Promise((resolve) => provider?.server.close(resolve));
  });

  it("lets only the company's manager configure it; the client secret is never returned", async () => {
    const employee = await signUp(app);
    expect((await api(app, employee.cookie).put("/api/organization/sso", config(provider.issuer))).statusCode).toBe(403);
    expect((await api(app).get("/api/organization/sso")).statusCode).toBe(401);

    const put = await api(app, company.cookie).put("/api/organization/sso", config(provider.issuer));
    expect(put.statusCode, put.body).toBe(200);
    expect(put.body).not.toContain(CLIENT.secret);
    expect(put.json().config).toMatchObject({ clientId: CLIENT.id, hasClientSecret: true, domains: ["acme-sso.test"] });
    const get = await api(app, company.cookie).get("/api/organization/sso");
    expect(get.body).not.toContain(CLIENT.secret);
    expect(get.body).not.toContain("clientSecret");
    // Updating without a secret keeps the stored one.
    const update = await api(app, company.cookie).put("/api/organization/sso", { ...config(provider.issuer), clientSecret: undefined });
    expect(update.statusCode).toBe(200);

    const audit = await api(app, company.cookie).get("/api/audit?limit=50");
    expect(audit.body).toContain("sso.configured");
    expect(audit.body).toContain("sso.updated");
    expect(audit.body).not.toContain(CLIENT.secret);
  });

  it("refuses a domain another company already signs in with, and a plain-http issuer elsewhere than loopback", async () => {
    const taken = await api(app, other.cookie).put("/api/organization/sso", { ...config(provider.issuer), domains: ["ACME-sso.test"] });
    expect(taken.statusCode).toBe(409);
    const http = await api(app, other.cookie).put("/api/organization/sso", {
      ...config("http://idp.example.com"),
      domains: ["andere.test"],
    });
    expect(http.statusCode).toBe(422);
    const bad = await api(app, other.cookie).put("/api/organization/sso", { ...config(provider.issuer), domains: ["not a domain"] });
    expect(bad.statusCode).toBe(400);
    // The other company sees no provider of Acme's.
    const own = await api(app, other.cookie).get("/api/organization/sso");
    expect(own.json().config).toBeNull();
  });

  it("tests the connection by fetching the discovery document", async () => {
    const ok = await api(app, company.cookie).post("/api/organization/sso/test", { issuer: provider.issuer });
    expect(ok.json()).toMatchObject({ ok: true, issuer: provider.issuer });
    const wrong = await api(app, company.cookie).post("/api/organization/sso/test", { issuer: `${provider.issuer}/nothing` });
    expect(wrong.json().ok).toBe(false);
  });

  it("tells the sign-in page which addresses use the company login", async () => {
    expect((await api(app).post("/api/sso/discover", { email: "x@acme-sso.test" })).json()).toEqual({ sso: true, passwordSignIn: true });
    expect((await api(app).post("/api/sso/discover", { email: "x@elsewhere.test" })).json()).toEqual({ sso: false, passwordSignIn: true });
  });

  it("signs a new user in through the provider and makes them an employee (JIT)", async () => {
    nextAccount = "alice";
    const { start, callback } = await signInWithProvider(app, "alice@acme-sso.test");
    const location = new URL(String(start.headers.location));
    expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    expect(location.searchParams.get("state")).toBeTruthy();
    expect(location.searchParams.get("nonce")).toBeTruthy();
    expect(callback?.statusCode).toBe(303);
    expect(callback?.headers.location).toBe("/");
    const cookie = sessionCookie(callback as never);
    expect(cookie).not.toBe("");
    const me = await api(app, cookie).get("/api/me");
    expect(me.statusCode).toBe(200);
    expect(me.body).toContain(company.orgId);
    expect(me.body).toContain("employee");
  });

  it("maps a claim to a role, and links the employee register entry", async () => {
    nextAccount = "bob";
    const bob = await signInWithProvider(app, "bob@acme-sso.test");
    const bobCookie = sessionCookie(bob.callback as never);
    expect((await api(app, bobCookie).get("/api/organization/sso")).statusCode).toBe(200); // bgm_manager

    nextAccount = "carol";
    const carol = await signInWithProvider(app, "carol@acme-sso.test");
    expect(carol.callback?.headers.location).toBe("/");
    const carolCookie = sessionCookie(carol.callback as never);
    const me = (await api(app, carolCookie).get("/api/me")).json() as { user: { id: string } };
    // The register entry of the same address (any case) now points at Carol's account.
    const linked = await database.db.execute(sql`select user_id from employee where lower(email) = 'carol@acme-sso.test'`);
    const rows = (linked as unknown as { rows: { user_id: string }[] }).rows;
    expect(rows[0]?.user_id).toBe(me.user.id);
  });

  it("refuses an ID token issued for another client (wrong audience)", async () => {
    nextAccount = "alice";
    impersonateOther = true;
    try {
      const { callback } = await signInWithProvider(app, "alice@acme-sso.test");
      expect(callback?.statusCode).toBe(303);
      expect(callback?.headers.location).toBe("/login?sso_error=token_rejected");
      expect(sessionCookie(callback as never)).toBe("");
    } finally {
      impersonateOther = false;
    }
  });

  it("refuses a user of another domain", async () => {
    nextAccount = "mallory";
    const { callback } = await signInWithProvider(app, "alice@acme-sso.test");
    expect(callback?.headers.location).toBe("/login?sso_error=domain_not_allowed");
    expect(sessionCookie(callback as never)).toBe("");
    // And an address whose domain has no provider is not sent anywhere.
    const none = await app.inject({ method: "GET", url: "/api/sso/start?email=someone%40elsewhere.test" });
    expect(none.headers.location).toBe("/login?sso_error=not_configured");
  });

  it("refuses a callback without the browser's state cookie", async () => {
    const res = await app.inject({ method: "GET", url: "/api/sso/callback?code=abc&state=def" });
    expect(res.headers.location).toBe("/login?sso_error=state_invalid");
  });

  it("refuses an expired ID token (server clock two hours ahead)", async () => {
    skewedDb = await openTestDatabase();
    skewedApp = await buildApp({
      database: skewedDb,
      config: testConfig(process.env.SSO_DEBUG ? { logLevel: "warn" } : {}),
      logger: Boolean(process.env.SSO_DEBUG),
      serveWeb: false,
      mailer: { send: async () => {} },
      ssoClockSkewS: 2 * 60 * 60,
    });
    await skewedApp.ready();
    const admin = await signUpCompany(skewedApp, { name: "Skew GmbH" });
    expect((await api(skewedApp, admin.cookie).put("/api/organization/sso", config(provider.issuer))).statusCode).toBe(200);
    nextAccount = "alice";
    const { callback } = await signInWithProvider(skewedApp, "alice@acme-sso.test");
    expect(callback?.headers.location).toBe("/login?sso_error=token_rejected");
    expect(sessionCookie(callback as never)).toBe("");
  }, 60_000);

  it("refuses password sign-in for the company's domains once switched off", async () => {
    const pw = await signUp(app, { email: "dave@acme-sso.test" });
    expect(pw.cookie).not.toBe("");
    const on = await api(app, company.cookie).put("/api/organization/sso", {
      ...config(provider.issuer),
      clientSecret: undefined,
      passwordSignInDisabled: true,
    });
    expect(on.statusCode).toBe(200);
    const refused = await api(app).post("/api/auth/sign-in/email", { email: "dave@acme-sso.test", password: TEST_PASSWORD });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("password_sign_in_disabled");
    const signUpRefused = await api(app).post("/api/auth/sign-up/email", {
      email: "eve@acme-sso.test",
      name: "Eve",
      password: TEST_PASSWORD,
    });
    expect(signUpRefused.statusCode).toBe(403);
    expect((await api(app).post("/api/sso/discover", { email: "dave@ACME-sso.test" })).json()).toEqual({
      sso: true,
      passwordSignIn: false,
    });
    // Other domains are untouched.
    expect((await api(app).post("/api/auth/sign-in/email", { email: company.email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it("removes the provider (audited); its domains sign in with passwords again", async () => {
    expect((await api(app, other.cookie).delete("/api/organization/sso")).statusCode).toBe(404);
    const del = await api(app, company.cookie).delete("/api/organization/sso");
    expect(del.statusCode).toBe(200);
    expect((await api(app).post("/api/auth/sign-in/email", { email: "dave@acme-sso.test", password: TEST_PASSWORD })).statusCode).toBe(200);
    const audit = await api(app, company.cookie).get("/api/audit?limit=50");
    expect(audit.body).toContain("sso.removed");
  });
});
