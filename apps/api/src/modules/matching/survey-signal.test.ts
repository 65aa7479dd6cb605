import { outputType } from "@bgm/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { publishOffering } from "../marketplace/test-fixtures.js";
import { makeResultWorld, type ResultWorld } from "../results/test-fixtures.js";

let t: TestApp;
let w: ResultWorld;

interface Item {
  offering: { title: string };
  reasons: { kind: string; text: { de: string; en: string } }[];
}
const suggest = async (query: string): Promise<Item[]> => {
  const res = await w.asCompany.get(`/api/marketplace/suggestions?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

beforeAll(async () => {
  t = await createTestApp();
  w = await makeResultWorld(t);
  const p = api(t.app, (await signUpProvider(t.app, { name: "Seelenruhe" })).cookie);
  await publishOffering(p, { title: "Resilienz im Team", category: "mental_health", deliveryMode: "remote", relevantPhases: [4] });
  await publishOffering(p, { title: "Lauftreff", category: "movement", deliveryMode: "remote", relevantPhases: [4] });
});
afterAll(() => t?.close());

describe("the survey signal (issue 15)", () => {
  it("after an accepted COPSOQ analysis, a mental-health offering comes first with the survey's reason", async () => {
    const before = await suggest("phase=4&limit=20");
    expect(before.find((s) => s.offering.title === "Resilienz im Team")?.reasons.map((r) => r.kind)).toEqual(["phase"]);

    const payload = structuredClone(outputType("copsoq_analysis")?.example);
    const up = await w.asPartner.post(`/api/partner/engagements/${w.engagementId}/results`, { outputType: "copsoq_analysis", payload });
    expect(up.statusCode, up.body).toBe(201);
    // Not yet accepted: nothing changes.
    expect((await suggest("phase=4&limit=20"))[0]?.reasons.some((r) => r.kind === "survey")).toBe(false);
    const decided = await w.asCompany.post(`/api/engagements/${w.engagementId}/results/${up.json().id}/decision`, {
      decision: "accept",
      reason: "",
    });
    expect(decided.statusCode, decided.body).toBe(200);

    const [first] = await suggest("phase=4&limit=20");
    expect(first?.offering.title).toBe("Resilienz im Team");
    expect(first?.reasons[0]?.kind).toBe("survey");
    // The reason names the two scales furthest from their reference (the example has more that are worse).
    expect(first?.reasons[0]?.text.de).toBe(
      "Weil Ihre Befragung bei „Work-Privacy-Konflikt“ und „Burnout-Symptome“ schlechter als der Referenzwert liegt (48 statt 40)",
    );
  });
});
