import { GBU_STEP_KEYS, outputType } from "@bgm/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers.js";
import { makeResultWorld, type ResultWorld } from "./test-fixtures.js";

/*
 * What stays after a result is taken out says so; a second plan does not offer twice what is already
 * in the plan; a rate card shows its exact value and the counts behind it; and the checklist task of
 * the psychological risk assessment is whatever the legal ledger says.
 */

const example = (key: string) => structuredClone(outputType(key)?.example) as Record<string, unknown>;

async function deliver(w: ResultWorld, key: string, payload: unknown = example(key)) {
  const res = await w.asPartner.post(`/api/partner/engagements/${w.engagementId}/results`, { outputType: key, payload });
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}
async function decide(w: ResultWorld, id: string, decision: "accept" | "request_changes", reason = "") {
  const res = await w.asCompany.post(`/api/engagements/${w.engagementId}/results/${id}/decision`, { decision, reason });
  expect(res.statusCode, res.body).toBe(200);
}

interface Intervention {
  id: string;
  title: string;
  status: string;
  alreadyInPlanId: string | null;
  source: { resultId: string; providerName: string; version: number; withdrawnAt?: string | null } | null;
}
const interventions = async (w: ResultWorld): Promise<Intervention[]> =>
  (await w.asCompany.get("/api/planning/interventions")).json().items;

describe("kept items, repeated proposals, exact KPI values, the task that follows the ledger", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("an adopted intervention kept after its plan is sent back says its source was withdrawn", async () => {
    const w = await makeResultWorld(t, { outputTypes: ["intervention_plan"], companyName: "Plan Zurück GmbH" });
    const r = await deliver(w, "intervention_plan");
    await decide(w, r.id, "accept");
    const [first] = await interventions(w);
    expect((await w.asCompany.post(`/api/planning/interventions/${first?.id}/adopt`, { goalId: null })).statusCode).toBe(200);

    await decide(w, r.id, "request_changes", "Budget halbieren");
    const [kept, ...rest] = await interventions(w);
    expect(rest).toEqual([]);
    expect(kept).toMatchObject({ id: first?.id, status: "adopted" });
    expect(kept?.source).toMatchObject({ resultId: r.id, providerName: "SurveyPro GmbH", withdrawnAt: expect.any(String) });
  });

  it("a second plan proposing an intervention already adopted from the first points at it instead of offering it twice", async () => {
    const w = await makeResultWorld(t, { outputTypes: ["intervention_plan"], companyName: "Zweiter Plan GmbH" });
    const v1 = await deliver(w, "intervention_plan");
    await decide(w, v1.id, "accept");
    const [first] = await interventions(w);
    await w.asCompany.post(`/api/planning/interventions/${first?.id}/adopt`, { goalId: null });

    // Version 2 repeats the adopted one (spelled with other case and spacing) and keeps the second.
    const plan = example("intervention_plan") as { interventions: { title: string }[] };
    const repeated = plan.interventions[0];
    if (repeated) repeated.title = `  ${repeated.title.toUpperCase()} `;
    const v2 = await deliver(w, "intervention_plan", plan);
    await decide(w, v2.id, "accept");

    const items = await interventions(w);
    const adopted = items.filter((i) => i.status === "adopted");
    const proposed = items.filter((i) => i.status === "proposed");
    expect(adopted.map((i) => i.id)).toEqual([first?.id]);
    expect(proposed.map((i) => i.alreadyInPlanId)).toEqual([first?.id, null]);
    const again = await w.asCompany.post(`/api/planning/interventions/${proposed[0]?.id}/adopt`, { goalId: null });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "already_in_plan", details: { interventionId: first?.id } });
    // The repeated proposal can still be dismissed; the other one is adoptable as before.
    expect((await w.asCompany.post(`/api/planning/interventions/${proposed[0]?.id}/dismiss`)).statusCode).toBe(200);
    expect((await w.asCompany.post(`/api/planning/interventions/${proposed[1]?.id}/adopt`, { goalId: null })).statusCode).toBe(200);
  });

  it("the participation card shows the exact rate and the registered/attended counts behind it", async () => {
    const w = await makeResultWorld(t, { outputTypes: ["participation_stats"], companyName: "Genau GmbH" });
    const r = await deliver(w, "participation_stats", {
      label: "Rückenfit-Kurs",
      period: { from: "2026-09-01", to: "2026-10-31" },
      registeredCount: 24,
      attendedCount: 21,
      attendanceRate: 87.5,
    });
    await decide(w, r.id, "accept");
    const card = (await w.asCompany.get("/api/kpis")).json().cards.find((c: { key: string }) => c.key.startsWith("participation:"));
    expect(card).toMatchObject({ value: 87.5, unit: "%", counts: { registered: 24, attended: 21 } });
    expect(card.trend).toEqual([{ label: "2026-09-01 – 2026-10-31", value: 87.5, counts: { registered: 24, attended: 21 } }]);
  });

  it("the psychological risk assessment task follows the ledger on a new company", async () => {
    const w = await makeResultWorld(t, { companyName: "Ledger Neu GmbH" });
    const task = async () => (await w.asCompany.get("/api/project/tasks/risk_assessment_psychological")).json();
    expect(await task()).toMatchObject({ status: "open", followsLegalRequirement: "gbu_psychological", completedAt: null });

    // The COPSOQ analysis documents two steps: the task is in progress, as the ledger is.
    const r = await deliver(w, "copsoq_analysis");
    await decide(w, r.id, "accept");
    expect((await task()).status).toBe("in_progress");

    // The task cannot be ticked by hand; saving its form with the same status still works.
    const refused = await w.asCompany.patch("/api/project/tasks/risk_assessment_psychological", { status: "done" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: "follows_legal_requirement", details: { requirementKey: "gbu_psychological" } });
    const saved = await w.asCompany.patch("/api/project/tasks/risk_assessment_psychological", { status: "in_progress", notes: "mit BR" });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: "in_progress", notes: "mit BR" });

    // Sending the analysis back leaves nothing documented: the task is open again.
    await decide(w, r.id, "request_changes", "Schichten getrennt");
    expect((await task()).status).toBe("open");
  });

  it("the psychological risk assessment task is done exactly when the ledger is, and reopens with it", async () => {
    const w = await makeResultWorld(t, { companyName: "Ledger Erledigt GmbH" });
    const base = "/api/legal-requirements/gbu_psychological";
    await w.asCompany.patch(base, { assessmentDate: "2026-03-01" });
    const m = (await w.asCompany.post(`${base}/measures`, { title: "Workshop", ownerName: "HR", dueDate: "2026-05-31" })).json();
    await w.asCompany.patch(`${base}/measures/${m.measures[0].id}`, { carriedOutAt: "2026-05-20", proof: "Teilnahmeliste" });
    await w.asCompany.patch(base, { effectivenessCheck: "Nachbefragung", effectivenessCheckedOn: "2026-06-15" });
    let req = m;
    for (const key of GBU_STEP_KEYS) req = (await w.asCompany.patch(`${base}/steps/${key}`, { done: true })).json();
    expect(req.status).toBe("done");

    const project = (await w.asCompany.get("/api/project")).json();
    const task = project.tasks.find((x: { key: string }) => x.key === "risk_assessment_psychological");
    expect(task).toMatchObject({ status: "done", completedAt: req.completedAt });
    expect(project.phases.find((p: { number: number }) => p.number === 2).tasksDone).toBe(1);

    await w.asCompany.post(`${base}/triggers`, { kind: "complaints", note: "" });
    expect((await w.asCompany.get("/api/project/tasks/risk_assessment_psychological")).json()).toMatchObject({
      status: "in_progress",
      completedAt: null,
    });
  });
});
