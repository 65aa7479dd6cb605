import { account, auditLog, companyJoinLink, employee, member, session, user, verification } from "@bgm/db";
import { SIGN_IN_LINK_REQUESTS_PER_ADDRESS } from "@bgm/domain";
import { and, eq, like } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_URL,
  type Api,
  addMember,
  api,
  cookieFrom,
  createTestApp,
  type OrgUser,
  signIn,
  signUp,
  signUpCompany,
  signUpProvider,
  TEST_PASSWORD,
  type TestApp,
  testConfig,
} from "../../../test/helpers.js";
import { openTestDatabase } from "../../../test/test-database.js";
import { buildApp } from "../../app.js";
import type { Mailer } from "../../lib/mailer.js";
import { signInToken } from "./tokens.js";

let t: TestApp;
let managerA: OrgUser;
let managerB: OrgUser;
let asA: Api;
let asB: Api;
let tokenA: string;
let tokenB: string;

let ipCounter = 0;
/** Every request from its own address, so the per-IP limit is tested only where it is meant to be. */
const nextIp = () => `198.51.100.${(ipCounter++ % 250) + 1}`;

let mailCounter = 0;
const address = (name: string, domain = "firma-a.de") => `${name}.${++mailCounter}@${domain}`;

async function addEmployee(as: Api, email: string, names: { firstName?: string; lastName?: string } = {}) {
  const res = await as.post("/api/employees", {
    firstName: names.firstName ?? "Erika",
    lastName: names.lastName ?? "Muster",
    email,
    department: "Vertrieb",
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; email: string };
}

async function createLink(as: Api): Promise<string> {
  const res = await as.post("/api/organization/join-link");
  expect(res.statusCode, res.body).toBe(201);
  const url = res.json().link.url as string;
  expect(url.startsWith(`${APP_URL}/join/`)).toBe(true);
  return url.slice(`${APP_URL}/join/`.length);
}

function requestLink(token: string, email: string, ip = nextIp()): Promise<LightMyRequestResponse> {
  return api(t.app).raw({
    method: "POST",
    url: `/api/join/${token}/sign-in-link`,
    payload: { email },
    remoteAddress: ip,
  });
}

function redeem(token: string, ip = nextIp()): Promise<LightMyRequestResponse> {
  return api(t.app).raw({ method: "POST", url: "/api/join/sign-in", payload: { token }, remoteAddress: ip });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The newest sign-in mail to `to`; mails go out after the answer, so this waits for it. */
async function signInMail(to: string) {
  for (let i = 0; i < 200; i++) {
    const mail = t.mails.findLast((m) => m.to === to.toLowerCase() && m.text.includes("/login/link?token="));
    if (mail) return mail;
    await sleep(25);
  }
  throw new Error(`no sign-in mail to ${to}`);
}

function tokenOf(mail: { text: string }): string {
  const match = /\/login\/link\?token=([^\s]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error("no sign-in link in the mail");
  return decodeURIComponent(match[1]);
}

/** Asks for a link through `joinToken` and returns the token from the mail. */
async function mailedToken(joinToken: string, email: string): Promise<string> {
  const before = t.mails.length;
  const res = await requestLink(joinToken, email);
  expect(res.statusCode, res.body).toBe(202);
  for (let i = 0; i < 200 && t.mails.length === before; i++) await sleep(25);
  return tokenOf(await signInMail(email));
}

/** Waits until `n` more mails have arrived than `before` (or fails). */
async function mailsAfter(before: number, n: number) {
  for (let i = 0; i < 200 && t.mails.length < before + n; i++) await sleep(25);
  return t.mails.slice(before);
}

async function auditOf(orgId: string, action: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, action)));
}

beforeAll(async () => {
  t = await createTestApp();
  managerA = await signUpCompany(t.app, { name: "Firma A Zugang" });
  managerB = await signUpCompany(t.app, { name: "Firma B Zugang" });
  asA = api(t.app, managerA.cookie);
  asB = api(t.app, managerB.cookie);
  tokenA = await createLink(asA);
  tokenB = await createLink(asB);
});
afterAll(() => t?.close());

describe("the manager's join link", () => {
  it("is created, shown again, rotated (the old one is dead at once) and disabled, each audited", async () => {
    const company = await signUpCompany(t.app, { name: "Rotations GmbH" });
    const as = api(t.app, company.cookie);
    expect((await as.get("/api/organization/join-link")).json()).toEqual({ link: null });

    const first = await createLink(as);
    const shown = (await as.get("/api/organization/join-link")).json();
    expect(shown.link.url).toBe(`${APP_URL}/join/${first}`);
    const info = await api(t.app).get(`/api/join/${first}`);
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toEqual({ organizationName: "Rotations GmbH", signInLinkMinutes: 15 });

    const second = await createLink(as);
    expect(second).not.toBe(first);
    expect((await api(t.app).get(`/api/join/${first}`)).statusCode).toBe(404);
    expect((await api(t.app).get(`/api/join/${second}`)).statusCode).toBe(200);
    const dead = await requestLink(first, "wer@rotations.de");
    expect(dead.statusCode).toBe(404);

    const disabled = await as.delete("/api/organization/join-link");
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toEqual({ link: null });
    expect((await api(t.app).get(`/api/join/${second}`)).statusCode).toBe(404);
    expect((await as.delete("/api/organization/join-link")).statusCode).toBe(404);

    expect(await auditOf(company.orgId, "join_link.created")).toHaveLength(1);
    expect(await auditOf(company.orgId, "join_link.rotated")).toHaveLength(1);
    expect(await auditOf(company.orgId, "join_link.disabled")).toHaveLength(1);
  });

  it("stores only a hash of the token, and one active link per company", async () => {
    const rows = await t.database.db.select().from(companyJoinLink).where(eq(companyJoinLink.orgId, managerA.orgId));
    expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(tokenA);
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is for the company's managers only", async () => {
    const employeeA = await addMember(t, managerA, "employee");
    const partner = await signUpProvider(t.app);
    for (const who of [employeeA, partner]) {
      for (const [method, url] of [
        ["GET", "/api/organization/join-link"],
        ["POST", "/api/organization/join-link"],
        ["DELETE", "/api/organization/join-link"],
      ] as const) {
        const res = await api(t.app, who.cookie).raw({ method, url });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
      }
    }
    expect((await api(t.app).get("/api/organization/join-link")).statusCode).toBe(401);
    // A's link is unchanged by all of that.
    expect((await asA.get("/api/organization/join-link")).json().link.url).toBe(`${APP_URL}/join/${tokenA}`);
  });

  it("answers unknown tokens with 404 and tells no company", async () => {
    for (const token of ["x", "a".repeat(43), `${tokenA.slice(0, -1)}${tokenA.endsWith("A") ? "B" : "A"}`]) {
      const res = await api(t.app).get(`/api/join/${token}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("Firma");
    }
  });
});

describe("a new employee joins by link and mail", () => {
  it("gets a German one-use link to the register's address and is signed in as employee of that company", async () => {
    const email = address("anna");
    const emp = await addEmployee(asA, email, { firstName: "Anna", lastName: "Beispiel" });
    const res = await requestLink(tokenA, email.toUpperCase());
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ ok: true });

    const mail = await signInMail(email);
    expect(mail.to).toBe(email);
    expect(mail.subject).toBe("Ihr Anmeldelink für Firma A Zugang (BGM Hub)");
    expect(mail.text).toContain("Hallo Anna");
    expect(mail.text).toContain("15 Minuten gültig und funktioniert nur einmal");

    const signedIn = await redeem(tokenOf(mail));
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json()).toEqual({ organizationId: managerA.orgId, organizationName: "Firma A Zugang", role: "employee" });
    const cookie = cookieFrom(signedIn);
    expect(cookie).toContain("bgm.session_token=");

    const me = (await api(t.app, cookie).get("/api/me")).json();
    expect(me.user).toMatchObject({ name: "Anna Beispiel", email });
    expect(me.memberships).toEqual([
      { organizationId: managerA.orgId, organizationName: "Firma A Zugang", kind: "company", role: "employee" },
    ]);
    expect(me.active.organizationId).toBe(managerA.orgId);

    const [row] = await t.database.db.select().from(user).where(eq(user.email, email));
    expect(row?.emailVerified).toBe(true);
    const [linked] = await t.database.db.select().from(employee).where(eq(employee.id, emp.id));
    expect(linked?.userId).toBe(row?.id);

    // Audited, without the address.
    const sent = (await auditOf(managerA.orgId, "employee.sign_in_link_sent")).filter((a) => a.entityId === emp.id);
    const joined = (await auditOf(managerA.orgId, "employee.signed_in_by_link")).filter((a) => a.entityId === emp.id);
    expect(sent).toHaveLength(1);
    expect(joined).toHaveLength(1);
    expect(joined[0]?.details).toMatchObject({ accountCreated: true, membershipCreated: true, role: "employee" });
    expect(JSON.stringify([...sent, ...joined])).not.toContain(email);
    expect(JSON.stringify([...sent, ...joined])).not.toContain("Anna");
  });

  it("refuses the same link a second time, and an expired one", async () => {
    const email = address("einmal");
    await addEmployee(asA, email);
    const token = await mailedToken(tokenA, email);
    expect((await redeem(token)).statusCode).toBe(200);
    const again = await redeem(token);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe("invalid_sign_in_link");
    expect(again.headers["set-cookie"]).toBeUndefined();

    const late = address("spaet");
    await addEmployee(asA, late);
    const expired = await mailedToken(tokenA, late);
    await t.database.db
      .update(verification)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(like(verification.identifier, "magic-link:%"));
    const res = await redeem(expired);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_sign_in_link");
  });

  it("keeps the link's secret out of the database: only better-auth's hash of the one-use token is stored", async () => {
    const email = address("hash");
    await addEmployee(asA, email);
    const token = await mailedToken(tokenA, email);
    const magic = token.split(".")[0] as string;
    const rows = await t.database.db.select().from(verification).where(like(verification.identifier, "magic-link:%"));
    expect(JSON.stringify(rows)).not.toContain(magic);
  });

  it("refuses altered links, and a link of company A cannot be bent to company B", async () => {
    const email = address("bieg");
    const inA = await addEmployee(asA, email);
    const inB = await addEmployee(asB, email);
    const token = await mailedToken(tokenA, email);
    const [magic, linkId, employeeId, signature] = token.split(".") as [string, string, string, string];
    expect(employeeId).toBe(inA.id);
    const [linkB] = await t.database.db.select().from(companyJoinLink).where(eq(companyJoinLink.orgId, managerB.orgId));
    const forged = [
      [magic, linkB?.id, inB.id, signature].join("."),
      [magic, linkId, inB.id, signature].join("."),
      [magic, linkB?.id, employeeId, signature].join("."),
      // The first character of the signature always changes it (the last ones may already be "AA").
      [magic, linkId, employeeId, `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`].join("."),
      // Signed with another secret: the binding is only as good as the installation's secret.
      signInToken("another-secret-another-secret-123456", magic, { linkId: linkB?.id as string, employeeId: inB.id }),
      magic,
      "",
    ];
    for (const f of forged) {
      const res = await redeem(f);
      expect([400], f).toContain(res.statusCode);
    }
    // None of that spent the token: the real link still signs in, into A only.
    const ok = await redeem(token);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().organizationId).toBe(managerA.orgId);
    const memberships = await t.database.db
      .select({ org: member.organizationId })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(eq(user.email, email));
    expect(memberships.map((m) => m.org)).toEqual([managerA.orgId]);
    const [bRow] = await t.database.db.select().from(employee).where(eq(employee.id, inB.id));
    expect(bRow?.userId).toBeNull();
  });

  it("voids the mailed links when the join link is rotated or disabled, or the employee deactivated", async () => {
    const company = await signUpCompany(t.app, { name: "Widerruf GmbH" });
    const as = api(t.app, company.cookie);
    const join = await createLink(as);
    const one = address("eins", "widerruf.de");
    const two = address("zwei", "widerruf.de");
    const three = address("drei", "widerruf.de");
    await addEmployee(as, one);
    await addEmployee(as, two);
    const third = await addEmployee(as, three);

    const rotatedAway = await mailedToken(join, one);
    const join2 = await createLink(as);
    expect((await redeem(rotatedAway)).statusCode).toBe(400);

    const disabledAway = await mailedToken(join2, two);
    expect((await as.delete("/api/organization/join-link")).statusCode).toBe(200);
    expect((await redeem(disabledAway)).statusCode).toBe(400);

    const join3 = await createLink(as);
    const deactivated = await mailedToken(join3, three);
    expect((await as.patch(`/api/employees/${third.id}`, { active: false })).statusCode).toBe(200);
    expect((await redeem(deactivated)).statusCode).toBe(400);
    // Nobody of them became a member.
    const members = await t.database.db.select().from(member).where(eq(member.organizationId, company.orgId));
    expect(members).toHaveLength(1);
  });
});

describe("nobody learns who is in the register", () => {
  it("answers registered, unknown, inactive and other companies' addresses identically, and mails only the registered one", async () => {
    const registered = address("bekannt");
    const inactive = address("inaktiv");
    const elsewhere = address("anderswo", "firma-b.de");
    await addEmployee(asA, registered);
    const gone = await addEmployee(asA, inactive);
    await asA.patch(`/api/employees/${gone.id}`, { active: false });
    await addEmployee(asB, elsewhere);
    // The manager of A has an account but is not in A's register.
    const cases = [registered, address("unbekannt"), inactive, elsewhere, managerA.email];

    const before = t.mails.length;
    const answers = [];
    for (const email of cases) answers.push(await requestLink(tokenA, email));
    const shape = (r: LightMyRequestResponse) => ({
      status: r.statusCode,
      body: r.body,
      headers: Object.keys(r.headers)
        .filter((h) => !["date", "x-request-id"].includes(h))
        .sort()
        .map((h) => `${h}: ${h === "content-length" || h.startsWith("content-type") || h.startsWith("cache") ? r.headers[h] : "…"}`),
    });
    for (const a of answers) expect(shape(a)).toEqual(shape(answers[0] as LightMyRequestResponse));
    expect(answers[0]?.statusCode).toBe(202);

    const mails = await mailsAfter(before, 1);
    await sleep(200);
    expect(t.mails.slice(before).map((m) => m.to)).toEqual([registered]);
    expect(mails[0]?.to).toBe(registered);
  });

  it("answers before the mail is sent: a slow or stuck mail server shows in no answer", async () => {
    const gate: { open?: () => void } = {};
    const opened = new Promise<void>((resolve) => {
      gate.open = resolve;
    });
    const sent: string[] = [];
    const database = await openTestDatabase();
    const mailer: Mailer = {
      async send(mail) {
        await opened;
        sent.push(mail.to);
      },
    };
    const slow = await buildApp({ database, config: testConfig(), mailer, logger: false, serveWeb: false });
    try {
      const up = await api(slow).post("/api/auth/sign-up/email", { email: "chef@langsam.de", name: "Chef", password: TEST_PASSWORD });
      const cookie = cookieFrom(up);
      await api(slow, cookie).post("/api/organizations", { name: "Langsam GmbH", kind: "company" });
      await api(slow, cookie).post("/api/employees", { firstName: "Lea", lastName: "Lang", email: "lea@langsam.de", department: "IT" });
      const join = ((await api(slow, cookie).post("/api/organization/join-link")).json().link.url as string).split("/join/")[1];
      const res = await api(slow).post(`/api/join/${join}/sign-in-link`, { email: "lea@langsam.de" });
      expect(res.statusCode).toBe(202);
      expect(sent).toEqual([]);
      gate.open?.();
      for (let i = 0; i < 200 && sent.length === 0; i++) await sleep(25);
      expect(sent).toEqual(["lea@langsam.de"]);
    } finally {
      gate.open?.();
      await slow.close();
      await database.close();
    }
  });

  it("limits requests per address (counted for any address, same answer) and per IP", async () => {
    const registered = address("limit");
    await addEmployee(asA, registered);
    for (const email of [registered, address("niemand")]) {
      for (let i = 0; i < SIGN_IN_LINK_REQUESTS_PER_ADDRESS; i++) expect((await requestLink(tokenA, email)).statusCode).toBe(202);
      const limited = await requestLink(tokenA, email);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe("rate_limited");
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    }
    // Per IP: LOGIN_RATE_LIMIT requests a minute, then 429 whatever the address.
    const strict = await createTestApp({ loginRateLimit: 2 });
    try {
      // better-auth's own login limit counts per process: sign up from an address of its own.
      const up = await api(strict.app).raw({
        method: "POST",
        url: "/api/auth/sign-up/email",
        payload: { email: "chefin@streng.de", name: "Chefin", password: TEST_PASSWORD },
        remoteAddress: "203.0.113.49",
      });
      const cookie = cookieFrom(up);
      expect((await api(strict.app, cookie).post("/api/organizations", { name: "Streng GmbH", kind: "company" })).statusCode).toBe(201);
      const link = await api(strict.app, cookie).post("/api/organization/join-link");
      const token = (link.json().link.url as string).split("/join/")[1] as string;
      const ask = (email: string) =>
        api(strict.app).raw({ method: "POST", url: `/api/join/${token}/sign-in-link`, payload: { email }, remoteAddress: "203.0.113.50" });
      expect((await ask("a@streng.de")).statusCode).toBe(202);
      expect((await ask("b@streng.de")).statusCode).toBe(202);
      expect((await ask("c@streng.de")).statusCode).toBe(429);
      const redeemOnce = () =>
        api(strict.app).raw({ method: "POST", url: "/api/join/sign-in", payload: { token: "x" }, remoteAddress: "203.0.113.51" });
      expect((await redeemOnce()).statusCode).toBe(400);
      expect((await redeemOnce()).statusCode).toBe(400);
      expect((await redeemOnce()).statusCode).toBe(429);
    } finally {
      await strict.close();
    }
  });

  it("keeps better-auth's own magic-link endpoints closed", async () => {
    const send = await api(t.app).post("/api/auth/sign-in/magic-link", { email: address("direkt") });
    expect(send.statusCode).toBe(404);
    const verify = await api(t.app).get("/api/auth/magic-link/verify?token=abc");
    expect(verify.statusCode).toBe(404);
  });
});

describe("existing accounts use the same flow", () => {
  it("signs an invited employee in without a password; the account, its password and its role stay", async () => {
    const invited = await addMember(t, managerA, "employee");
    await addEmployee(asA, invited.email);
    const res = await redeem(await mailedToken(tokenA, invited.email));
    expect(res.statusCode, res.body).toBe(200);
    const me = (await api(t.app, cookieFrom(res)).get("/api/me")).json();
    expect(me.user.id).toBe(invited.userId);
    expect(me.memberships).toHaveLength(1);
    expect(await signIn(t.app, invited.email, TEST_PASSWORD)).toContain("bgm.session_token=");
    const [joined] = (await auditOf(managerA.orgId, "employee.signed_in_by_link")).filter((a) => a.actorUserId === invited.userId);
    expect(joined?.details).toMatchObject({ accountCreated: false, membershipCreated: false });
  });

  it("never escalates: a manager in the register stays manager, and the flow grants nothing but employee", async () => {
    // A manager whose address is verified (an unverified account loses its password: see the next test).
    await t.database.db.update(user).set({ emailVerified: true }).where(eq(user.id, managerA.userId));
    await addEmployee(asA, managerA.email, { firstName: "Chefin" });
    const res = await redeem(await mailedToken(tokenA, managerA.email));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().role).toBe("bgm_manager");
    const rows = await t.database.db
      .select()
      .from(member)
      .where(and(eq(member.organizationId, managerA.orgId), eq(member.userId, managerA.userId)));
    expect(rows.map((r) => r.role)).toEqual(["bgm_manager"]);
    expect((await asA.get("/api/me")).statusCode).toBe(200);

    // A new employee cannot ask for more: unknown fields are refused, and what they get is `employee`.
    const email = address("mehr");
    await addEmployee(asA, email);
    const extra = await api(t.app).raw({
      method: "POST",
      url: `/api/join/${tokenA}/sign-in-link`,
      payload: { email, role: "bgm_manager" },
      remoteAddress: nextIp(),
    });
    expect(extra.statusCode).toBe(400);
    const token = await mailedToken(tokenA, email);
    const extraRedeem = await api(t.app).raw({
      method: "POST",
      url: "/api/join/sign-in",
      payload: { token, role: "bgm_manager", organizationId: managerB.orgId },
      remoteAddress: nextIp(),
    });
    expect(extraRedeem.statusCode).toBe(400);
    const ok = await redeem(token);
    expect(ok.json().role).toBe("employee");
    const cookie = cookieFrom(ok);
    expect((await api(t.app, cookie).get("/api/employees")).statusCode).toBe(403);
    expect((await api(t.app, cookie).get("/api/organization/join-link")).statusCode).toBe(403);
    expect((await api(t.app, cookie).post("/api/invitations", { email: address("x"), role: "bgm_manager" })).statusCode).toBe(403);
  });

  it("takes the password and sessions from an unverified account someone opened with the employee's address", async () => {
    const email = address("vorweg");
    const squatter = await signUp(t.app, { email, name: "Jemand Anderes" });
    await addEmployee(asA, email, { firstName: "Echte", lastName: "Person" });
    const res = await redeem(await mailedToken(tokenA, email));
    expect(res.statusCode, res.body).toBe(200);
    expect((await api(t.app, squatter.cookie).get("/api/me")).statusCode).toBe(401);
    const wrong = await api(t.app).post("/api/auth/sign-in/email", { email, password: TEST_PASSWORD });
    expect(wrong.statusCode).toBe(401);
    const accounts = await t.database.db.select().from(account).where(eq(account.userId, squatter.userId));
    expect(accounts.filter((a) => a.providerId === "credential")).toEqual([]);
    const sessions = await t.database.db.select().from(session).where(eq(session.userId, squatter.userId));
    expect(sessions).toHaveLength(1);
  });

  it("joins only the company whose link was used, even for a person in two registers", async () => {
    const email = address("doppelt");
    await addEmployee(asA, email);
    await addEmployee(asB, email);
    const viaB = await redeem(await mailedToken(tokenB, email));
    expect(viaB.statusCode, viaB.body).toBe(200);
    const me = (await api(t.app, cookieFrom(viaB)).get("/api/me")).json();
    expect(me.memberships.map((m: { organizationId: string }) => m.organizationId)).toEqual([managerB.orgId]);
    expect(me.active.organizationId).toBe(managerB.orgId);
  });
});
