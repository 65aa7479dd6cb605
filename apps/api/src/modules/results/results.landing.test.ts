import { outputType } from "@bgm/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers.js";
import { makeResultWorld, type ResultWorld } from "./test-fixtures.js";

const example = (key: string) => structuredClone(outputType(key)?.example) as Record<string, unknown>;

async function deliver(w: ResultWorld, key: string, payload: unknown = example(key)) {
  const res = await w.asPartner.post(`/api/partner/engagements/${w.engagementId}/results`, { outputType: key, payload });
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number };
}
const decide = (w: ResultWorld, id: string, decision: "accept" | "request_changes", reason = "") =>
  w.asCompany.post(`/api/engagements/${w.engagementId}/results/${id}/decision`, { decision, reason });

/** Delivers `payloads` one after the other as versions 1, 2, … and accepts each; returns the last. */
async function acceptedVersions(w: ResultWorld, key: string, payloads: unknown[]) {
  let last: { id: string; version: number } | undefined;
  for (const payload of payloads) {
    last = await deliver(w, key, payload);
    const res = await decide(w, last.id, "accept");
    if (res.statusCode !== 200) throw new Error(`accept: ${res.statusCode} ${res.body}`);
  }
  return last as { id: string; version: number };
}

/** A second COPSOQ delivery that differs from the example. */
function copsoqV2() {
  const payload = example("copsoq_analysis") as { respondingCount: number };
  payload.respondingCount = 90;
  return payload;
}

describe("accepted results land in the right place and leave it cleanly", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  // Each test starts from its own company and engagement and delivers what it needs, so the order does not matter.
  describe("COPSOQ analysis → phase 2, survey task, psychological risk assessment", () => {
    const task = async (w: ResultWorld) => (await w.asCompany.get("/api/project/tasks/employee_survey")).json();
    const gbu = async (w: ResultWorld) => (await w.asCompany.get("/api/legal-requirements/gbu_psychological")).json();
    const step = (req: { steps: { key: string }[] }, key: string) =>
      req.steps.find((s) => s.key === key) as unknown as { done: boolean; results: { label: string; source: { providerName: string } }[] };

    it("nothing lands before the company accepts", async () => {
      const w = await makeResultWorld(t);
      await deliver(w, "copsoq_analysis");
      expect((await w.asCompany.get("/api/analysis/copsoq")).json().items).toEqual([]);
      expect((await task(w)).status).toBe("open");
    });

    it("a delivered analysis waiting for review is listed as pending for its company only, until it is decided", async () => {
      const w = await makeResultWorld(t);
      const other = await makeResultWorld(t, { companyName: "Andere Firma GmbH" });
      const r = await deliver(w, "copsoq_analysis");
      const pending = (await w.asCompany.get("/api/analysis/copsoq/pending")).json();
      expect(pending.nextCursor).toBeNull();
      expect(pending.items).toHaveLength(1);
      expect(pending.items[0].source).toMatchObject({
        resultId: r.id,
        engagementId: w.engagementId,
        outputType: "copsoq_analysis",
        providerName: "SurveyPro GmbH",
        offeringTitle: "COPSOQ-Analyse",
        acceptedAt: null,
      });
      const [listed] = (await w.asCompany.get(`/api/engagements/${w.engagementId}/results`)).json().items;
      expect(pending.items[0].autoAcceptAt).toBe(listed.autoAcceptAt);
      // Another company does not see it; a provider has no analysis.
      expect((await other.asCompany.get("/api/analysis/copsoq/pending")).json().items).toEqual([]);
      expect((await w.asPartner.get("/api/analysis/copsoq/pending")).statusCode).toBe(403);
      // Once decided, it is no longer pending.
      expect((await decide(w, r.id, "accept")).statusCode).toBe(200);
      expect((await w.asCompany.get("/api/analysis/copsoq/pending")).json().items).toEqual([]);
    });

    it("accepting lands it: charts data with source, task done with evidence, GBU steps documented but the requirement still open", async () => {
      const w = await makeResultWorld(t);
      await deliver(w, "copsoq_analysis");
      const [pending] = (await w.asCompany.get(`/api/engagements/${w.engagementId}/results`)).json().items;
      const res = await decide(w, pending.id, "accept");
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: "accepted", autoAccepted: false, decidedByName: "Muster GmbH Admin" });

      const analysis = (await w.asCompany.get("/api/analysis/copsoq")).json().items;
      expect(analysis).toHaveLength(1);
      expect(analysis[0].payload.scales).toHaveLength(5);
      expect(analysis[0].source).toMatchObject({ providerName: "SurveyPro GmbH", offeringTitle: "COPSOQ-Analyse", version: 1 });

      const tk = await task(w);
      expect(tk.status).toBe("done");
      expect(tk.results).toEqual([expect.objectContaining({ label: "COPSOQ-Auswertung v1" })]);

      const req = await gbu(w);
      expect(step(req, "identify_hazards").done).toBe(true);
      expect(step(req, "assess_hazards").done).toBe(true);
      expect(step(req, "identify_hazards").results[0]?.source.providerName).toBe("SurveyPro GmbH");
      expect(req.status).toBe("open");
      expect(req.missing).toEqual(expect.arrayContaining(["step_not_done:define_measures", "effectiveness_check_missing"]));

      // The partner hears about it.
      const notes = (await w.asPartner.get("/api/notifications")).json().items;
      expect(notes.some((n: { title: string }) => n.title === "Ergebnis angenommen")).toBe(true);
    });

    it("accepting twice does nothing twice", async () => {
      const w = await makeResultWorld(t);
      await acceptedVersions(w, "copsoq_analysis", [example("copsoq_analysis")]);
      const [current] = (await w.asCompany.get(`/api/engagements/${w.engagementId}/results`)).json().items;
      const again = await decide(w, current.id, "accept");
      expect(again.statusCode).toBe(200);
      expect((await task(w)).results).toHaveLength(1);
      expect(step(await gbu(w), "identify_hazards").results).toHaveLength(1);
      const timeline = (await w.asCompany.get(`/api/engagements/${w.engagementId}`)).json().timeline;
      expect(timeline.filter((e: { kind: string }) => e.kind === "result_accepted")).toHaveLength(1);
    });

    it("an accepted new version supersedes the old one in every place", async () => {
      const w = await makeResultWorld(t);
      await acceptedVersions(w, "copsoq_analysis", [example("copsoq_analysis")]);
      const v2 = await deliver(w, "copsoq_analysis", copsoqV2());
      expect((await decide(w, v2.id, "accept")).statusCode).toBe(200);
      const versions = (await w.asCompany.get(`/api/engagements/${w.engagementId}/results`)).json().items;
      expect(versions.map((r: { version: number; status: string }) => [r.version, r.status])).toEqual([
        [2, "accepted"],
        [1, "superseded"],
      ]);
      const analysis = (await w.asCompany.get("/api/analysis/copsoq")).json().items;
      expect(analysis.map((a: { source: { version: number } }) => a.source.version)).toEqual([2]);
      expect((await task(w)).results.map((r: { label: string }) => r.label)).toEqual(["COPSOQ-Auswertung v2"]);
      expect(step(await gbu(w), "assess_hazards").results.map((r) => r.label)).toEqual(["COPSOQ-Auswertung v2"]);
    });

    it("requesting changes on the accepted version takes it out and tells the partner why", async () => {
      // Version 2 accepted over version 1: taking it out must not bring the superseded version back.
      const w = await makeResultWorld(t);
      await acceptedVersions(w, "copsoq_analysis", [example("copsoq_analysis"), copsoqV2()]);
      const [current] = (await w.asCompany.get(`/api/engagements/${w.engagementId}/results`)).json().items;
      const missingReason = await decide(w, current.id, "request_changes", "");
      expect(missingReason.statusCode).toBe(400);
      const res = await decide(w, current.id, "request_changes", "Bitte die Gruppe Produktion getrennt nach Schichten ausweisen");
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: "changes_requested",
        decisionReason: "Bitte die Gruppe Produktion getrennt nach Schichten ausweisen",
      });
      expect((await w.asCompany.get("/api/analysis/copsoq")).json().items).toEqual([]);
      const tk = await task(w);
      expect(tk.status).toBe("open");
      expect(tk.results).toEqual([]);
      const req = await gbu(w);
      expect(step(req, "identify_hazards")).toMatchObject({ done: false, results: [] });
      const partnerView = (await w.asPartner.get(`/api/engagements/${w.engagementId}/results`)).json().items[0];
      expect(partnerView.decisionReason).toContain("Schichten");
      expect((await decide(w, current.id, "accept")).statusCode).toBe(409);
    });
  });

  it("an ergonomic assessment documents the physical-strain GBU; a complete one marks it done, and withdrawing restores it", async () => {
    const w = await makeResultWorld(t, { outputTypes: ["ergonomic_assessment"], companyName: "Ergo Kunde GmbH" });
    const complete = example("ergonomic_assessment") as {
      measures: { carriedOutAt: string | null; proof: string }[];
      effectivenessCheck: string;
    };
    for (const m of complete.measures) {
      m.carriedOutAt = "2026-11-20";
      m.proof = "Abnahmeprotokoll";
    }
    complete.effectivenessCheck = "Nachbegehung am 24.11.2026: Belastungen deutlich reduziert.";
    const r = await deliver(w, "ergonomic_assessment", complete);
    expect((await decide(w, r.id, "accept")).statusCode).toBe(200);
    const req = (await w.asCompany.get("/api/legal-requirements/gbu_physical")).json();
    expect(req.missing).toEqual([]);
    expect(req.status).toBe("done");
    expect(req.assessmentDate).toBe("2026-11-10");
    expect(req.measures).toHaveLength(2);
    expect(req.measures[0].source).toMatchObject({ providerName: "SurveyPro GmbH", outputType: "ergonomic_assessment" });
    expect((await w.asCompany.get("/api/project/tasks/ergonomic_workplace_check")).json().status).toBe("done");

    expect((await decide(w, r.id, "request_changes", "Montagelinie 1 fehlt")).statusCode).toBe(200);
    const after = (await w.asCompany.get("/api/legal-requirements/gbu_physical")).json();
    expect(after.status).toBe("open");
    expect(after.measures).toEqual([]);
    expect(after.assessmentDate).toBeNull();
    expect(after.effectivenessCheck).toBe("");
    expect(after.steps.every((s: { done: boolean }) => !s.done)).toBe(true);
  });

  it("withdrawing keeps what the manager did afterwards: edited measures, a changed effectiveness check", async () => {
    const w = await makeResultWorld(t, { outputTypes: ["ergonomic_assessment"], companyName: "Eigenarbeit GmbH" });
    const assessment = example("ergonomic_assessment") as { effectivenessCheck: string };
    assessment.effectivenessCheck = "Nachbegehung geplant";
    const r = await deliver(w, "ergonomic_assessment", assessment);
    await decide(w, r.id, "accept");
    const req = (await w.asCompany.get("/api/legal-requirements/gbu_physical")).json();
    const [first] = req.measures;
    const edited = await w.asCompany.patch(`/api/legal-requirements/gbu_physical/measures/${first.id}`, {
      carriedOutAt: "2026-11-25",
      proof: "Rechnung 4711",
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await w.asCompany.patch("/api/legal-requirements/gbu_physical", {
      effectivenessCheck: "Eigene Prüfung durch die Fachkraft für Arbeitssicherheit",
    });

    await decide(w, r.id, "request_changes", "Bitte Lager ergänzen");
    const after = (await w.asCompany.get("/api/legal-requirements/gbu_physical")).json();
    expect(after.measures.map((m: { id: string; proof: string }) => [m.id, m.proof])).toEqual([[first.id, "Rechnung 4711"]]);
    // Kept, but no longer "from the partner's result": its source says it was withdrawn.
    expect(after.measures[0].source).toMatchObject({ resultId: r.id, withdrawnAt: expect.any(String) });
    expect(after.effectivenessCheck).toBe("Eigene Prüfung durch die Fachkraft für Arbeitssicherheit");
    expect(after.assessmentDate).toBeNull();
  });

  it("what a landing replaced stays the company's: the partner cannot read the undo record, not even in its own database session", async () => {
    const { partnerResult, partnerResultLanding, withTenantTx } = await import("@bgm/db");
    const { eq } = await import("drizzle-orm");
    const w = await makeResultWorld(t, { outputTypes: ["ergonomic_assessment"], companyName: "Vertraulich GmbH" });
    // The company's own earlier assessment date: the landing replaces it and keeps it for the undo.
    const own = await w.asCompany.patch("/api/legal-requirements/gbu_physical", { assessmentDate: "2025-03-01" });
    expect(own.statusCode, own.body).toBe(200);
    const r = await deliver(w, "ergonomic_assessment");
    await decide(w, r.id, "accept");

    const asCompanyDb = await withTenantTx(t.database.db, w.company.orgId, (tx) =>
      tx.select().from(partnerResultLanding).where(eq(partnerResultLanding.resultId, r.id)),
    );
    expect(asCompanyDb[0]?.undo).toMatchObject({ legal: { assessmentDate: { previous: "2025-03-01", set: "2026-11-10" } } });
    // Row-level security, below the API: the provider's transaction sees its result but no landing.
    const asPartnerDb = await withTenantTx(t.database.db, w.partner.orgId, async (tx) => ({
      results: await tx.select().from(partnerResult).where(eq(partnerResult.id, r.id)),
      landings: await tx.select().from(partnerResultLanding),
    }));
    expect(asPartnerDb.results).toHaveLength(1);
    expect(asPartnerDb.landings).toEqual([]);
    expect(JSON.stringify(asPartnerDb.results)).not.toContain("2025-03-01");
    // Nor through the API the partner uses.
    const seen = await w.asPartner.get(`/api/engagements/${w.engagementId}/results`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain("2025-03-01");

    // Taken out again, the company's own text is back and the landing record is gone.
    await decide(w, r.id, "request_changes", "Bitte ergänzen");
    expect((await w.asCompany.get("/api/legal-requirements/gbu_physical")).json().assessmentDate).toBe("2025-03-01");
    const left = await withTenantTx(t.database.db, w.company.orgId, (tx) =>
      tx.select().from(partnerResultLanding).where(eq(partnerResultLanding.resultId, r.id)),
    );
    expect(left).toEqual([]);
  });

  it("a cancelled engagement's delivery can no longer be accepted", async () => {
    const w = await makeResultWorld(t, { companyName: "Abbruch GmbH" });
    const r = await deliver(w, "copsoq_analysis");
    expect((await w.asCompany.post(`/api/engagements/${w.engagementId}/transitions`, { action: "cancel", message: "" })).statusCode).toBe(
      200,
    );
    const res = await decide(w, r.id, "accept");
    expect(res.statusCode).toBe(409);
    expect((await w.asCompany.get("/api/project/tasks/employee_survey")).json().status).toBe("open");
  });

  it("participation stats become a KPI card with its trend across periods", async () => {
    const w = await makeResultWorld(t, { outputTypes: ["participation_stats"], companyName: "Upfit Kunde GmbH" });
    const first = await deliver(w, "participation_stats");
    await decide(w, first.id, "accept");
    const second = await deliver(w, "participation_stats", {
      label: "Rückenfit-Kurs",
      period: { from: "2026-11-01", to: "2026-11-30" },
      registeredCount: 20,
      attendedCount: 17,
      attendanceRate: 85,
    });
    await decide(w, second.id, "accept");
    // Another period stands beside the first: both stay accepted, the card shows the trend.
    const versions = (await w.asCompany.get(`/api/engagements/${w.engagementId}/results`)).json().items;
    expect(versions.map((r: { status: string }) => r.status)).toEqual(["accepted", "accepted"]);
    const card = (await w.asCompany.get("/api/kpis")).json().cards.find((c: { key: string }) => c.key.startsWith("participation:"));
    expect(card).toMatchObject({ source: "custom", value: 85, unit: "%", title: { de: "Teilnahmequote: Rückenfit-Kurs" } });
    expect(card.trend.map((p: { value: number }) => p.value)).toEqual([75, 85]);
    expect(card.sources.map((s: { version: number }) => s.version)).toEqual([1, 2]);

    // A corrected figure for the second period replaces it, and taking it back leaves the first period.
    const corrected = await deliver(w, "participation_stats", {
      label: "Rückenfit-Kurs",
      period: { from: "2026-11-01", to: "2026-11-30" },
      registeredCount: 20,
      attendedCount: 16,
      attendanceRate: 80,
    });
    await decide(w, corrected.id, "accept");
    const cards = async () =>
      (await w.asCompany.get("/api/kpis")).json().cards.filter((c: { key: string }) => c.key.startsWith("participation:"));
    expect((await cards())[0].trend.map((p: { value: number }) => p.value)).toEqual([75, 80]);
    await decide(w, corrected.id, "request_changes", "Zahlen prüfen");
    expect((await cards())[0].trend.map((p: { value: number }) => p.value)).toEqual([75]);
    await decide(w, first.id, "request_changes", "Zahlen prüfen");
    expect(await cards()).toEqual([]);
  });

  it("intervention plans become proposals adopted one by one; withdrawing removes what was not adopted", async () => {
    const w = await makeResultWorld(t, { outputTypes: ["intervention_plan"], companyName: "Plan GmbH" });
    const r = await deliver(w, "intervention_plan");
    await decide(w, r.id, "accept");
    const items = (await w.asCompany.get("/api/planning/interventions")).json().items;
    expect(items.map((i: { title: string; status: string }) => i.status)).toEqual(["proposed", "proposed"]);
    expect(items[0].source).toMatchObject({ providerName: "SurveyPro GmbH", version: 1 });
    const adopted = await w.asCompany.post(`/api/planning/interventions/${items[0].id}/adopt`, { goalId: null });
    expect(adopted.json().status).toBe("adopted");
    expect((await w.asCompany.post(`/api/planning/interventions/${items[0].id}/adopt`, { goalId: null })).statusCode).toBe(200);
    expect((await w.asCompany.post(`/api/planning/interventions/${items[0].id}/dismiss`)).statusCode).toBe(409);

    await decide(w, r.id, "request_changes", "Budget halbieren");
    const left = (await w.asCompany.get("/api/planning/interventions")).json().items;
    expect(left.map((i: { title: string; status: string }) => [i.title, i.status])).toEqual([[items[0].title, "adopted"]]);
  });
});
