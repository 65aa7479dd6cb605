import { bgmProject, employee, invitation, legalRequirement, member, user } from "@bgm/db";
import { LEGAL_REQUIREMENTS, TASK_TEMPLATES } from "@bgm/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_URL,
  type Api,
  addMember,
  api,
  createTestApp,
  invitationLink,
  type OrgUser,
  signUp,
  signUpCompany,
  signUpProvider,
  type TestApp,
  uniqueEmail,
} from "../../../test/helpers.js";

let t: TestApp;
let manager: OrgUser;
let partner: OrgUser;
let asManager: Api;
let asPartner: Api;

beforeAll(async () => {
  t = await createTestApp();
  manager = await signUpCompany(t.app, { name: "Müller & Söhne GmbH" });
  partner = await signUpProvider(t.app, { name: "Gesund Partner AG" });
  asManager = api(t.app, manager.cookie);
  asPartner = api(t.app, partner.cookie);
});
afterAll(() => t?.close());

/** Invites `email` as `role` through the manager's organization and returns the invitation. */
async function invite(as: Api, email: string, role: string) {
  const res = await as.post("/api/invitations", { email, role });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; email: string; role: string; status: string; organizationId: string };
}

describe("creating organizations", () => {
  it("makes the creator of a company its bgm_manager and sets up project, full checklist and legal requirements", async () => {
    const me = (await asManager.get("/api/me")).json();
    const membership = { organizationId: manager.orgId, organizationName: "Müller & Söhne GmbH", kind: "company", role: "bgm_manager" };
    expect(me.memberships).toEqual([membership]);
    expect(me.active).toEqual(membership);
    expect(me.user).toMatchObject({ id: manager.userId, email: manager.email });

    const project = await asManager.get("/api/project");
    expect(project.statusCode, project.body).toBe(200);
    const body = project.json() as { currentPhase: number; tasks: { key: string; status: string; phase: number }[] };
    expect(body.currentPhase).toBe(1);
    expect(body.tasks.map((x) => x.key).sort()).toEqual(TASK_TEMPLATES.map((x) => x.key).sort());
    expect(body.tasks.every((x) => x.status === "open")).toBe(true);

    const legal = await asManager.get("/api/legal-requirements");
    expect(legal.statusCode, legal.body).toBe(200);
    expect((legal.json().items as { key: string }[]).map((r) => r.key).sort()).toEqual(LEGAL_REQUIREMENTS.map((r) => r.key).sort());
    const rows = await t.database.db.select().from(legalRequirement).where(eq(legalRequirement.orgId, manager.orgId));
    expect(rows).toHaveLength(LEGAL_REQUIREMENTS.length);
  });

  it("makes the creator of a provider its partner_admin, without a BGM project", async () => {
    const me = (await asPartner.get("/api/me")).json();
    expect(me.active).toEqual({
      organizationId: partner.orgId,
      organizationName: "Gesund Partner AG",
      kind: "provider",
      role: "partner_admin",
    });
    const project = await asPartner.get("/api/project");
    expect(project.statusCode).toBe(403);
    expect(project.json().error.code).toBe("forbidden");
    const projects = await t.database.db.select().from(bgmProject).where(eq(bgmProject.orgId, partner.orgId));
    expect(projects).toEqual([]);
  });

  it("shows a user without organization no memberships and refuses tenant routes with 403", async () => {
    const loner = await signUp(t.app);
    const me = (await api(t.app, loner.cookie).get("/api/me")).json();
    expect(me).toMatchObject({ memberships: [], active: null });
    expect((await api(t.app, loner.cookie).get("/api/project")).statusCode).toBe(403);
  });

  it("refuses invalid organizations (blank name, unknown kind) with 400", async () => {
    const user = await signUp(t.app);
    expect((await api(t.app, user.cookie).post("/api/organizations", { name: "   ", kind: "company" })).statusCode).toBe(400);
    expect((await api(t.app, user.cookie).post("/api/organizations", { name: "X", kind: "verein" })).statusCode).toBe(400);
    expect((await api(t.app).post("/api/organizations", { name: "X", kind: "company" })).statusCode).toBe(401);
  });

  it("creates organizations only through our API: better-auth's own organization endpoint neither creates one nor breaks /api/me", async () => {
    const user = await signUp(t.app);
    const as = api(t.app, user.cookie);
    const res = await as.post("/api/auth/organization/create", { name: "Umgehung GmbH", slug: `umgehung-${Date.now()}`, kind: "company" });
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const me = await as.get("/api/me");
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().memberships).toEqual([]);
  });
});

describe("active organization", () => {
  it("switches between two memberships and /api/project follows", async () => {
    const other = await signUpCompany(t.app, { name: "Zweite Firma" });
    const both = await addMember(t, other, "bgm_manager");
    const asBoth = api(t.app, both.cookie);
    // The new member also founds a company of their own; founding makes it active.
    const own = await asBoth.post("/api/organizations", { name: "Eigene Firma", kind: "company" });
    expect(own.statusCode, own.body).toBe(201);
    const ownId = own.json().id as string;

    const me = (await asBoth.get("/api/me")).json();
    expect(me.memberships.map((m: { organizationId: string }) => m.organizationId).sort()).toEqual([other.orgId, ownId].sort());
    expect(me.active.organizationId).toBe(ownId);

    const projectOf = async (orgId: string) => {
      const [row] = await t.database.db.select({ id: bgmProject.id }).from(bgmProject).where(eq(bgmProject.orgId, orgId));
      return row?.id;
    };
    expect((await asBoth.get("/api/project")).json().id).toBe(await projectOf(ownId));

    const sw = await asBoth.post("/api/me/active-organization", { organizationId: other.orgId });
    expect(sw.statusCode, sw.body).toBe(200);
    expect((await asBoth.get("/api/me")).json().active).toMatchObject({ organizationId: other.orgId, role: "bgm_manager" });
    expect((await asBoth.get("/api/project")).json().id).toBe(await projectOf(other.orgId));

    // A goal added now lands in the other company, not in the own one.
    expect((await asBoth.post("/api/project/goals", { title: "Ziel der Zweiten", target: "5 %" })).statusCode).toBe(201);
    expect((await api(t.app, other.cookie).get("/api/project/goals")).json().items.map((g: { title: string }) => g.title)).toEqual([
      "Ziel der Zweiten",
    ]);
    await asBoth.post("/api/me/active-organization", { organizationId: ownId });
    expect((await asBoth.get("/api/project/goals")).json()).toEqual({ items: [], nextCursor: null });
  });

  it("refuses to switch to an organization the user is not a member of (404)", async () => {
    const res = await asManager.post("/api/me/active-organization", { organizationId: partner.orgId });
    expect(res.statusCode).toBe(404);
    expect((await asManager.get("/api/me")).json().active.organizationId).toBe(manager.orgId);
  });
});

describe("invitations", () => {
  it("lets a manager invite an employee and a colleague; the mail links to the invitation", async () => {
    for (const role of ["employee", "bgm_manager"]) {
      const email = uniqueEmail(role);
      const inv = await invite(asManager, email, role);
      expect(inv).toMatchObject({ email, role, status: "pending", organizationId: manager.orgId });
      const mail = t.mails.findLast((m) => m.to === email);
      expect(mail, `mail to ${email}`).toBeDefined();
      expect(mail?.text).toContain(`${APP_URL}/invite/${inv.id}`);
      expect(mail?.subject).toContain("Müller & Söhne GmbH");
    }
    const list = (await asManager.get("/api/invitations")).json().items as { status: string }[];
    expect(list.filter((i) => i.status === "pending").length).toBeGreaterThanOrEqual(2);
  });

  it("stores the invited e-mail in lower case so the invitee can accept with any case", async () => {
    const email = uniqueEmail("GrossSchreibung");
    const inv = await invite(asManager, email.toUpperCase(), "employee");
    expect(inv.email).toBe(email.toLowerCase());
  });

  it("forbids a manager to invite partner roles (403) and sends no mail", async () => {
    for (const role of ["partner_admin", "partner_member"]) {
      const email = uniqueEmail("partner");
      const res = await asManager.post("/api/invitations", { email, role });
      expect(res.statusCode, role).toBe(403);
      expect(t.mails.some((m) => m.to === email)).toBe(false);
    }
  });

  it("lets a partner admin invite a partner member, but not company roles", async () => {
    const inv = await invite(asPartner, uniqueEmail("pm"), "partner_member");
    expect(inv.role).toBe("partner_member");
    expect((await asPartner.post("/api/invitations", { email: uniqueEmail("x"), role: "employee" })).statusCode).toBe(403);
    expect((await asPartner.post("/api/invitations", { email: uniqueEmail("x"), role: "bgm_manager" })).statusCode).toBe(403);
  });

  it("forbids members with the employee or partner_member role to invite (403)", async () => {
    const emp = await addMember(t, manager, "employee");
    const res = await api(t.app, emp.cookie).post("/api/invitations", { email: uniqueEmail("y"), role: "employee" });
    expect(res.statusCode).toBe(403);
    expect((await api(t.app, emp.cookie).get("/api/invitations")).statusCode).toBe(403);
    const pm = await addMember(t, partner, "partner_member");
    expect((await api(t.app, pm.cookie).post("/api/invitations", { email: uniqueEmail("z"), role: "partner_member" })).statusCode).toBe(
      403,
    );
  });

  it("refuses a second pending invitation for the same e-mail, in any case (409)", async () => {
    const email = uniqueEmail("dup");
    await invite(asManager, email, "employee");
    const again = await asManager.post("/api/invitations", { email: email.toUpperCase(), role: "bgm_manager" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("conflict");
  });

  it("refuses to invite someone who already is a member (409)", async () => {
    const res = await asManager.post("/api/invitations", { email: manager.email.toUpperCase(), role: "employee" });
    expect(res.statusCode).toBe(409);
    const colleague = await addMember(t, manager, "bgm_manager");
    expect((await asManager.post("/api/invitations", { email: colleague.email, role: "employee" })).statusCode).toBe(409);
  });

  it("shows an invitation only to the addressee and answers 404 when someone else tries to accept it", async () => {
    const email = uniqueEmail("addressee");
    const inv = await invite(asManager, email, "employee");
    const stranger = await signUp(t.app);
    expect((await api(t.app, stranger.cookie).get(`/api/invitations/${inv.id}`)).statusCode).toBe(404);
    const res = await api(t.app, stranger.cookie).post(`/api/invitations/${inv.id}/accept`, { token: invitationLink(t, email).token });
    expect(res.statusCode).toBe(404);
    expect((await api(t.app, stranger.cookie).get("/api/me")).json().memberships).toEqual([]);

    const addressee = await signUp(t.app, { email });
    const seen = await api(t.app, addressee.cookie).get(`/api/invitations/${inv.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ id: inv.id, organizationName: "Müller & Söhne GmbH", role: "employee", status: "pending" });
  });

  it("accepts once: the invitee becomes a member with the invited role; a second accept is 409", async () => {
    const email = uniqueEmail("accept");
    const inv = await invite(asManager, email, "bgm_manager");
    const user = await signUp(t.app, { email });
    const as = api(t.app, user.cookie);
    const first = await as.post(`/api/invitations/${inv.id}/accept`, { token: invitationLink(t, email).token });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: "accepted", role: "bgm_manager" });
    expect((await as.get("/api/me")).json().active).toMatchObject({ organizationId: manager.orgId, role: "bgm_manager" });
    const second = await as.post(`/api/invitations/${inv.id}/accept`, { token: invitationLink(t, email).token });
    expect(second.statusCode).toBe(409);
    const rows = await t.database.db.select().from(member).where(eq(member.userId, user.userId));
    expect(rows).toHaveLength(1);
  });

  it("refuses an account that cannot prove the invited address: no token, a forged token, another invitation's token (403)", async () => {
    // The attack: learn an invitation id, sign up with the invited address (never verified), accept.
    const email = uniqueEmail("takeover");
    const inv = await invite(asManager, email, "bgm_manager");
    const attacker = await signUp(t.app, { email });
    const as = api(t.app, attacker.cookie);
    const other = await invite(asManager, uniqueEmail("other"), "employee");
    const otherToken = invitationLink(t, other.email).token;
    for (const body of [{}, { token: "A".repeat(43) }, { token: otherToken }]) {
      const res = await as.post(`/api/invitations/${inv.id}/accept`, body);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe("email_unverified");
    }
    expect((await as.get("/api/me")).json().memberships).toEqual([]);
    const [row] = await t.database.db.select({ status: invitation.status }).from(invitation).where(eq(invitation.id, inv.id));
    expect(row?.status).toBe("pending");
  });

  it("the invitation mail's signed link proves the address: accepting with it verifies the e-mail", async () => {
    const email = uniqueEmail("proven");
    const inv = await invite(asManager, email, "employee");
    const mail = t.mails.findLast((m) => m.to === email);
    expect(mail?.text).toContain(`/invite/${inv.id}?token=`);
    const invitee = await signUp(t.app, { email });
    const res = await api(t.app, invitee.cookie).post(`/api/invitations/${inv.id}/accept`, { token: invitationLink(t, email).token });
    expect(res.statusCode, res.body).toBe(200);
    const [u] = await t.database.db.select({ verified: user.emailVerified }).from(user).where(eq(user.id, invitee.userId));
    expect(u?.verified).toBe(true);
    // A verified address needs no token for the next invitation.
    const second = await signUpCompany(t.app, { name: "Zweitfirma" });
    const inv2 = await invite(api(t.app, second.cookie), email, "employee");
    expect((await api(t.app, invitee.cookie).post(`/api/invitations/${inv2.id}/accept`)).statusCode).toBe(200);
  });

  it("refuses an expired invitation (409) and lets the manager invite the person again", async () => {
    const email = uniqueEmail("expired");
    const inv = await invite(asManager, email, "employee");
    await t.database.db
      .update(invitation)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invitation.id, inv.id));
    const user = await signUp(t.app, { email });
    const res = await api(t.app, user.cookie).post(`/api/invitations/${inv.id}/accept`, { token: invitationLink(t, email).token });
    expect(res.statusCode).toBe(409);
    expect((await api(t.app, user.cookie).get("/api/me")).json().memberships).toEqual([]);

    // An expired invitation can no longer be used, so it must not block a fresh one.
    const again = await asManager.post("/api/invitations", { email, role: "employee" });
    expect(again.statusCode, again.body).toBe(201);
  });

  it("cancels a pending invitation: status canceled, it cannot be accepted, a second cancel is 404", async () => {
    const email = uniqueEmail("cancel");
    const inv = await invite(asManager, email, "employee");
    const res = await asManager.delete(`/api/invitations/${inv.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("canceled");
    const listed = (await asManager.get("/api/invitations")).json().items.find((i: { id: string }) => i.id === inv.id);
    expect(listed.status).toBe("canceled");
    const user = await signUp(t.app, { email });
    expect(
      (await api(t.app, user.cookie).post(`/api/invitations/${inv.id}/accept`, { token: invitationLink(t, email).token })).statusCode,
    ).toBe(409);
    expect((await asManager.delete(`/api/invitations/${inv.id}`)).statusCode).toBe(404);
    // Another organization cannot cancel it either.
    const inv2 = await invite(asManager, uniqueEmail("cancel2"), "employee");
    expect((await asPartner.delete(`/api/invitations/${inv2.id}`)).statusCode).toBe(404);
  });

  it("links the employee record with the same e-mail when an employee accepts", async () => {
    const email = uniqueEmail("staff");
    const created = await asManager.post("/api/employees", {
      firstName: "Jürgen",
      lastName: "Weiß",
      email: email.replace(/^staff/, "Staff"),
      department: "Lager",
    });
    expect(created.statusCode, created.body).toBe(201);
    const inv = await invite(asManager, email, "employee");
    const user = await signUp(t.app, { email });
    const acc = await api(t.app, user.cookie).post(`/api/invitations/${inv.id}/accept`, { token: invitationLink(t, email).token });
    expect(acc.statusCode, acc.body).toBe(200);
    const [row] = await t.database.db.select({ userId: employee.userId }).from(employee).where(eq(employee.id, created.json().id));
    expect(row?.userId).toBe(user.userId);
  });
});

describe("members", () => {
  it("lists the members of the active organization with their roles, to managers and partner roles only", async () => {
    const company = await signUpCompany(t.app, { name: "Mitgliederfirma" });
    const colleague = await addMember(t, company, "bgm_manager");
    const staff = await addMember(t, company, "employee");
    const res = await api(t.app, company.cookie).get("/api/organization/members");
    expect(res.statusCode, res.body).toBe(200);
    const members = res.json().items as { userId: string; email: string; role: string }[];
    expect(members.map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [company.userId, "bgm_manager"],
        [colleague.userId, "bgm_manager"],
        [staff.userId, "employee"],
      ].sort(),
    );
    expect(members.find((m) => m.userId === staff.userId)?.email).toBe(staff.email);
    expect((await api(t.app, staff.cookie).get("/api/organization/members")).statusCode).toBe(403);

    const partnerMembers = (await asPartner.get("/api/organization/members")).json().items as { userId: string }[];
    expect(partnerMembers.map((m) => m.userId)).toContain(partner.userId);
    expect(partnerMembers.map((m) => m.userId)).not.toContain(company.userId);
  });
});
