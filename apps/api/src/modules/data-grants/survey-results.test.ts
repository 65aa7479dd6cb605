import { MIN_GROUP_SIZE, outputType } from "@bgm/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEngagementWorld } from "../../../test/engagement-fixtures.js";
import { createTestApp, type TestApp } from "../../../test/helpers.js";
import { surveyRowsOf } from "./company-data-source.js";
import { inOneMonth, type World } from "./test-fixtures.js";

/**
 * The survey_results scope serves the COPSOQ analysis the company accepted last, which data-grants
 * reads through the results module's index (latestAcceptedPayload), never from its table.
 */
describe("survey results served to a partner", () => {
  let t: TestApp;
  let w: World;
  const COPSOQ = outputType("copsoq_analysis")?.example;
  const served = async () => {
    const res = await w.asPartner.get(`/api/partner/engagements/${w.engagementId}/data/survey_results?format=json`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().records as { scale: string; group: string; mean: number; n: number }[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await makeEngagementWorld(t, {
      until: "in_progress",
      offering: { title: "COPSOQ-Befragung", requiredDataScopes: ["survey_results"], outputDataTypes: ["copsoq_analysis"] },
    });
    const granted = await w.asCompany.post(`/api/engagements/${w.engagementId}/grants`, {
      decisions: [{ scopeKey: "survey_results", grant: true }],
      expiresAt: inOneMonth(),
    });
    expect(granted.statusCode, granted.body).toBe(200);
  });
  afterAll(async () => t.close());

  it("are empty until the company accepts an analysis, then its groups of at least the minimum size", async () => {
    expect(await served()).toEqual([]);
    const delivered = await w.asPartner.post(`/api/partner/engagements/${w.engagementId}/results`, {
      outputType: "copsoq_analysis",
      payload: COPSOQ,
    });
    expect(delivered.statusCode, delivered.body).toBe(201);
    expect(await served()).toEqual([]);

    const accepted = await w.asCompany.post(`/api/engagements/${w.engagementId}/results/${delivered.json().id}/decision`, {
      decision: "accept",
      reason: "",
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const expected = surveyRowsOf(COPSOQ as Parameters<typeof surveyRowsOf>[0]).filter((r) => r.n >= MIN_GROUP_SIZE);
    expect(expected.length).toBeGreaterThan(0);
    expect(await served()).toEqual(expected);
  });
});
