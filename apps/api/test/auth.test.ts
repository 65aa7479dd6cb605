import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, cookieFrom, createTestApp, signIn, signUp, TEST_PASSWORD, type TestApp } from "./helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("accounts and sessions", () => {
  it("signs up, reads /api/me with the httpOnly session cookie, signs out", async () => {
    const res = await api(t.app).post("/api/auth/sign-up/email", { email: "neu@example.de", name: "Neu", password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookieFrom(res);
    const me = await api(t.app, cookie).get("/api/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: "neu@example.de" }, memberships: [], active: null });
    expect(me.headers["cache-control"]).toBe("no-store");
    const out = await api(t.app, cookie).post("/api/auth/sign-out", {});
    expect(out.statusCode).toBe(200);
    expect((await api(t.app, cookie).get("/api/me")).statusCode).toBe(401);
  });

  it("stores passwords hashed, never in clear", async () => {
    const { email } = await signUp(t.app);
    const rows = await t.database.db.execute<{ password: string }>(
      (await import("drizzle-orm")).sql`select a.password from account a join "user" u on u.id = a.user_id where u.email = ${email}`,
    );
    const hash = (rows as unknown as { rows: { password: string }[] }).rows[0]?.password ?? "";
    expect(hash).not.toContain(TEST_PASSWORD);
    expect(hash.length).toBeGreaterThan(40);
  });

  it("answers a wrong password and an unknown e-mail the same way", async () => {
    const { email } = await signUp(t.app);
    const wrongPassword = await api(t.app).post("/api/auth/sign-in/email", { email, password: "falsches-passwort" });
    const unknownEmail = await api(t.app).post("/api/auth/sign-in/email", { email: "niemand@example.de", password: "falsches-passwort" });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(unknownEmail.json()).toEqual(wrongPassword.json());
    expect(wrongPassword.json().error.code).toBe("invalid_email_or_password");
  });

  it("rate-limits sign-in attempts", async () => {
    const limited = await createTestApp({ loginRateLimit: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await limited.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        // One client address; a client-supplied forwarding header must not open a fresh bucket.
        remoteAddress: "203.0.113.9",
        headers: { "x-requested-with": "bgm-hub", "x-forwarded-for": `198.51.100.${i}` },
        payload: { email: "angreifer@example.de", password: "raten-raten" },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    await limited.close();
    // A second app instance and eight scrypt hashes: generous on a busy 2-core machine.
  }, 90_000);

  it("resets a password through the e-mailed link", async () => {
    const { email } = await signUp(t.app);
    const req = await api(t.app).post("/api/auth/request-password-reset", { email, redirectTo: "/reset-password" });
    expect(req.statusCode).toBe(200);
    const mail = t.mails.findLast((m) => m.to === email);
    expect(mail?.subject).toMatch(/Passwort/);
    const link = mail?.text.match(/https?:\/\/\S+/)?.[0] ?? "";
    const token = new URL(link).pathname.split("/").pop() ?? "";
    expect(token.length).toBeGreaterThan(10);
    const reset = await api(t.app).post("/api/auth/reset-password", { token, newPassword: "Ganz-Neues-Passwort-2" });
    expect(reset.statusCode, reset.body).toBe(200);
    await expect(signIn(t.app, email)).rejects.toThrow();
    await expect(signIn(t.app, email, "Ganz-Neues-Passwort-2")).resolves.toContain("bgm.session_token");
  });

  it("asks for a reset of an unknown e-mail without revealing that it is unknown", async () => {
    const before = t.mails.length;
    const res = await api(t.app).post("/api/auth/request-password-reset", { email: "unbekannt@example.de", redirectTo: "/reset-password" });
    expect(res.statusCode).toBe(200);
    expect(t.mails.length).toBe(before);
  });
});

describe("CSRF protection for cookie-authenticated writes", () => {
  it("refuses a write without the X-Requested-With header", async () => {
    const { cookie } = await signUp(t.app);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: { cookie },
      payload: { name: "X", kind: "company" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("csrf_failed");
  });

  it("refuses a write from a foreign origin", async () => {
    const { cookie } = await signUp(t.app);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: { cookie, origin: "https://evil.example", "x-requested-with": "bgm-hub" },
      payload: { name: "X", kind: "company" },
    });
    expect(res.statusCode).toBe(403);
  });
});
