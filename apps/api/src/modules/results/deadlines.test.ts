import { outputType } from "@bgm/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers.js";
import { localFileStorage } from "../../lib/file-storage/index.js";
import { runResultDeadlines } from "./deadlines.js";
import { makeResultWorld, type ResultWorld } from "./test-fixtures.js";

const DAY = 24 * 60 * 60 * 1000;

describe("deadlines of unanswered deliveries", () => {
  let t: TestApp;
  let w: ResultWorld;
  let submittedAt: Date;
  const run = (now: Date) =>
    runResultDeadlines(
      {
        db: t.database.db,
        mailer: t.app.mailer,
        log: t.app.log,
        storage: localFileStorage(t.app.config.results.storageDir),
        appUrl: t.app.config.appUrl,
        reminderDays: 5,
        autoAcceptDays: 14,
      },
      now,
    );
  const current = async () => (await w.asCompany.get(`/api/engagements/${w.engagementId}/results`)).json().items[0];

  beforeAll(async () => {
    t = await createTestApp();
    w = await makeResultWorld(t);
    const res = await w.asPartner.post(`/api/partner/engagements/${w.engagementId}/results`, {
      outputType: "copsoq_analysis",
      payload: outputType("copsoq_analysis")?.example,
    });
    submittedAt = new Date(res.json().submittedAt);
    expect(res.json().autoAcceptAt).toBe(new Date(submittedAt.getTime() + 14 * DAY).toISOString());
  });
  afterAll(async () => t.close());

  it("does nothing before the reminder is due", async () => {
    expect(await run(new Date(submittedAt.getTime() + 4 * DAY))).toEqual({ reminded: 0, accepted: 0, failed: 0 });
  });

  it("reminds the company's managers once after five days, in the app and by mail", async () => {
    const before = t.mails.length;
    expect(await run(new Date(submittedAt.getTime() + 5 * DAY + 60_000))).toMatchObject({ reminded: 1, accepted: 0 });
    expect(await run(new Date(submittedAt.getTime() + 6 * DAY))).toMatchObject({ reminded: 0, accepted: 0 });
    await new Promise((r) => setTimeout(r, 50));
    const mails = t.mails.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: w.company.email, subject: expect.stringContaining("Ergebnis wartet auf Ihre Prüfung") });
    const notes = (await w.asCompany.get("/api/notifications")).json().items;
    expect(notes.filter((n: { title: string }) => n.title === "Ergebnis wartet auf Ihre Prüfung")).toHaveLength(1);
    expect((await current()).status).toBe("submitted");
  });

  it("accepts it after fourteen days as the system, and it lands like any accepted result", async () => {
    expect(await run(new Date(submittedAt.getTime() + 14 * DAY + 60_000))).toMatchObject({ accepted: 1 });
    const result = await current();
    expect(result).toMatchObject({ status: "accepted", autoAccepted: true, decidedByName: "BGM Hub (automatisch)", autoAcceptAt: null });
    expect((await w.asCompany.get("/api/project/tasks/employee_survey")).json().status).toBe("done");
    expect((await w.asCompany.get("/api/analysis/copsoq")).json().items).toHaveLength(1);
    const timeline = (await w.asPartner.get(`/api/engagements/${w.engagementId}`)).json().timeline;
    expect(timeline.at(-1)).toMatchObject({ kind: "result_auto_accepted", actorSide: "system" });
    const audit = (await w.asCompany.get("/api/audit?entityType=partner_result")).json();
    expect(JSON.stringify(audit)).toContain("result.auto_accepted");
    // Running again changes nothing.
    expect(await run(new Date(submittedAt.getTime() + 20 * DAY))).toEqual({ reminded: 0, accepted: 0, failed: 0 });
  });
});
