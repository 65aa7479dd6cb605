import { job } from "@bgm/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers.js";
import { enqueue } from "../../lib/jobs.js";
import { RESULT_DEADLINES_QUEUE } from "./deadline-schedule.js";

describe("the result deadline job on the job queue", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close());

  it("is one recurring row that runs and comes back 15 minutes later", async () => {
    const now = new Date("2031-05-01T08:00:00Z");
    // What every server does when it is ready: a second process adds nothing.
    await enqueue(t.database.db, RESULT_DEADLINES_QUEUE, {}, { singletonKey: "recurring", runAt: now });
    await enqueue(t.database.db, RESULT_DEADLINES_QUEUE, {}, { singletonKey: "recurring", runAt: now });
    expect(await t.app.jobs.runDue({ now })).toBe(1);
    const rows = await t.database.db.select().from(job).where(eq(job.queue, RESULT_DEADLINES_QUEUE));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ attempts: 0, lastError: null, doneAt: null });
    expect(rows[0]?.runAt.toISOString()).toBe("2031-05-01T08:15:00.000Z");
    expect(await t.app.jobs.runDue({ now: new Date("2031-05-01T08:14:59Z") })).toBe(0);
  }, 60_000);
});
