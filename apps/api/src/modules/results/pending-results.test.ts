import { outputType } from "@bgm/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers.js";
import { makeResultWorld, type ResultWorld } from "./test-fixtures.js";

/**
 * The engagement lists show how many deliveries wait for the company's answer. The engagements module
 * keeps that count from the results module's events (src/events.ts); these are the moves that change it.
 */
describe("pending results on the engagement", () => {
  let t: TestApp;
  let w: ResultWorld;
  const deliver = async (type: "copsoq_analysis" | "participation_stats") => {
    const res = await w.asPartner.post(`/api/partner/engagements/${w.engagementId}/results`, {
      outputType: type,
      payload: outputType(type)?.example,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const decide = async (id: string, decision: "accept" | "request_changes") => {
    const res = await w.asCompany.post(`/api/engagements/${w.engagementId}/results/${id}/decision`, { decision, reason: "Bitte ergänzen" });
    expect(res.statusCode).toBe(200);
  };
  /** What both sides' engagement views say: detail and list, company and partner. */
  const pending = async () => {
    const seen = [];
    for (const as of [w.asCompany, w.asPartner]) {
      const detail = (await as.get(`/api/engagements/${w.engagementId}`)).json();
      const listed = (await as.get("/api/engagements")).json().items.find((e: { id: string }) => e.id === w.engagementId);
      expect(listed).toMatchObject({ pendingResults: detail.pendingResults, nextActionBy: detail.nextActionBy });
      seen.push({ pendingResults: detail.pendingResults, nextActionBy: detail.nextActionBy });
    }
    expect(seen[1]).toEqual(seen[0]);
    return seen[0];
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await makeResultWorld(t, { outputTypes: ["copsoq_analysis", "participation_stats"] });
  });
  afterAll(async () => t.close());

  it("counts deliveries until the company answers them", async () => {
    const idle = await pending();
    expect(idle?.pendingResults).toBe(0);
    expect(idle?.nextActionBy).not.toBe("company");

    const v1 = await deliver("copsoq_analysis");
    expect(await pending()).toEqual({ pendingResults: 1, nextActionBy: "company" });
    // A new version of the same series replaces the undecided one: still one waiting.
    const v2 = await deliver("copsoq_analysis");
    expect(v2).not.toBe(v1);
    expect(await pending()).toEqual({ pendingResults: 1, nextActionBy: "company" });
    const stats = await deliver("participation_stats");
    expect(await pending()).toEqual({ pendingResults: 2, nextActionBy: "company" });

    await decide(v2, "accept");
    expect(await pending()).toEqual({ pendingResults: 1, nextActionBy: "company" });
    await decide(stats, "request_changes");
    expect(await pending()).toEqual(idle);
    // Sending back an accepted result changes nothing that waits.
    await decide(v2, "request_changes");
    expect(await pending()).toEqual(idle);
  });
});
