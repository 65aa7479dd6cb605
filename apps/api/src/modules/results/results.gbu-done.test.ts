import { GBU_STEP_KEYS, type LegalRequirement, outputType } from "@bgm/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers.js";
import { makeResultWorld, type ResultWorld } from "./test-fixtures.js";

/*
 * The Gefährdungsbeurteilung is a record a labour inspector may read: "done" must mean every measure
 * carried out and checked afterwards, and a result the company sends back must leave the record as
 * it was — on a company whose assessment was done before and on a new one.
 */

const GBU = "/api/legal-requirements/gbu_physical";
const example = () => structuredClone(outputType("ergonomic_assessment")?.example) as Record<string, unknown>;

async function deliver(w: ResultWorld, payload: unknown = example()) {
  const res = await w.asPartner.post(`/api/partner/engagements/${w.engagementId}/results`, { outputType: "ergonomic_assessment", payload });
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}
async function decide(w: ResultWorld, id: string, decision: "accept" | "request_changes", reason = "") {
  const res = await w.asCompany.post(`/api/engagements/${w.engagementId}/results/${id}/decision`, { decision, reason });
  expect(res.statusCode, res.body).toBe(200);
}
async function gbu(w: ResultWorld): Promise<LegalRequirement> {
  return (await w.asCompany.get(GBU)).json();
}
async function ok(res: { statusCode: number; body: string; json: () => unknown }): Promise<LegalRequirement> {
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as LegalRequirement;
}
const step = (r: LegalRequirement, key: string) => r.steps.find((s) => s.key === key);

/** The company documents its physical-strain assessment completely by hand, measures first. */
async function documentDone(w: ResultWorld): Promise<LegalRequirement> {
  await ok(await w.asCompany.patch(GBU, { assessmentDate: "2026-03-01" }));
  const withMeasure = await ok(
    await w.asCompany.post(`${GBU}/measures`, { title: "Stehpulte", ownerName: "Facility", dueDate: "2026-05-31" }),
  );
  const id = withMeasure.measures[0]?.id;
  await ok(await w.asCompany.patch(`${GBU}/measures/${id}`, { carriedOutAt: "2026-05-20", proof: "Lieferschein" }));
  await ok(
    await w.asCompany.patch(GBU, {
      effectivenessCheck: "Nachbefragung im Juni: Beschwerden gesunken",
      effectivenessCheckedOn: "2026-06-15",
    }),
  );
  let r = withMeasure;
  for (const key of GBU_STEP_KEYS) r = await ok(await w.asCompany.patch(`${GBU}/steps/${key}`, { done: true }));
  expect(r.status).toBe("done");
  return r;
}

/** Both measures of the example assessment carried out, with proof. */
async function carryOut(w: ResultWorld, day: string): Promise<LegalRequirement> {
  let r = await gbu(w);
  for (const m of r.measures.filter((x) => x.source)) {
    r = await ok(await w.asCompany.patch(`${GBU}/measures/${m.id}`, { carriedOutAt: day, proof: `Abnahme ${m.title}` }));
  }
  return r;
}

describe("GBU physical strain: new measures need a new effectiveness check", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("on a requirement done before, new measures reopen it and carrying them out is not enough without a later check", async () => {
    const w = await makeResultWorld(t, { outputTypes: ["ergonomic_assessment"], companyName: "Schon Erledigt GmbH" });
    await documentDone(w);
    await decide(w, (await deliver(w)).id, "accept");

    const landed = await gbu(w);
    expect(landed.status).toBe("open");
    expect(step(landed, "check_effectiveness")?.done).toBe(false);
    expect(step(landed, "update_and_document")?.done).toBe(false);
    expect(landed.events.map((e) => e.kind)).toEqual(["completed", "reopened"]);

    const carriedOut = await carryOut(w, "2026-11-25");
    expect(carriedOut.status).toBe("open");
    expect(carriedOut.missing).toEqual([
      "step_not_done:check_effectiveness",
      "step_not_done:update_and_document",
      "effectiveness_check_before_last_measure",
    ]);

    // Ticking the steps again does not make the old check new.
    await ok(await w.asCompany.patch(`${GBU}/steps/check_effectiveness`, { done: true }));
    const ticked = await ok(await w.asCompany.patch(`${GBU}/steps/update_and_document`, { done: true }));
    expect(ticked.status).toBe("open");
    expect(ticked.missing).toEqual(["effectiveness_check_before_last_measure"]);

    // A check dated before the last measure does not count either; one after it does.
    const early = await ok(await w.asCompany.patch(GBU, { effectivenessCheck: "Begehung", effectivenessCheckedOn: "2026-11-24" }));
    expect(early.missing).toEqual(["effectiveness_check_before_last_measure"]);
    const checked = await ok(
      await w.asCompany.patch(GBU, { effectivenessCheck: "Nachbegehung: Hebehilfe wird genutzt", effectivenessCheckedOn: "2026-11-26" }),
    );
    expect(checked.missing).toEqual([]);
    expect(checked.status).toBe("done");
    expect(checked.effectivenessCheckedOn).toBe("2026-11-26");
  });

  it("on a new company the same flow stays open until a check after the measures is recorded", async () => {
    const w = await makeResultWorld(t, { outputTypes: ["ergonomic_assessment"], companyName: "Ganz Neu GmbH" });
    await decide(w, (await deliver(w)).id, "accept");
    // Carried out yesterday, so that a check written today (dated today) comes after them.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const carriedOut = await carryOut(w, yesterday);
    expect(carriedOut.status).toBe("open");
    expect(carriedOut.missing).toEqual([
      "step_not_done:implement_measures",
      "step_not_done:check_effectiveness",
      "step_not_done:update_and_document",
      "effectiveness_check_missing",
    ]);
    for (const key of ["implement_measures", "check_effectiveness", "update_and_document"]) {
      await ok(await w.asCompany.patch(`${GBU}/steps/${key}`, { done: true }));
    }
    // Written without a date, the check is dated today, which is after the measures.
    const checked = await ok(await w.asCompany.patch(GBU, { effectivenessCheck: "Nachbegehung: Belastung gesunken" }));
    expect(checked.effectivenessCheckedOn).not.toBeNull();
    expect(checked.status).toBe("done");
  });

  it("a measure the manager adds to a done requirement reopens the effectiveness and documentation steps", async () => {
    const w = await makeResultWorld(t, { outputTypes: ["ergonomic_assessment"], companyName: "Hand Arbeit GmbH" });
    await documentDone(w);
    const r = await ok(await w.asCompany.post(`${GBU}/measures`, { title: "Fußstützen", ownerName: "Einkauf", dueDate: "2026-12-31" }));
    expect(r.status).toBe("open");
    expect(r.steps.filter((s) => !s.done).map((s) => s.key)).toEqual(["check_effectiveness", "update_and_document"]);
    expect(r.missing).toContain("effectiveness_check_before_last_measure");
  });
});

describe("sending an accepted assessment back undoes it exactly", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("a requirement done before is done again with its own completion time, steps and history", async () => {
    const w = await makeResultWorld(t, { outputTypes: ["ergonomic_assessment"], companyName: "Rückgängig GmbH" });
    const before = await documentDone(w);
    const r = await deliver(w);
    await decide(w, r.id, "accept");
    expect((await gbu(w)).status).toBe("open");

    await decide(w, r.id, "request_changes", "Montagelinie 1 fehlt");
    const after = await gbu(w);
    expect(after.status).toBe("done");
    expect(after.completedAt).toBe(before.completedAt);
    expect(after.events).toEqual(before.events);
    expect(after.steps.map((s) => [s.key, s.done, s.completedAt])).toEqual(before.steps.map((s) => [s.key, s.done, s.completedAt]));
    expect(after.measures.map((m) => m.title)).toEqual(["Stehpulte"]);
    expect(after.assessmentDate).toBe("2026-03-01");
    expect(after.missing).toEqual([]);
  });

  it("a new company's requirement that the result completed is open again, without completed/reopened entries", async () => {
    const w = await makeResultWorld(t, { outputTypes: ["ergonomic_assessment"], companyName: "Neu Rückgängig GmbH" });
    const complete = example() as { measures: { carriedOutAt: string | null; proof: string }[]; effectivenessCheck: string };
    for (const m of complete.measures) {
      m.carriedOutAt = "2026-11-20";
      m.proof = "Abnahmeprotokoll";
    }
    complete.effectivenessCheck = "Nachbegehung am 24.11.2026: Belastungen deutlich reduziert.";
    const r = await deliver(w, complete);
    await decide(w, r.id, "accept");
    const landed = await gbu(w);
    expect(landed.status).toBe("done");
    expect(landed.events.map((e) => e.kind)).toEqual(["completed"]);

    await decide(w, r.id, "request_changes", "Bitte ergänzen");
    const after = await gbu(w);
    expect(after).toMatchObject({ status: "open", completedAt: null, events: [], measures: [], effectivenessCheck: "" });
  });

  it("a measure the manager worked on stays, says its source was withdrawn, and keeps the requirement open", async () => {
    const w = await makeResultWorld(t, { outputTypes: ["ergonomic_assessment"], companyName: "Behalten GmbH" });
    await documentDone(w);
    const r = await deliver(w);
    await decide(w, r.id, "accept");
    const landed = await gbu(w);
    const fromResult = landed.measures.find((m) => m.source?.resultId === r.id);
    expect(fromResult?.source?.withdrawnAt ?? null).toBeNull();
    await ok(await w.asCompany.patch(`${GBU}/measures/${fromResult?.id}`, { carriedOutAt: "2026-11-25", proof: "Rechnung 4711" }));

    await decide(w, r.id, "request_changes", "Bitte Lager ergänzen");
    const after = await gbu(w);
    const kept = after.measures.find((m) => m.id === fromResult?.id);
    expect(kept?.proof).toBe("Rechnung 4711");
    expect(kept?.source).toMatchObject({ providerName: "SurveyPro GmbH", withdrawnAt: expect.any(String) });
    // The kept measure is new to the old check: the requirement does not silently become done again.
    expect(after.status).toBe("open");
    expect(after.missing).toContain("effectiveness_check_before_last_measure");
  });
});
