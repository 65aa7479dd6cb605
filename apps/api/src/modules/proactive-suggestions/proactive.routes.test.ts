import { auditLog, proactiveSuggestion } from "@bgm/db";
import { outputType } from "@bgm/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Api,
  addMember,
  api,
  createTestApp,
  type OrgUser,
  signUpCompany,
  signUpProvider,
  type TestApp,
} from "../../../test/helpers.js";
import { enqueue } from "../../lib/jobs.js";
import { createGoal } from "../bgm-process/test-fixtures.js";
import { publishOffering } from "../marketplace/test-fixtures.js";
import { makeResultWorld } from "../results/test-fixtures.js";
import { PROACTIVE_DIGEST_QUEUE } from "./proactive.digest.js";
import { PROACTIVE_RUN_QUEUE } from "./proactive.run.js";

interface Notice {
  kind: string;
  title: string;
  body: string;
  link: string | null;
}
interface Suggestion {
  id: string;
  topic: string;
  offering: { id: string; title: string; providerName: string };
  reasons: { kind: string; text: { de: string; en: string } }[];
  score: number;
}

const DAY = 24 * 60 * 60 * 1000;

let t: TestApp;
let a: OrgUser;
let asA: Api;
let partner: Api;
let partnerUser: OrgUser;
let b: OrgUser;
let asB: Api;
let employeeA: Api;
/** The clock of the job runs: jobs are due from the real now, the weekly limit is measured on this clock. */
let clock: number;

const proactiveNotices = async (as: Api): Promise<Notice[]> => {
  const res = await as.get("/api/notifications?limit=100");
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Notice[]).filter((n) => n.kind === "proactive_suggestions");
};
const suggestions = async (as: Api): Promise<Suggestion[]> => {
  const res = await as.get("/api/proactive-suggestions");
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const titles = (items: Suggestion[]) => items.map((s) => s.offering.title).sort();
const runJobs = (advanceMs = 0) => {
  clock = Math.max(clock, Date.now() + 1000) + advanceMs;
  return t.app.jobs.runDue({ now: new Date(clock) });
};

beforeAll(async () => {
  t = await createTestApp();
  clock = Date.now() + 1000;
  a = await signUpCompany(t.app, { name: "Vorschlag AG" });
  asA = api(t.app, a.cookie);
  b = await signUpCompany(t.app, { name: "Andere GmbH" });
  asB = api(t.app, b.cookie);
  partnerUser = await signUpProvider(t.app, { name: "Vital Partner" });
  partner = api(t.app, partnerUser.cookie);
  employeeA = api(t.app, (await addMember(t, a, "employee")).cookie);
  // Phase 1 is every new company's phase: goal words (12) + phase (10) clear the threshold of 20.
  await publishOffering(partner, { title: "Rückengesundheit im Büro", description: "Übungen für den Rücken.", relevantPhases: [1, 2] });
  // The goal's words but not the phase (12), and the phase alone (10): both below the threshold.
  await publishOffering(partner, { title: "Rückengesundheit für Fortgeschrittene", relevantPhases: [6] });
  await publishOffering(partner, { title: "Obstkorb", category: "nutrition", description: "Frisches Obst.", relevantPhases: [1] });
}, 120_000);
afterAll(() => t?.close());

describe("proactive suggestions after a new goal", () => {
  it("runs after the request on the job queue and sends the managers one notification with the reasons", async () => {
    await createGoal(asA, { title: "Rückengesundheit stärken", target: "Weniger Beschwerden" });
    // The request only asked for the run: nothing yet.
    expect(await proactiveNotices(asA)).toEqual([]);
    expect(await suggestions(asA)).toEqual([]);

    expect(await runJobs()).toBeGreaterThanOrEqual(1);
    const [notice, ...more] = await proactiveNotices(asA);
    expect(more).toEqual([]);
    expect(notice?.title).toBe("1 Partner passt zu Ihren neuen Schwerpunkten");
    expect(notice?.link).toBe("/partner-suggestions");
    expect(notice?.body).toContain("Anlass: Neues Ziel");
    expect(notice?.body).toContain("Rückengesundheit im Büro (Vital Partner) – Passt zu Ihrem Ziel „Rückengesundheit stärken“");

    const items = await suggestions(asA);
    expect(titles(items)).toEqual(["Rückengesundheit im Büro"]);
    expect(items[0]?.topic).toBe("goal");
    expect(items[0]?.reasons.map((r) => r.kind)).toEqual(["goal", "phase"]);
    expect(items[0]?.score).toBe(22);
    // Company B heard nothing and sees nothing.
    expect(await proactiveNotices(asB)).toEqual([]);
    expect(await suggestions(asB)).toEqual([]);
  }, 60_000);

  it("is idempotent: the same run twice suggests nothing new and notifies nobody", async () => {
    for (let i = 0; i < 2; i++) await enqueue(t.database.db, PROACTIVE_RUN_QUEUE, { orgId: a.orgId, topic: "goal" }, { orgId: a.orgId });
    expect(await runJobs(60_000)).toBe(2);
    expect(await proactiveNotices(asA)).toHaveLength(1);
    const rows = await t.database.db.select().from(proactiveSuggestion).where(eq(proactiveSuggestion.orgId, a.orgId));
    expect(rows).toHaveLength(1);
  }, 60_000);

  it("sends at most one notification per topic and week; later suggestions still reach the panel", async () => {
    await publishOffering(partner, { title: "Teamgeist-Workshop", category: "coaching", relevantPhases: [1] });
    await createGoal(asA, { title: "Teamgeist fördern", target: "Bessere Zusammenarbeit" });
    await runJobs(DAY);
    // Same topic (goal) inside the week: in the panel, but no second bell.
    expect(titles(await suggestions(asA))).toEqual(["Rückengesundheit im Büro", "Teamgeist-Workshop"]);
    expect(await proactiveNotices(asA)).toHaveLength(1);

    // Another topic in the same week rings once: the phase changes to 2 and an offering of phase 2 fits a goal.
    await publishOffering(partner, { title: "Teamgeist-Analyse", category: "coaching", relevantPhases: [2] });
    expect((await asA.put("/api/project/current-phase", { phase: 2 })).statusCode).toBe(200);
    await runJobs(60_000);
    const afterPhase = await proactiveNotices(asA);
    expect(afterPhase).toHaveLength(2);
    expect(afterPhase[0]?.body).toContain("Anlass: Neue BGM-Phase");
    expect(afterPhase[0]?.body).toContain("Teamgeist-Analyse");

    // A week after the first goal notice, a new goal may ring again.
    await publishOffering(partner, { title: "Stressfrei im Team", category: "mental_health", relevantPhases: [2] });
    await createGoal(asA, { title: "Stressfrei arbeiten", target: "Weniger Stress" });
    await runJobs(7 * DAY);
    const later = await proactiveNotices(asA);
    expect(later).toHaveLength(3);
    expect(later[0]?.title).toBe("1 Partner passt zu Ihren neuen Schwerpunkten");
    expect(later[0]?.body).toContain("Stressfrei im Team");
  }, 90_000);

  it("moving back to an earlier phase starts no run", async () => {
    expect((await asA.put("/api/project/current-phase", { phase: 1 })).statusCode).toBe(200);
    expect(await runJobs(60_000)).toBe(0);
  }, 60_000);
});

describe("dismissing a suggestion", () => {
  it("hides it for the company, audited once, and its offering is never suggested proactively again", async () => {
    const target = (await suggestions(asA)).find((s) => s.offering.title === "Rückengesundheit im Büro");
    expect(target).toBeDefined();
    const res = await asA.post(`/api/proactive-suggestions/${target!.id}/dismiss`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(titles(await suggestions(asA))).not.toContain("Rückengesundheit im Büro");
    // Again: still fine, no second audit entry.
    expect((await asA.post(`/api/proactive-suggestions/${target!.id}/dismiss`, {})).statusCode).toBe(200);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "proactive_suggestion.dismissed"), eq(auditLog.entityId, target!.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ orgId: a.orgId, actorUserId: a.userId, details: { offeringId: target!.offering.id, topic: "goal" } });

    // A new goal the dismissed offering fits even better: it does not come back.
    await createGoal(asA, { title: "Rückengesundheit im Büro verbessern", target: "Rücken" });
    await runJobs(8 * DAY);
    expect(titles(await suggestions(asA))).not.toContain("Rückengesundheit im Büro");
  }, 60_000);

  it("answers 404 for another company's suggestion and 403 to employees and partners", async () => {
    const [own] = await suggestions(asA);
    expect(own).toBeDefined();
    const foreign = await asB.post(`/api/proactive-suggestions/${own!.id}/dismiss`, {});
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe("not_found");
    for (const caller of [employeeA, partner]) {
      const list = await caller.get("/api/proactive-suggestions");
      expect(list.statusCode).toBe(403);
      expect(list.json().error.code).toBe("forbidden");
      expect((await caller.post(`/api/proactive-suggestions/${own!.id}/dismiss`, {})).statusCode).toBe(403);
      expect((await caller.put("/api/proactive-suggestions/digest", { enabled: true })).statusCode).toBe(403);
    }
    expect((await api(t.app).get("/api/proactive-suggestions")).statusCode).toBe(401);
    // Still open for A.
    expect((await suggestions(asA)).map((s) => s.id)).toContain(own!.id);
  }, 60_000);

  it("rejects a malformed id with the error body", async () => {
    const res = await asA.post("/api/proactive-suggestions/not-a-uuid/dismiss", {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBeTypeOf("string");
  });
});

describe("the weekly e-mail digest", () => {
  it("is off by default; a manager turns it on for themselves (audited) and gets the week's new suggestions once", async () => {
    expect((await asA.get("/api/proactive-suggestions/digest")).json()).toEqual({ enabled: false, lastRunAt: null });
    const on = await asA.put("/api/proactive-suggestions/digest", { enabled: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toEqual({ enabled: true, lastRunAt: null });
    // B's manager has their own setting.
    expect((await asB.get("/api/proactive-suggestions/digest")).json().enabled).toBe(false);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "proactive_digest.updated"));
    expect(audits.map((x) => [x.orgId, x.details])).toEqual([[a.orgId, { enabled: true }]]);

    // A fresh suggestion for the digest to carry.
    await publishOffering(partner, { title: "Stressfrei-Sprechstunde", category: "mental_health", relevantPhases: [1] });
    await createGoal(asA, { title: "Stressfrei bleiben", target: "Weniger Stress" });
    await runJobs(60_000);

    const before = t.mails.length;
    await enqueue(t.database.db, PROACTIVE_DIGEST_QUEUE, {}, { singletonKey: "recurring" });
    await runJobs(60_000);
    const digests = t.mails.slice(before);
    expect(digests).toHaveLength(1);
    expect(digests[0]?.to).toBe(a.email);
    expect(digests[0]?.subject).toMatch(/^BGM Hub: \d+ neue Partnervorschläge dieser Woche$/);
    expect(digests[0]?.text).toContain("Stressfrei-Sprechstunde (Vital Partner) – Anlass: Neues Ziel");
    expect(digests[0]?.text).toContain("http://localhost:3000/partner-suggestions");
    // Dismissed offerings and other companies' data stay out; no person is named.
    expect(digests[0]?.text).not.toContain("Rückengesundheit im Büro (");
    expect(digests[0]?.text).not.toContain("Andere GmbH");
    expect(digests[0]?.text).not.toContain(a.email);

    // The recurring job comes back within the week: no second mail; after a quiet week, none either.
    await runJobs(DIGEST_HOUR);
    expect(t.mails.length - before).toBe(1);
    await runJobs(7 * DAY);
    expect(t.mails.length - before).toBe(1);
    expect((await asA.get("/api/proactive-suggestions/digest")).json().lastRunAt).not.toBeNull();

    // Turned off: nothing is sent even with news.
    expect((await asA.put("/api/proactive-suggestions/digest", { enabled: false })).json().enabled).toBe(false);
    await publishOffering(partner, { title: "Stressfrei-Coaching", category: "mental_health", relevantPhases: [1] });
    await createGoal(asA, { title: "Stressfrei führen", target: "Weniger Stress" });
    await runJobs(8 * DAY);
    expect(t.mails.length - before).toBe(1);
  }, 120_000);
});

const DIGEST_HOUR = 60 * 60 * 1000 + 1000;

describe("proactive suggestions after an accepted COPSOQ analysis", () => {
  it("suggests the mental-health offering with the survey's reason under the survey topic", async () => {
    const w = await makeResultWorld(t, { companyName: "Befragt GmbH" });
    const p = api(t.app, (await signUpProvider(t.app, { name: "Seelenruhe" })).cookie);
    await publishOffering(p, { title: "Resilienz im Team", category: "mental_health", deliveryMode: "remote", relevantPhases: [4] });
    const payload = structuredClone(outputType("copsoq_analysis")?.example);
    const up = await w.asPartner.post(`/api/partner/engagements/${w.engagementId}/results`, { outputType: "copsoq_analysis", payload });
    expect(up.statusCode, up.body).toBe(201);
    const decided = await w.asCompany.post(`/api/engagements/${w.engagementId}/results/${up.json().id}/decision`, {
      decision: "accept",
      reason: "",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    await runJobs(60_000);
    const [notice] = await proactiveNotices(w.asCompany);
    expect(notice?.body).toContain("Anlass: Befragungsergebnis");
    const items = await suggestions(w.asCompany);
    const resilience = items.find((s) => s.offering.title === "Resilienz im Team");
    expect(resilience?.topic).toBe("survey");
    expect(resilience?.reasons[0]?.kind).toBe("survey");
    expect(resilience?.reasons[0]?.text.de).toContain("Weil Ihre Befragung bei");
    // The offering the company booked (the COPSOQ analysis itself) is never suggested.
    expect(items.map((s) => s.offering.id)).not.toContain(w.offeringId);
  }, 120_000);
});
