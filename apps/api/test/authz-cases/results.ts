import { offering } from "@bgm/db";
import { outputType } from "@bgm/domain";
import { api, signUpProvider } from "../helpers.js";
import type { AuthzCases } from "./types.js";

const PDF = Buffer.from("%PDF-1.4\n%%EOF\n");

/**
 * B's engagement in progress with provider R (none of the matrix callers belongs to R): R delivered
 * a report with a file and an intervention plan, B accepted the plan, so B has a proposal in phase 3.
 */
export const resultsCases: AuthzCases = {
  async setup({ t, b }) {
    const r = await signUpProvider(t.app, { name: "Partner R" });
    const asR = api(t.app, r.cookie);
    const [row] = await t.database.db
      .insert(offering)
      .values({
        orgId: r.orgId,
        title: "Auswertung R",
        category: "survey_analysis",
        deliveryMode: "remote",
        priceFromCents: 100_000,
        priceUnit: "flat",
        status: "published",
        providerName: "Partner R",
        outputDataTypes: ["report_pdf", "intervention_plan"],
      })
      .returning({ id: offering.id });
    const created = await b.api.post("/api/engagements", { offeringId: row?.id, brief: { what: "Ergebnisauftrag B" } });
    const resultEngagementId = created.json().id as string;
    const steps = [
      created,
      await asR.post(`/api/engagements/${resultEngagementId}/quotes`, { priceCents: 1, scopeOfWork: "R", validUntil: "2099-12-31" }),
      await b.api.post(`/api/engagements/${resultEngagementId}/transitions`, { action: "accept_quote", message: "" }),
      await asR.post(`/api/engagements/${resultEngagementId}/transitions`, { action: "start", message: "" }),
    ];
    const boundary = "----authzresults";
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="outputType"\r\n\r\nreport_pdf\r\n--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n${JSON.stringify({ title: "Bericht Geheim B", summary: "Nur für B" })}\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="b.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const report = await asR.raw({
      method: "POST",
      url: `/api/partner/engagements/${resultEngagementId}/results`,
      payload: body,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    const plan = structuredClone(outputType("intervention_plan")?.example) as { interventions: { title: string }[] };
    (plan.interventions[0] as { title: string }).title = "Maßnahme Geheim B";
    const planned = await asR.post(`/api/partner/engagements/${resultEngagementId}/results`, {
      outputType: "intervention_plan",
      payload: plan,
    });
    steps.push(report, planned);
    steps.push(await b.api.post(`/api/engagements/${resultEngagementId}/results/${planned.json().id}/decision`, { decision: "accept" }));
    const interventions = await b.api.get("/api/planning/interventions");
    steps.push(interventions);
    for (const res of steps) if (res.statusCode >= 300) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
    return {
      ids: {
        resultEngagementId,
        reportId: report.json().id as string,
        reportFileId: report.json().files[0].id as string,
        planId: planned.json().id as string,
        interventionId: interventions.json().items[0].id as string,
      },
      markers: ["Ergebnisauftrag B", "Bericht Geheim B", "Maßnahme Geheim B"],
    };
  },
  cases: {
    "GET /api/output-types": { kind: "own", url: () => "/api/output-types" },
    "GET /api/engagements/{id}/results": { kind: "foreign", url: (f) => `/api/engagements/${f.ids.resultEngagementId}/results` },
    "GET /api/partner/engagements/{id}/results": {
      kind: "foreign",
      url: (f) => `/api/partner/engagements/${f.ids.resultEngagementId}/results`,
    },
    "POST /api/partner/engagements/{id}/results": {
      kind: "foreign",
      url: (f) => `/api/partner/engagements/${f.ids.resultEngagementId}/results`,
      body: () => ({ outputType: "report_pdf", payload: { title: "Fremd", summary: "Fremd" } }),
    },
    "GET /api/engagements/{id}/results/{resultId}/files/{fileId}": {
      kind: "foreign",
      url: (f) => `/api/engagements/${f.ids.resultEngagementId}/results/${f.ids.reportId}/files/${f.ids.reportFileId}`,
    },
    "POST /api/engagements/{id}/results/{resultId}/decision": {
      kind: "foreign",
      url: (f) => `/api/engagements/${f.ids.resultEngagementId}/results/${f.ids.reportId}/decision`,
      body: () => ({ decision: "accept" }),
    },
    "GET /api/analysis/copsoq": { kind: "own", url: () => "/api/analysis/copsoq" },
    "GET /api/analysis/copsoq/pending": { kind: "own", url: () => "/api/analysis/copsoq/pending" },
    "GET /api/planning/interventions": { kind: "own", url: () => "/api/planning/interventions" },
    "POST /api/planning/interventions/{id}/adopt": {
      kind: "foreign",
      url: (f) => `/api/planning/interventions/${f.ids.interventionId}/adopt`,
      body: () => ({ goalId: null }),
    },
    "POST /api/planning/interventions/{id}/dismiss": {
      kind: "foreign",
      url: (f) => `/api/planning/interventions/${f.ids.interventionId}/dismiss`,
    },
  },
};
