import { member, session } from "@bgm/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addMember, api, createTestApp, type OrgUser, signUpCompany, signUpProvider, type TestApp } from "../../test/helpers.js";

let t: TestApp;
let manager: OrgUser;
const DAY = 24 * 60 * 60 * 1000;

const tokenOf = (cookie: string) => decodeURIComponent(/bgm\.session_token=([^;]+)/.exec(cookie)?.[1] ?? "").split(".")[0] ?? "";
const sessionRow = async (cookie: string) =>
  (
    await t.database.db
      .select()
      .from(session)
      .where(eq(session.token, tokenOf(cookie)))
  )[0];
const setExpiry = (cookie: string, expiresAt: Date) =>
  t.database.db
    .update(session)
    .set({ expiresAt })
    .where(eq(session.token, tokenOf(cookie)));

beforeAll(async () => {
  t = await createTestApp();
  manager = await signUpCompany(t.app, { name: "Kontext GmbH" });
});
afterAll(() => t?.close());

/** The caller is read from the database on every request: nothing about a session or a membership is kept. */
describe("request context", () => {
  it("resolves the caller with memberships and the active organization", async () => {
    const partner = await signUpProvider(t.app, { name: "Zweitfirma AG" });
    const me = (await api(t.app, manager.cookie).get("/api/me")).json();
    expect(me).toMatchObject({
      user: { id: manager.userId, platformRole: null },
      memberships: [{ organizationId: manager.orgId, organizationName: "Kontext GmbH", kind: "company", role: "bgm_manager" }],
      active: { organizationId: manager.orgId },
    });
    expect((await api(t.app, partner.cookie).get("/api/me")).json().active).toMatchObject({ kind: "provider", role: "partner_admin" });
  });

  it("refuses a removed membership on the very next request", async () => {
    const employee = await addMember(t, manager, "employee");
    const as = api(t.app, employee.cookie);
    expect((await as.get("/api/marketplace/offerings")).statusCode).toBe(200);
    await t.database.db.delete(member).where(and(eq(member.userId, employee.userId), eq(member.organizationId, manager.orgId)));
    expect((await as.get("/api/marketplace/offerings")).statusCode).toBe(403);
    expect((await as.get("/api/me")).json()).toMatchObject({ memberships: [], active: null });
  });

  it("refuses a signed-out or deleted session on the very next request", async () => {
    const other = await addMember(t, manager, "employee");
    expect((await api(t.app, other.cookie).get("/api/me")).statusCode).toBe(200);
    await t.database.db.delete(session).where(eq(session.token, tokenOf(other.cookie)));
    expect((await api(t.app, other.cookie).get("/api/me")).statusCode).toBe(401);
  });

  it("refuses a tampered cookie and someone else's token with a forged signature", async () => {
    const token = tokenOf(manager.cookie);
    for (const cookie of [`bgm.session_token=${token}`, `bgm.session_token=${token}.${"A".repeat(43)}=`, "bgm.session_token=x.y"]) {
      expect((await api(t.app, cookie).get("/api/me")).statusCode, cookie).toBe(401);
    }
    expect((await api(t.app, manager.cookie).get("/api/me")).statusCode).toBe(200);
  });

  it("refuses an expired session and leaves its clean-up to better-auth", async () => {
    const expiring = await addMember(t, manager, "employee");
    await setExpiry(expiring.cookie, new Date(Date.now() - 1000));
    expect((await api(t.app, expiring.cookie).get("/api/me")).statusCode).toBe(401);
    expect(await sessionRow(expiring.cookie)).toBeUndefined();
  });

  it("lets better-auth extend a session that is due for a refresh, and only then asks it", async () => {
    const getSession = vi.spyOn(t.app.auth.api, "getSession");
    try {
      const refreshing = await addMember(t, manager, "employee");
      getSession.mockClear();
      expect((await api(t.app, refreshing.cookie).get("/api/me")).statusCode).toBe(200);
      expect(getSession).not.toHaveBeenCalled();
      // Seven-day sessions are extended once a day old: this one has six days left.
      await setExpiry(refreshing.cookie, new Date(Date.now() + 6 * DAY - 60_000));
      expect((await api(t.app, refreshing.cookie).get("/api/me")).statusCode).toBe(200);
      expect(getSession).toHaveBeenCalledTimes(1);
      expect((await sessionRow(refreshing.cookie))?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 7 * DAY - 60_000);
    } finally {
      getSession.mockRestore();
    }
  });
});
