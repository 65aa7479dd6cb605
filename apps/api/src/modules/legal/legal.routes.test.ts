import { auditLog, withTenantTx } from "@bgm/db";
import type { LegalRequirement } from "@bgm/domain";
import { GBU_STEP_KEYS } from "@bgm/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, api, createTestApp, type OrgUser, signUpCompany, type TestApp } from "../../../test/helpers.js";
import { markStepDone } from "./index.js";

let t: TestApp;
let managerA: string;
let managerB: string;
let companyA: OrgUser;

beforeAll(async () => {
  t = await createTestApp();
  companyA = await signUpCompany(t.app, { name: "Firma A GmbH" });
  managerA = companyA.cookie;
  managerB = (await signUpCompany(t.app, { name: "Firma B GmbH" })).cookie;
});
afterAll(() => t.close());

const BASE = "/api/legal-requirements";
type Method = "GET" | "PATCH" | "POST";

function call(cookie: string, method: Method, url: string, body?: unknown) {
  const client = api(t.app, cookie);
  if (method === "GET") return client.get(url);
  return method === "PATCH" ? client.patch(url, body) : client.post(url, body);
}

async function ok(cookie: string, method: Method, url: string, body?: unknown): Promise<LegalRequirement> {
  const res = await call(cookie, method, url, body);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

function upload(cookie: string, key: string, step: string, bytes: Buffer, fileName: string, type = "application/pdf") {
  return api(t.app, cookie).raw({
    method: "POST",
    url: `${BASE}/${key}/steps/${step}/evidence`,
    payload: bytes,
    headers: { "content-type": type, "x-file-name": encodeURIComponent(fileName) },
  });
}

describe("legal requirements", () => {
  it("a new company has both requirements open with the seven steps", async () => {
    const res = await call(managerA, "GET", BASE);
    expect(res.statusCode).toBe(200);
    const list: LegalRequirement[] = res.json().items;
    expect(res.json().nextCursor).toBeNull();
    expect(list.map((r) => r.key)).toEqual(["gbu_physical", "gbu_psychological"]);
    for (const r of list) {
      expect(r.status).toBe("open");
      expect(r.steps.map((s) => s.key)).toEqual(GBU_STEP_KEYS);
      expect(r.steps.every((s) => !s.done)).toBe(true);
      expect(r.missing).toContain("no_measures");
    }
  });

  it("unknown key → 404, bad step key → 400", async () => {
    expect((await call(managerA, "GET", `${BASE}/gbu_nonsense`)).statusCode).toBe(404);
    const bad = await call(managerA, "PATCH", `${BASE}/gbu_physical/steps/not_a_step`, { done: true });
    expect(bad.statusCode).toBe(400);
    expect((await call(managerA, "PATCH", `${BASE}/gbu_physical`, {})).statusCode).toBe(400);
  });

  it("documenting everything makes it done; a trigger reopens it", async () => {
    const key = "gbu_psychological";
    let r = await ok(managerA, "PATCH", `${BASE}/${key}`, { assessmentDate: "2025-03-01" });
    r = await ok(managerA, "POST", `${BASE}/${key}/measures`, { title: "Workload workshop", ownerName: "HR lead", dueDate: "2025-06-30" });
    const measureId = r.measures[0]?.id as string;
    expect(r.missing).toContain(`measure_not_carried_out:${measureId}`);
    r = await ok(managerA, "PATCH", `${BASE}/${key}/measures/${measureId}`, { carriedOutAt: "2025-06-10", proof: "Attendance list" });
    r = await ok(managerA, "PATCH", `${BASE}/${key}`, { effectivenessCheck: "Follow-up survey: strain decreased" });
    for (const step of GBU_STEP_KEYS) {
      expect(r.status).toBe("open");
      r = await ok(managerA, "PATCH", `${BASE}/${key}/steps/${step}`, { done: true, notes: `${step} documented` });
    }
    expect(r.missing).toEqual([]);
    expect(r.status).toBe("done");
    expect(r.completedAt).not.toBeNull();
    expect(r.events.map((e) => e.kind)).toEqual(["completed"]);

    r = await ok(managerA, "POST", `${BASE}/${key}/triggers`, { kind: "accident", note: "Fall in warehouse" });
    expect(r.status).toBe("open");
    expect(r.completedAt).toBeNull();
    const undone = r.steps.filter((s) => !s.done).map((s) => s.key);
    expect(undone).toEqual(["check_effectiveness", "update_and_document"]);
    expect(r.events.map((e) => e.kind)).toEqual(["completed", "accident"]);

    // Re-documenting the review steps completes it again.
    await ok(managerA, "PATCH", `${BASE}/${key}/steps/check_effectiveness`, { done: true });
    r = await ok(managerA, "PATCH", `${BASE}/${key}/steps/update_and_document`, { done: true });
    expect(r.status).toBe("done");
    // Unticking a step makes it open again.
    r = await ok(managerA, "PATCH", `${BASE}/${key}/steps/assess_hazards`, { done: false });
    expect(r.status).toBe("open");
    expect(r.missing).toEqual(["step_not_done:assess_hazards"]);
    expect(r.events.map((e) => e.kind)).toEqual(["completed", "accident", "completed", "reopened"]);
  });

  it("stores a real PDF as evidence and refuses an executable named .pdf", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
    const res = await upload(managerA, "gbu_physical", "assess_hazards", pdf, "Beurteilung Büro.pdf");
    expect(res.statusCode, res.body).toBe(201);
    const step = (res.json() as LegalRequirement).steps.find((s) => s.key === "assess_hazards");
    expect(step?.evidence).toHaveLength(1);
    expect(step?.evidence[0]).toMatchObject({ fileName: "Beurteilung Büro.pdf", mimeType: "application/pdf", sizeBytes: pdf.length });

    const download = await call(managerA, "GET", `/api/files/${step?.evidence[0]?.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);

    for (const exe of [Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "binary"), Buffer.from("\x7fELF\x02\x01\x01", "binary")]) {
      const refused = await upload(managerA, "gbu_physical", "identify_hazards", exe, "harmless.pdf");
      expect(refused.statusCode).toBe(422);
    }
    const after = await ok(managerA, "GET", `${BASE}/gbu_physical`);
    expect(after.steps.find((s) => s.key === "identify_hazards")?.evidence).toEqual([]);
    expect(after.steps.flatMap((s) => s.evidence)).toHaveLength(1);
  });

  it("company B cannot see or change company A's measure", async () => {
    const a = await ok(managerA, "POST", `${BASE}/gbu_physical/measures`, {
      title: "Ergonomic chairs",
      ownerName: "Facility",
      dueDate: "2025-09-01",
    });
    const measureId = a.measures.at(-1)?.id as string;
    const res = await call(managerB, "PATCH", `${BASE}/gbu_physical/measures/${measureId}`, { proof: "hijacked" });
    expect(res.statusCode).toBe(404);
    // Same company, wrong requirement: also unknown.
    const wrongReq = await call(managerA, "PATCH", `${BASE}/gbu_psychological/measures/${measureId}`, { proof: "x" });
    expect(wrongReq.statusCode).toBe(404);
    const b = await ok(managerB, "GET", `${BASE}/gbu_physical`);
    expect(b.measures).toEqual([]);
    const stillA = await ok(managerA, "GET", `${BASE}/gbu_physical`);
    expect(stillA.measures.find((m) => m.id === measureId)?.proof).toBe("");
  });

  it("401 without a session, 403 for an employee", async () => {
    expect((await call("", "GET", BASE)).statusCode).toBe(401);
    expect((await call("", "PATCH", `${BASE}/gbu_physical`, { assessmentDate: "2025-01-01" })).statusCode).toBe(401);
    expect((await upload("", "gbu_physical", "assess_hazards", Buffer.from("%PDF-1.4"), "a.pdf")).statusCode).toBe(401);

    const employee = (await addMember(t, companyA, "employee")).cookie;
    expect((await call(employee, "GET", BASE)).statusCode).toBe(403);
    expect((await call(employee, "POST", `${BASE}/gbu_physical/triggers`, { kind: "complaints" })).statusCode).toBe(403);
  });

  it("other modules can tick a step through the service, appending their note", async () => {
    const view = await withTenantTx(t.database.db, companyA.orgId, (tx) =>
      markStepDone(
        { tx, orgId: companyA.orgId, orgKind: "company", role: "bgm_manager", userId: companyA.userId, audit: async () => {} },
        "gbu_physical",
        "define_work_areas",
        { note: "From partner result: workplace analysis" },
      ),
    );
    const step = view.steps.find((s) => s.key === "define_work_areas");
    expect(step).toMatchObject({ done: true, notes: "From partner result: workplace analysis" });
    expect(step?.completedAt).not.toBeNull();
  });

  it("audits every change without the free-text notes", async () => {
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.orgId, companyA.orgId));
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      "legal.requirements_created",
      "legal.requirement_updated",
      "legal.step_updated",
      "legal.measure_created",
      "legal.measure_updated",
      "legal.completed",
      "legal.reopened",
      "legal.evidence_added",
    ]) {
      expect(actions, a).toContain(a);
    }
    const details = JSON.stringify(rows.map((r) => r.details));
    expect(details).not.toContain("Fall in warehouse");
    expect(details).not.toContain("HR lead");
  });

  it("documents the routes in OpenAPI", async () => {
    const res = await api(t.app).get("/api/openapi.json");
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toContain("/api/legal-requirements/{key}/steps/{step}/evidence");
    expect(paths).toContain("/api/legal-requirements/{key}/measures/{id}");
  });
});
