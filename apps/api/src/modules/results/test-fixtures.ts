import { engagementUntil, publishTestOffering } from "../../../test/engagement-fixtures.js";
import { type Api, api, type OrgUser, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";

/** A company and a provider with an engagement in progress about an offering that declares `outputTypes`. */
export interface ResultWorld {
  company: OrgUser;
  partner: OrgUser;
  asCompany: Api;
  asPartner: Api;
  offeringId: string;
  engagementId: string;
}

export const publishOffering = (t: TestApp, providerOrgId: string, outputTypes: string[], title = "COPSOQ-Analyse") =>
  publishTestOffering(t, providerOrgId, { title, outputDataTypes: outputTypes });

/** Quote request → quote → acceptance → start: the engagement is in progress. */
export const engagementInProgress = (asCompany: Api, asPartner: Api, offeringId: string) =>
  engagementUntil(asCompany, asPartner, offeringId, "in_progress", "Befragung und Auswertung");

export async function makeResultWorld(
  t: TestApp,
  opts: { outputTypes?: string[]; companyName?: string; partner?: OrgUser } = {},
): Promise<ResultWorld> {
  const company = await signUpCompany(t.app, { name: opts.companyName ?? "Muster GmbH" });
  const partner = opts.partner ?? (await signUpProvider(t.app, { name: "SurveyPro GmbH" }));
  const asCompany = api(t.app, company.cookie);
  const asPartner = api(t.app, partner.cookie);
  const offeringId = await publishOffering(t, partner.orgId, opts.outputTypes ?? ["copsoq_analysis", "report_pdf"]);
  const engagementId = await engagementInProgress(asCompany, asPartner, offeringId);
  return { company, partner, asCompany, asPartner, offeringId, engagementId };
}

/** A multipart body built by hand (no extra dependency): fields, then files. */
export function multipart(fields: Record<string, string>, files: { name: string; content: Buffer; type?: string }[]) {
  const boundary = `----bgmtest${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type ?? "application/pdf"}\r\n\r\n`,
      ),
      f.content,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
/** An ELF executable header: whatever the name says, this is not a PDF. */
export const EXECUTABLE = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), Buffer.alloc(200)]);
