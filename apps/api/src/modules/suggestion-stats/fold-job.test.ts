import { suggestionEvent, suggestionStat } from "@bgm/db";
import { asc, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, api, createTestApp, type OrgUser, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { enqueue } from "../../lib/jobs.js";
import { publishOffering } from "../marketplace/test-fixtures.js";
import { SUGGESTION_FOLD_QUEUE } from "./fold-job.js";

interface Provider extends OrgUser {
  api: Api;
  offeringId: string;
}

let t: TestApp;
/** A and B never read their statistics (the job folds them); C reads (folds on read) and is the reference. */
const providers: Provider[] = [];

const inbox = async (orgIds: string[]) => {
  const [row] = await t.database.db.select({ n: count() }).from(suggestionEvent).where(inArray(suggestionEvent.orgId, orgIds));
  return Number(row?.n);
};
/** A provider's counters without the offering's id, to compare providers shown the same way. */
const counters = (orgId: string) =>
  t.database.db
    .select({
      day: suggestionStat.day,
      needKind: suggestionStat.needKind,
      suggested: suggestionStat.suggested,
      opened: suggestionStat.opened,
      requested: suggestionStat.requested,
      suggestedCompanies: suggestionStat.suggestedCompanies,
      openedCompanies: suggestionStat.openedCompanies,
      requestedCompanies: suggestionStat.requestedCompanies,
    })
    .from(suggestionStat)
    .where(eq(suggestionStat.orgId, orgId))
    .orderBy(asc(suggestionStat.day), asc(suggestionStat.needKind));
const statsOf = async (p: Provider) => {
  const res = await p.api.get("/api/provider/offerings/stats?weeks=4");
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body.replaceAll(p.offeringId, "OFFERING")) as { items: unknown[] };
};

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ["Faltung Partner A", "Faltung Partner B", "Faltung Partner C"]) {
    const p = await signUpProvider(t.app, { name });
    const as = api(t.app, p.cookie);
    const o = await publishOffering(as, { title: `Befragung ${name}`, category: "survey_analysis", relevantTasks: ["employee_survey"] });
    providers.push({ ...p, api: as, offeringId: o.id });
  }
  // Every company is shown all three offerings and opens each: the same demand for every provider.
  for (let i = 0; i < 3; i++) {
    const c = api(t.app, (await signUpCompany(t.app, { name: `Faltung Kunde ${i} GmbH` })).cookie);
    expect((await c.get("/api/marketplace/suggestions?taskKey=employee_survey&limit=20")).statusCode).toBe(200);
    for (const p of providers) expect((await c.get(`/api/marketplace/offerings/${p.offeringId}`)).statusCode).toBe(200);
  }
}, 90_000);
afterAll(() => t?.close());

describe("the daily fold of the statistics inbox (ADR 0024)", () => {
  it("folds the inbox of every provider with events, with the same counts as folding on read, and leaves it empty", async () => {
    const [a, b, c] = providers;
    if (!a || !b || !c) throw new Error("no providers");
    const orgIds = providers.map((p) => p.orgId);
    // Three suggestions and three openings per offering wait in the inbox.
    for (const p of providers) expect(await inbox([p.orgId])).toBe(6);

    const reference = await statsOf(c); // C's read folds C's inbox
    expect(reference.items).toHaveLength(1);
    expect(await inbox([c.orgId])).toBe(0);
    expect(await inbox([a.orgId, b.orgId])).toBe(12);

    const now = new Date();
    await enqueue(t.database.db, SUGGESTION_FOLD_QUEUE, {}, { singletonKey: "recurring", runAt: now });
    expect(await t.app.jobs.runDue({ now })).toBe(1);

    expect(await inbox(orgIds)).toBe(0);
    const expected = await counters(c.orgId);
    expect(expected.map((r) => [r.needKind, r.suggested, r.opened])).toEqual([
      ["none", 0, 3],
      ["task", 3, 0],
    ]);
    expect(await counters(a.orgId)).toEqual(expected);
    expect(await counters(b.orgId)).toEqual(expected);
    // What the providers see afterwards is what C saw after its own fold.
    expect(await statsOf(a)).toEqual(reference);
    expect(await statsOf(b)).toEqual(reference);

    // The next run (a day later) finds nothing to fold and changes nothing.
    expect(await t.app.jobs.runDue({ now: new Date(now.getTime() + 24 * 60 * 60 * 1000) })).toBe(1);
    expect(await counters(a.orgId)).toEqual(expected);
  }, 60_000);
});
