import { auditLog } from "@bgm/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEngagementWorld } from "../../../test/engagement-fixtures.js";
import {
  type Api,
  addMember,
  allPages,
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

interface Entry {
  id: number;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  objectTitle: string | null;
  objectParty: string | null;
}

const CLIENT_IP = "198.51.100.23";
const EMPLOYEE_EMAIL = "franziska.oezdemir@audit-firma.de";
const NEW_EMPLOYEE_EMAIL = "f.oezdemir@audit-firma.de";
const IMPORTED_EMAIL = "karl-heinz.baecker@audit-firma.de";
const SECRET_NOTE = "Rückenbeschwerden von Frau Özdemir besprechen";
const PDF = Buffer.from("%PDF-1.4\n% Vereinbarung\n%%EOF\n");

let t: TestApp;
let a: OrgUser;
let b: OrgUser;
let asA: Api;
let started: number;
let invitee: OrgUser;
const ids: Record<string, string> = {};

async function all(as: Api, query = ""): Promise<Entry[]> {
  return (await allPages<Entry>(as, `/api/audit?${query.replace(/^&/, "")}`)).items;
}

beforeAll(async () => {
  t = await createTestApp();
  started = Date.now() - 1000;
  a = await signUpCompany(t.app, { name: "Audit Firma" });
  b = await signUpCompany(t.app, { name: "Fremde Firma" });
  asA = api(t.app, a.cookie);
  const ok = (res: { statusCode: number; body: string }) => {
    expect(res.statusCode, res.body).toBeLessThan(300);
    return JSON.parse(res.body);
  };

  // Employees: create, edit the e-mail, deactivate, reactivate, import.
  ids.employee = ok(
    await asA.raw({
      method: "POST",
      url: "/api/employees",
      payload: { firstName: "Franziska", lastName: "Özdemir", email: EMPLOYEE_EMAIL, department: "Pflege" },
      remoteAddress: CLIENT_IP,
    }),
  ).id;
  ok(await asA.patch(`/api/employees/${ids.employee}`, { email: NEW_EMPLOYEE_EMAIL, lastName: "Özdemir-Weiß" }));
  ok(await asA.patch(`/api/employees/${ids.employee}`, { active: false }));
  ok(await asA.patch(`/api/employees/${ids.employee}`, { active: true }));
  ok(
    await asA.raw({
      method: "POST",
      url: "/api/employees/import",
      headers: { "content-type": "text/csv" },
      payload: `Vorname;Nachname;E-Mail;Abteilung\nKarl-Heinz;Bäcker;${IMPORTED_EMAIL};Küche\n`,
    }),
  );

  // Invitations: create + accept, create + cancel.
  const email = uniqueEmail("kollegin");
  ids.invitation = ok(await asA.post("/api/invitations", { email, role: "bgm_manager" })).id;
  const user = await signUp(t.app, { email, name: "Kollegin Käthe" });
  ok(await api(t.app, user.cookie).post(`/api/invitations/${ids.invitation}/accept`, { token: invitationLink(t, email).token }));
  invitee = { ...user, orgId: a.orgId };
  ids.canceled = ok(await asA.post("/api/invitations", { email: uniqueEmail("abgesagt"), role: "employee" })).id;
  ok(await asA.delete(`/api/invitations/${ids.canceled}`));

  // BGM process: task, document, goal, phase.
  ids.task = ok(await asA.patch("/api/project/tasks/form_steering_group", { status: "in_progress", notes: SECRET_NOTE })).id;
  const doc = ok(
    await asA.raw({
      method: "POST",
      url: "/api/project/tasks/works_council_agreement/document",
      headers: { "content-type": "application/pdf", "x-file-name": "vereinbarung.pdf" },
      payload: PDF,
    }),
  );
  ids.wcaTask = doc.id;
  ids.file = doc.details.documentId;
  ids.goal = ok(await asA.post("/api/project/goals", { title: "Weniger Rückenschmerzen", target: "-10 %" })).id;
  ok(await asA.patch(`/api/project/goals/${ids.goal}`, { status: "achieved" }));
  ok(await asA.put("/api/project/current-phase", { phase: 2 }));

  // Company B does something too.
  ok(await api(t.app, b.cookie).post("/api/project/goals", { title: "Ziel B", target: "B" }));
});
afterAll(() => t?.close());

describe("audit log", () => {
  it("records every change with action, actor, ip and time", async () => {
    const entries = await all(asA);
    const find = (action: string, entityId?: string) =>
      entries.find((e) => e.action === action && (entityId === undefined || e.entityId === entityId));
    const expected: [string, string | undefined][] = [
      ["organization.created", a.orgId],
      ["legal.requirements_created", undefined],
      ["employee.created", ids.employee],
      ["employee.updated", ids.employee],
      ["employee.deactivated", ids.employee],
      ["employee.reactivated", ids.employee],
      ["employees.imported", undefined],
      ["invitation.created", ids.invitation],
      ["invitation.accepted", ids.invitation],
      ["invitation.created", ids.canceled],
      ["invitation.canceled", ids.canceled],
      ["task.updated", ids.task],
      ["file.uploaded", ids.wcaTask],
      ["task.document_attached", ids.wcaTask],
      ["goal.created", ids.goal],
      ["goal.updated", ids.goal],
      ["project.phase_changed", undefined],
    ];
    const missing = expected.filter(([action, id]) => !find(action, id)).map(([action]) => action);
    expect(missing).toEqual([]);

    for (const e of entries) {
      expect(e.ip, e.action).toBeTruthy();
      const at = Date.parse(e.at);
      expect(at, e.action).toBeGreaterThanOrEqual(started);
      expect(at, e.action).toBeLessThanOrEqual(Date.now() + 1000);
      const actor = e.action === "invitation.accepted" ? invitee.userId : a.userId;
      expect(e.actorUserId, e.action).toBe(actor);
    }
    expect(find("invitation.accepted")?.actorName).toBe("Kollegin Käthe");
    expect(find("goal.created")?.actorName).toBe("Audit Firma Admin");
    expect(find("employee.created")?.ip).toBe(CLIENT_IP);
    expect(find("project.phase_changed")?.details).toEqual({ from: 1, to: 2 });
    expect(find("employees.imported")?.details).toMatchObject({ created: 1, updated: 0, total: 1 });
    expect(find("task.document_attached")?.details).toMatchObject({ key: "works_council_agreement", fileId: ids.file });
  });

  it("lists newest first and filters by entity type", async () => {
    const entries = await all(asA);
    const sorted = [...entries].sort((x, y) => y.id - x.id);
    expect(entries.map((e) => e.id)).toEqual(sorted.map((e) => e.id));
    const goals = await all(asA, "&entityType=goal");
    expect(goals.map((e) => e.action).sort()).toEqual(["goal.created", "goal.updated"]);
  });

  it("filters by area of the action registry and names the object each entry is about", async () => {
    const process = await all(asA, "&area=process");
    expect(process.length).toBeGreaterThan(0);
    expect(new Set(process.map((e) => e.action.split(".")[0]))).toEqual(new Set(["goal", "task", "file", "project"]));
    const employees = await all(asA, "&area=employees");
    expect(employees.map((e) => e.action).sort()).toEqual([
      "employee.created",
      "employee.deactivated",
      "employee.reactivated",
      "employee.updated",
      "employees.imported",
    ]);
    const goal = (await all(asA)).find((e) => e.action === "goal.created" && e.entityId === ids.goal);
    expect(goal).toMatchObject({ objectTitle: "Weniger Rückenschmerzen", objectParty: null });
    expect((await all(asA)).find((e) => e.action === "employee.created")).toMatchObject({ objectTitle: null });
    expect((await asA.get("/api/audit?area=unknown")).statusCode).toBe(400);
  });

  it("names an engagement by its offering and the other party, for each side", async () => {
    const w = await makeEngagementWorld(t, { until: "accepted", offering: { title: "Rückenfit-Kurs" }, companyName: "Objekt GmbH" });
    const ofCompany = await all(w.asCompany, "&area=engagements");
    expect(ofCompany.find((e) => e.action === "engagement.accept_quote")).toMatchObject({
      entityId: w.engagementId,
      objectTitle: "Rückenfit-Kurs",
      objectParty: "SurveyPro GmbH",
    });
    const ofPartner = await all(w.asPartner, "&area=engagements");
    expect(ofPartner.find((e) => e.action === "engagement.send_quote")).toMatchObject({
      objectTitle: "Rückenfit-Kurs",
      objectParty: "Objekt GmbH",
    });
  });

  it("pages by cursor through exactly the full list, also while entries are written in between", async () => {
    const full = await all(asA);
    expect(full.length).toBeGreaterThan(8);
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const res = await asA.get(`/api/audit?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Entry[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(4);
      seen.push(...body.items.map((e) => e.id));
      cursor = body.nextCursor;
      if (cursor === null) break;
      // A new entry lands on top, before the pages already read: it must not shift what comes next.
      expect((await asA.post("/api/project/goals", { title: `Ziel während des Blätterns ${page}`, target: "1" })).statusCode).toBe(201);
    }
    expect(cursor).toBeNull();
    expect(seen).toEqual(full.map((e) => e.id));
  });

  it("returns nothing of another organization for its cursor", async () => {
    const first = (await asA.get("/api/audit?limit=1")).json() as { items: Entry[]; nextCursor: string };
    expect(first.nextCursor).toEqual(expect.any(String));
    const res = await api(t.app, b.cookie).get(`/api/audit?cursor=${first.nextCursor}`);
    expect(res.statusCode).toBe(200);
    const ofA = new Set((await all(asA)).map((e) => e.id));
    expect((res.json().items as Entry[]).filter((e) => ofA.has(e.id))).toEqual([]);
  });

  it("shows a manager only their own organization's entries", async () => {
    const ofA = await all(asA);
    const ofB = await all(api(t.app, b.cookie));
    const rowsOfA = await t.database.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.orgId, a.orgId));
    expect(ofA.map((e) => e.id).sort((x, y) => x - y)).toEqual(rowsOfA.map((r) => r.id).sort((x, y) => x - y));
    expect(ofB.map((e) => e.id).filter((id) => ofA.some((e) => e.id === id))).toEqual([]);
    expect(ofB.find((e) => e.action === "organization.created")?.entityId).toBe(b.orgId);
    expect(JSON.stringify(ofB)).not.toContain(ids.goal);
    expect(ofB.every((e) => e.actorUserId === b.userId)).toBe(true);
  });

  it("is readable by managers and partner admins only", async () => {
    const staff = await addMember(t, a, "employee");
    const res = await api(t.app, staff.cookie).get("/api/audit");
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("forbidden");
    expect((await api(t.app).get("/api/audit")).statusCode).toBe(401);

    const partner = await signUpProvider(t.app);
    const own = await api(t.app, partner.cookie).get("/api/audit");
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((e: Entry) => e.action)).toEqual(["organization.created"]);
  });

  it("keeps personal data out of the entries", async () => {
    const text = JSON.stringify(await all(asA));
    for (const personal of [
      EMPLOYEE_EMAIL,
      NEW_EMPLOYEE_EMAIL,
      IMPORTED_EMAIL,
      invitee.email,
      "Franziska",
      "Özdemir",
      "Bäcker",
      SECRET_NOTE,
    ]) {
      expect(text, personal).not.toContain(personal);
    }
    const rows = await t.database.db.select({ details: auditLog.details }).from(auditLog);
    const stored = JSON.stringify(rows);
    for (const personal of [EMPLOYEE_EMAIL, NEW_EMPLOYEE_EMAIL, IMPORTED_EMAIL, invitee.email, SECRET_NOTE]) {
      expect(stored, personal).not.toContain(personal);
    }
  });

  it("writes no entry for a refused change", async () => {
    const before = (await all(asA)).length;
    expect((await asA.patch("/api/project/tasks/works_council_agreement", { status: "done" })).statusCode).toBe(422);
    expect(
      (await asA.post("/api/employees", { firstName: "X", lastName: "Y", email: NEW_EMPLOYEE_EMAIL, department: "Z" })).statusCode,
    ).toBe(409);
    expect((await asA.post("/api/invitations", { email: invitee.email, role: "employee" })).statusCode).toBe(409);
    expect((await all(asA)).length).toBe(before);
  });

  it("refuses invalid paging parameters with 400", async () => {
    const tampered = Buffer.from(JSON.stringify(["1 or 1=1"])).toString("base64url");
    for (const q of [
      "limit=0",
      "limit=101",
      "before=5",
      "cursor=abc",
      "cursor=a.b",
      `cursor=${tampered}`,
      `cursor=${"A".repeat(600)}`,
      "foo=1",
    ]) {
      const res = await asA.get(`/api/audit?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code, q).toBe("validation_failed");
    }
  });
});
