import { storedFile } from "@bgm/db";
import { PHASES, TASK_TEMPLATES } from "@bgm/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, api, createTestApp, type OrgUser, signUpCompany, type TestApp } from "../../../test/helpers.js";
import {
  createGoal,
  AGREEMENT_FILE_NAME as FILE_NAME,
  makeProjectWorld,
  AGREEMENT_PDF as PDF,
  prepareAgreement,
  uploadAgreement as upload,
  WORKS_COUNCIL_AGREEMENT as WCA,
} from "./test-fixtures.js";

/*
 * Every test works on a company of its own (makeProjectWorld) and builds the state it needs, so the
 * tests pass in any order (checked with `vitest --sequence.shuffle`). The outsider company is only read.
 */
let t: TestApp;
let outsider: OrgUser;

interface TaskBody {
  id: string;
  key: string;
  phase: number;
  status: string;
  ownerUserId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  notes: string;
  details: Record<string, unknown>;
  completedAt: string | null;
}
interface Phase {
  number: number;
  key: string;
  tasksTotal: number;
  tasksDone: number;
}

const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(64, 0x90), Buffer.from("This program cannot be run in DOS mode.")]);

async function fileCount(orgId: string): Promise<number> {
  const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(storedFile).where(eq(storedFile.orgId, orgId));
  return row?.n ?? 0;
}

beforeAll(async () => {
  t = await createTestApp();
  outsider = await signUpCompany(t.app, { name: "Andere GmbH" });
});
afterAll(() => t?.close());

describe("project and phases", () => {
  it("summarises the six phases with task totals from the checklist template", async () => {
    const { as } = await makeProjectWorld(t);
    const res = await as.get("/api/project");
    expect(res.statusCode, res.body).toBe(200);
    const project = res.json() as { currentPhase: number; phases: Phase[]; tasks: TaskBody[]; goals: unknown[] };
    expect(project.currentPhase).toBe(1);
    expect(project.phases).toEqual(
      PHASES.map((p) => ({
        number: p.number,
        key: p.key,
        tasksTotal: TASK_TEMPLATES.filter((x) => x.phase === p.number).length,
        tasksDone: 0,
      })),
    );
    expect(project.tasks.map((x) => x.key)).toEqual(TASK_TEMPLATES.map((x) => x.key));
    expect(project.goals).toEqual([]);
  });

  it("counts done tasks per phase", async () => {
    const { as } = await makeProjectWorld(t);
    // A task mirroring a legal requirement is done through the ledger, not here.
    const phase2 = TASK_TEMPLATES.filter((x) => x.phase === 2 && !("followsLegalRequirement" in x)).slice(0, 2);
    for (const task of phase2) {
      const res = await as.patch(`/api/project/tasks/${task.key}`, { status: "done" });
      expect(res.statusCode, res.body).toBe(200);
    }
    await as.patch(`/api/project/tasks/${TASK_TEMPLATES.find((x) => x.phase === 3)?.key}`, { status: "in_progress" });
    const phases = (await as.get("/api/project")).json().phases as Phase[];
    expect(phases.find((p) => p.number === 2)?.tasksDone).toBe(2);
    expect(phases.filter((p) => p.number !== 2).every((p) => p.tasksDone === 0)).toBe(true);
  });

  it("moves the project to another phase and refuses phases outside 1-6", async () => {
    const { as } = await makeProjectWorld(t);
    const res = await as.put("/api/project/current-phase", { phase: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().currentPhase).toBe(3);
    expect((await as.get("/api/project")).json().currentPhase).toBe(3);
    expect((await as.put("/api/project/current-phase", { phase: 7 })).statusCode).toBe(400);
    expect((await as.put("/api/project/current-phase", { phase: 0 })).statusCode).toBe(400);
    expect((await as.put("/api/project/current-phase", { phase: 2.5 })).statusCode).toBe(400);
    expect((await as.get("/api/project")).json().currentPhase).toBe(3);
    // Another company's project is untouched.
    expect((await api(t.app, outsider.cookie).get("/api/project")).json().currentPhase).toBe(1);
  });
});

describe("checklist tasks", () => {
  it("round-trips status, owner, due date and notes", async () => {
    const { as, manager } = await makeProjectWorld(t);
    const colleague = await addMember(t, manager, "bgm_manager");
    const patch = {
      status: "in_progress",
      ownerUserId: colleague.userId,
      dueDate: "2026-03-31",
      notes: "Mit Betriebsärztin abstimmen – Überstunden prüfen",
    };
    const res = await as.patch("/api/project/tasks/form_steering_group", patch);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ...patch, ownerName: "New bgm_manager", completedAt: null });

    const read = (await as.get("/api/project/tasks/form_steering_group")).json() as TaskBody;
    expect(read).toMatchObject({ ...patch, key: "form_steering_group", phase: 1 });

    const done = (await as.patch("/api/project/tasks/form_steering_group", { status: "done" })).json() as TaskBody;
    expect(done.status).toBe("done");
    expect(Date.parse(done.completedAt ?? "")).not.toBeNaN();
    expect(done).toMatchObject({ ownerUserId: colleague.userId, dueDate: "2026-03-31", notes: patch.notes });

    const cleared = await as.patch("/api/project/tasks/form_steering_group", {
      status: "open",
      ownerUserId: null,
      dueDate: null,
      notes: "",
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({
      status: "open",
      ownerUserId: null,
      ownerName: null,
      dueDate: null,
      notes: "",
      completedAt: null,
    });
  });

  it("requires the owner to be a member of the organization (422)", async () => {
    const { as } = await makeProjectWorld(t);
    for (const ownerUserId of [outsider.userId, "kein-mitglied"]) {
      const res = await as.patch("/api/project/tasks/define_goals", { ownerUserId });
      expect(res.statusCode, ownerUserId).toBe(422);
      expect(res.json().error).toMatchObject({ code: "unprocessable", details: { field: "ownerUserId" } });
    }
    expect((await as.get("/api/project/tasks/define_goals")).json().ownerUserId).toBeNull();
  });

  it("answers 404 for an unknown task key and 400 for an empty or invalid patch", async () => {
    const { as } = await makeProjectWorld(t);
    expect((await as.get("/api/project/tasks/gibt_es_nicht")).statusCode).toBe(404);
    const res = await as.patch("/api/project/tasks/gibt_es_nicht", { status: "done" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
    expect((await as.patch("/api/project/tasks/define_goals", {})).statusCode).toBe(400);
    expect((await as.patch("/api/project/tasks/define_goals", { status: "fertig" })).statusCode).toBe(400);
    expect((await as.patch("/api/project/tasks/define_goals", { dueDate: "31.03.2026" })).statusCode).toBe(400);
    expect((await as.patch("/api/project/tasks/define_goals", { dueDate: "2026-02-30" })).statusCode).toBe(400);
    expect((await as.patch("/api/project/tasks/define_goals", { notes: "x".repeat(5001) })).statusCode).toBe(400);
  });

  it("only lets the company's BGM managers work on the project", async () => {
    const { as, manager } = await makeProjectWorld(t);
    const staff = await addMember(t, manager, "employee");
    const asStaff = api(t.app, staff.cookie);
    expect((await asStaff.get("/api/project")).statusCode).toBe(403);
    expect((await asStaff.patch("/api/project/tasks/define_goals", { status: "done" })).statusCode).toBe(403);
    expect((await as.get("/api/project/tasks/define_goals")).json().status).toBe("open");
  });
});

describe("works council agreement", () => {
  it("cannot be done without its date and document; the answer lists what is missing", async () => {
    const { as } = await makeProjectWorld(t);
    const none = await as.patch(WCA, { status: "done" });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.details.missing).toEqual(["agreementDate", "document"]);

    const withDate = await as.patch(WCA, { status: "done", details: { agreementDate: "2025-11-03" } });
    expect(withDate.statusCode).toBe(422);
    expect(withDate.json().error.details.missing).toEqual(["document"]);
    // The refused request changed nothing, not even the date.
    const task = (await as.get(WCA)).json() as TaskBody;
    expect(task.status).toBe("open");
    expect(task.details.agreementDate ?? null).toBeNull();

    const date = await as.patch(WCA, { details: { agreementDate: "2025-11-03" } });
    expect(date.statusCode, date.body).toBe(200);
    expect(date.json().details.agreementDate).toBe("2025-11-03");
    const stillMissing = await as.patch(WCA, { status: "done" });
    expect(stillMissing.json().error.details.missing).toEqual(["document"]);
  });

  it("refuses an executable declared as PDF (422) and stores nothing", async () => {
    const { as, manager } = await makeProjectWorld(t);
    const before = await fileCount(manager.orgId);
    const res = await upload(as, EXE, "application/pdf", "Betriebsvereinbarung.pdf");
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("unprocessable");
    expect(await fileCount(manager.orgId)).toBe(before);
    expect((await as.get(WCA)).json().details.documentId ?? null).toBeNull();
  });

  it("stores the uploaded PDF and serves the same bytes with its name", async () => {
    const { as } = await makeProjectWorld(t);
    expect((await as.patch(WCA, { details: { agreementDate: "2025-11-03" } })).statusCode).toBe(200);
    const res = await upload(as, PDF);
    expect(res.statusCode, res.body).toBe(201);
    const task = res.json() as TaskBody;
    const documentId = task.details.documentId as string;
    expect(documentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(task.details.agreementDate).toBe("2025-11-03");

    const file = await as.get(`/api/files/${documentId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toMatch(/^application\/pdf/);
    expect(Buffer.compare(file.rawPayload, PDF)).toBe(0);
    const disposition = String(file.headers["content-disposition"]);
    expect(disposition).toMatch(/^attachment;/);
    const encoded = disposition.match(/filename\*=UTF-8''([^;]+)/)?.[1] ?? "";
    expect(decodeURIComponent(encoded)).toBe(FILE_NAME);

    // Another company cannot download it.
    expect((await api(t.app, outsider.cookie).get(`/api/files/${documentId}`)).statusCode).toBe(404);
  });

  it("refuses setting the document id through PATCH (422)", async () => {
    const { as } = await makeProjectWorld(t);
    const documentId = await prepareAgreement(as);
    const current = (await as.get(WCA)).json() as TaskBody;
    expect(current.details.documentId).toBe(documentId);
    const res = await as.patch(WCA, { details: { documentId: "00000000-0000-4000-8000-000000000000" } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual({ field: "details.documentId" });
    expect((await as.get(WCA)).json().details.documentId).toBe(current.details.documentId);
  });

  it("can be done once date and document are there", async () => {
    const { as } = await makeProjectWorld(t);
    await prepareAgreement(as);
    const res = await as.patch(WCA, { status: "done" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("done");
    expect(Date.parse(res.json().completedAt)).not.toBeNaN();
    // The agreement is phase 1's only done task.
    const phase1 = ((await as.get("/api/project")).json().phases as Phase[]).find((p) => p.number === 1);
    expect(phase1?.tasksDone).toBe(1);
  });

  it("refuses a document upload for an unknown task (404), without a file name (400) or as JSON (415)", async () => {
    const { as, manager } = await makeProjectWorld(t);
    const before = await fileCount(manager.orgId);
    const unknown = await as.raw({
      method: "POST",
      url: "/api/project/tasks/gibt_es_nicht/document",
      headers: { "content-type": "application/pdf", "x-file-name": "a.pdf" },
      payload: PDF,
    });
    expect(unknown.statusCode).toBe(404);
    const noName = await as.raw({ method: "POST", url: `${WCA}/document`, headers: { "content-type": "application/pdf" }, payload: PDF });
    expect(noName.statusCode).toBe(400);
    expect((await as.post(`${WCA}/document`, { file: "base64" })).statusCode).toBe(415);
    expect(await fileCount(manager.orgId)).toBe(before);
  });
});

describe("goals", () => {
  it("creates and lists goals", async () => {
    const { as } = await makeProjectWorld(t);
    const res = await as.post("/api/project/goals", {
      title: "  AU-Tage senken  ",
      target: "−10 % AU-Tage bis 2027",
      dueDate: "2027-12-31",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      title: "AU-Tage senken",
      target: "−10 % AU-Tage bis 2027",
      dueDate: "2027-12-31",
      status: "active",
    });
    const goalId = res.json().id as string;
    expect((await as.get("/api/project/goals")).json().items[0].id).toBe(goalId);
    const second = await as.post("/api/project/goals", { title: "Rückengesundheit", target: "80 % Teilnahme" });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().dueDate).toBeNull();

    const list = (await as.get("/api/project/goals")).json().items as { title: string }[];
    expect(list.map((g) => g.title)).toEqual(["AU-Tage senken", "Rückengesundheit"]);
    expect((await as.get("/api/project")).json().goals).toHaveLength(2);
    expect((await api(t.app, outsider.cookie).get("/api/project/goals")).json()).toEqual({ items: [], nextCursor: null });
  });

  it("edits a goal and changes its status", async () => {
    const { as } = await makeProjectWorld(t);
    const goalId = await createGoal(as, { title: "AU-Tage senken", target: "−10 % AU-Tage bis 2027", dueDate: "2027-12-31" });
    const res = await as.patch(`/api/project/goals/${goalId}`, { target: "−12 % AU-Tage bis 2027", dueDate: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: "AU-Tage senken", target: "−12 % AU-Tage bis 2027", dueDate: null, status: "active" });
    const achieved = await as.patch(`/api/project/goals/${goalId}`, { status: "achieved" });
    expect(achieved.json().status).toBe("achieved");
    const listed = (await as.get("/api/project/goals")).json().items.find((g: { id: string }) => g.id === goalId);
    expect(listed).toMatchObject({ status: "achieved", target: "−12 % AU-Tage bis 2027" });
  });

  it("refuses invalid goals (400) and unknown or foreign goals (404)", async () => {
    const { as } = await makeProjectWorld(t);
    const goalId = await createGoal(as, { title: "AU-Tage senken", target: "−10 % AU-Tage bis 2027", dueDate: "2027-12-31" });
    expect((await as.post("/api/project/goals", { title: "", target: "x" })).statusCode).toBe(400);
    expect((await as.post("/api/project/goals", { title: "x" })).statusCode).toBe(400);
    expect((await as.patch(`/api/project/goals/${goalId}`, { status: "erledigt" })).statusCode).toBe(400);
    expect((await as.patch(`/api/project/goals/${goalId}`, {})).statusCode).toBe(400);
    expect((await as.patch("/api/project/goals/00000000-0000-4000-8000-000000000000", { title: "x" })).statusCode).toBe(404);
    const foreign = await api(t.app, outsider.cookie).patch(`/api/project/goals/${goalId}`, { title: "gekapert" });
    expect(foreign.statusCode).toBe(404);
    expect((await as.get("/api/project/goals")).json().items.find((g: { id: string }) => g.id === goalId).title).toBe("AU-Tage senken");
  });
});

describe("KPI dashboard", () => {
  it("shows active employees, active goals and done tasks per phase", async () => {
    const { as } = await makeProjectWorld(t);
    // Two goals, one of them achieved; three tasks done: two in phase 2, one in phase 1.
    const achievedGoalId = await createGoal(as, { title: "AU-Tage senken", target: "−10 % AU-Tage bis 2027" });
    await createGoal(as, { title: "Rückengesundheit", target: "80 % Teilnahme" });
    expect((await as.patch(`/api/project/goals/${achievedGoalId}`, { status: "achieved" })).statusCode).toBe(200);
    const doneTasks = [
      ...TASK_TEMPLATES.filter((x) => x.phase === 2 && !("followsLegalRequirement" in x)).slice(0, 2),
      TASK_TEMPLATES.find((x) => x.key === "form_steering_group"),
    ];
    for (const task of doneTasks) {
      const res = await as.patch(`/api/project/tasks/${task?.key}`, { status: "done" });
      expect(res.statusCode, res.body).toBe(200);
    }
    const people = [
      ["Anna", "Lager"],
      ["Ben", "Lager"],
      ["Cem", "Büro"],
    ] as const;
    const ids: string[] = [];
    for (const [name, department] of people) {
      const res = await as.post("/api/employees", {
        firstName: name,
        lastName: "Muster",
        email: `${name.toLowerCase()}@prozess.de`,
        department,
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    await as.patch(`/api/employees/${ids[2]}`, { active: false });

    const res = await as.get("/api/kpis");
    expect(res.statusCode, res.body).toBe(200);
    const cards = res.json().cards as {
      key: string;
      source: string;
      value: number;
      breakdown: { label: string; value: number; total?: number }[];
    }[];
    expect(cards.slice(0, 3).map((c) => c.key)).toEqual(["employees", "active_goals", "tasks_done_per_phase"]);
    expect(cards.every((c) => c.source === "builtin")).toBe(true);

    const employees = cards[0];
    expect(employees?.value).toBe(2);
    expect(employees?.breakdown).toEqual([{ label: "Lager", value: 2 }]);

    // One goal achieved, one active.
    expect(cards[1]?.value).toBe(1);

    const project = (await as.get("/api/project")).json() as { phases: Phase[] };
    const done = cards[2];
    expect(done?.value).toBe(project.phases.reduce((n, p) => n + p.tasksDone, 0));
    expect(done?.value).toBe(3);
    expect(done?.breakdown).toEqual(
      PHASES.map((p) => {
        const phase = project.phases.find((x) => x.number === p.number);
        return { label: p.label.de, value: phase?.tasksDone, total: phase?.tasksTotal };
      }),
    );

    // Another company's dashboard is its own.
    const other = (await api(t.app, outsider.cookie).get("/api/kpis")).json().cards;
    expect(other[0].value).toBe(0);
    expect(other[2].value).toBe(0);
  });
});
