import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, type OrgUser, signUpCompany, type TestApp } from "../../../test/helpers.js";

let t: TestApp;
let manager: OrgUser;

beforeAll(async () => {
  t = await createTestApp();
  manager = await signUpCompany(t.app, { name: "Sitzung GmbH" });
});
afterAll(() => t?.close());

/** GET /api/session: what the web app asks on every load; signed out is an answer, not a 401 in the console. */
describe("GET /api/session", () => {
  it("answers a signed-in caller exactly as GET /api/me does", async () => {
    const as = api(t.app, manager.cookie);
    const [session, me] = [await as.get("/api/session"), await as.get("/api/me")];
    expect(session.statusCode).toBe(200);
    expect(session.json()).toEqual(me.json());
    expect(session.json()).toMatchObject({
      user: { id: manager.userId },
      active: { organizationName: "Sitzung GmbH", role: "bgm_manager" },
    });
    expect(session.headers["cache-control"]).toBe("no-store");
  });

  it("answers 200 with { user: null } without a session, with a forged cookie and after sign-out", async () => {
    const other = await signUpCompany(t.app);
    expect((await api(t.app, other.cookie).post("/api/auth/sign-out", {})).statusCode).toBe(200);
    for (const cookie of ["", "bgm.session_token=forged.c2lnbmF0dXJl", other.cookie]) {
      const res = await api(t.app, cookie).get("/api/session");
      expect(res.statusCode, cookie).toBe(200);
      expect(res.json(), cookie).toEqual({ user: null });
      expect(res.headers["cache-control"], cookie).toBe("no-store");
    }
    // GET /api/me keeps its 401 for API clients.
    expect((await api(t.app).get("/api/me")).statusCode).toBe(401);
  });
});
