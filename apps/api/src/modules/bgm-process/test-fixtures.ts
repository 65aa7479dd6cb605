import { type Api, api, type OrgUser, signUpCompany, type TestApp } from "../../../test/helpers.js";

/** A company of its own for one test: its manager and an API client signed in as them. */
export interface ProjectWorld {
  manager: OrgUser;
  as: Api;
}

export async function makeProjectWorld(t: TestApp, name = "Prozess GmbH"): Promise<ProjectWorld> {
  const manager = await signUpCompany(t.app, { name });
  return { manager, as: api(t.app, manager.cookie) };
}

export const WORKS_COUNCIL_AGREEMENT = "/api/project/tasks/works_council_agreement";
export const AGREEMENT_FILE_NAME = "Betriebsvereinbarung_Gesundheit_ä.pdf";
export const AGREEMENT_PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% Betriebsvereinbarung\n%%EOF\n");

/** Uploads a document to the works council agreement task, as the manager's browser would. */
export const uploadAgreement = (as: Api, payload: Buffer = AGREEMENT_PDF, contentType = "application/pdf", name = AGREEMENT_FILE_NAME) =>
  as.raw({
    method: "POST",
    url: `${WORKS_COUNCIL_AGREEMENT}/document`,
    headers: { "content-type": contentType, "x-file-name": encodeURIComponent(name) },
    payload,
  });

/** Gives the works council agreement its date and document, so it can be marked done; returns the document id. */
export async function prepareAgreement(as: Api, agreementDate = "2025-11-03"): Promise<string> {
  const dated = await as.patch(WORKS_COUNCIL_AGREEMENT, { details: { agreementDate } });
  if (dated.statusCode !== 200) throw new Error(`agreement date: ${dated.statusCode} ${dated.body}`);
  const uploaded = await uploadAgreement(as);
  if (uploaded.statusCode !== 201) throw new Error(`agreement upload: ${uploaded.statusCode} ${uploaded.body}`);
  return (uploaded.json() as { details: { documentId: string } }).details.documentId;
}

/** Creates a goal and returns its id. */
export async function createGoal(as: Api, goal: { title: string; target: string; dueDate?: string }): Promise<string> {
  const res = await as.post("/api/project/goals", goal);
  if (res.statusCode !== 201) throw new Error(`create goal: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}
