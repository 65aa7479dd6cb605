import { offering } from "@bgm/db";
import { type Api, api, type OrgUser, signUpCompany, signUpProvider, type TestApp } from "./helpers.js";

/** Test setup shared by the modules whose tests need an offering and an engagement about it. */

export const FUTURE_QUOTE = "2099-12-31";

/** A published offering of the provider, written straight into the table (as the owner role). */
export async function publishTestOffering(
  t: TestApp,
  providerOrgId: string,
  fields: { title?: string; requiredDataScopes?: string[]; outputDataTypes?: string[] } = {},
): Promise<string> {
  const [row] = await t.database.db
    .insert(offering)
    .values({
      orgId: providerOrgId,
      title: fields.title ?? "COPSOQ-Befragung",
      category: "survey_analysis",
      deliveryMode: "remote",
      priceFromCents: 120_000,
      priceUnit: "flat",
      status: "published",
      providerName: "SurveyPro GmbH",
      requiredDataScopes: fields.requiredDataScopes ?? [],
      outputDataTypes: fields.outputDataTypes ?? [],
    })
    .returning({ id: offering.id });
  return row?.id as string;
}

function expectStatus(res: { statusCode: number; body: string }, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

/**
 * Through the API as the users would: quote request → quote → acceptance, and the partner's start
 * when `until` is "in_progress". Returns the engagement id.
 */
export async function engagementUntil(
  asCompany: Api,
  asPartner: Api,
  offeringId: string,
  until: "accepted" | "in_progress",
  what = "Mitarbeiterbefragung",
): Promise<string> {
  const created = await asCompany.post("/api/engagements", { offeringId, brief: { what } });
  expectStatus(created, 201, "request quote");
  const id = created.json().id as string;
  expectStatus(
    await asPartner.post(`/api/engagements/${id}/quotes`, { priceCents: 100_000, scopeOfWork: "Befragung", validUntil: FUTURE_QUOTE }),
    201,
    "quote",
  );
  expectStatus(await asCompany.post(`/api/engagements/${id}/transitions`, { action: "accept_quote", message: "" }), 200, "accept");
  if (until === "in_progress") {
    expectStatus(await asPartner.post(`/api/engagements/${id}/transitions`, { action: "start", message: "" }), 200, "start");
  }
  return id;
}

/** A company and a provider with an engagement about one of the provider's published offerings. */
export interface EngagementWorld {
  company: OrgUser;
  partner: OrgUser;
  asCompany: Api;
  asPartner: Api;
  offeringId: string;
  engagementId: string;
}

/**
 * Signs up both organizations (or reuses `partner`), publishes the offering and takes the
 * engagement through the API up to `until`.
 */
export async function makeEngagementWorld(
  t: TestApp,
  opts: {
    until: "accepted" | "in_progress";
    offering: Parameters<typeof publishTestOffering>[2];
    what?: string;
    companyName?: string;
    partner?: OrgUser;
  },
): Promise<EngagementWorld> {
  const company = await signUpCompany(t.app, { name: opts.companyName ?? "Muster GmbH" });
  const partner = opts.partner ?? (await signUpProvider(t.app, { name: "SurveyPro GmbH" }));
  const asCompany = api(t.app, company.cookie);
  const asPartner = api(t.app, partner.cookie);
  const offeringId = await publishTestOffering(t, partner.orgId, opts.offering);
  const engagementId = await engagementUntil(asCompany, asPartner, offeringId, opts.until, opts.what);
  return { company, partner, asCompany, asPartner, offeringId, engagementId };
}
