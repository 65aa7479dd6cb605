// The mixed workload of issue 17 on the demo data, as the demo users do it through the HTTP API:
// discovery 60 % (marketplace searches of the BGM manager), dashboards 25 % (project, engagements, to-dos,
// notifications) and writes 15 %: quote requests 9 %, messages to a partner 4 %, result uploads with a PDF
// by the partner 2 % (the local file store). Every acknowledged write's id is kept, so the fault runs can
// check afterwards that each one is in the database.
import pg from "pg";
import { DISCOVERY_QUERIES } from "../scenarios/discovery.js";
import { expectOk, MANAGER, multipart, PARTNER, type Planned, pdfOf, request, signIn } from "./lib.js";

export interface World {
  manager: string;
  partner: string;
  offeringIds: string[];
  /** Engagements of the demo company the manager writes messages on. */
  messageEngagementIds: string[];
  /** An engagement in progress about an offering that declares report_pdf: the partner uploads to it. */
  uploadEngagementId: string;
}

export interface Acknowledged {
  engagements: string[];
  messages: string[];
  results: string[];
}

export const newAcknowledged = (): Acknowledged => ({ engagements: [], messages: [], results: [] });

const items = (body: string) => (JSON.parse(body) as { items: { id: string; status?: string }[] }).items;

/**
 * Signs in, finds offerings and engagements, and prepares the engagement the partner uploads to: a published
 * offering that declares `report_pdf`, written straight into the table (no UI publishes one without review),
 * then requested, quoted, accepted and started through the API.
 */
export async function prepareWorld(base: string, databaseUrl: string | undefined): Promise<World> {
  const manager = await signIn(base, MANAGER);
  const partner = await signIn(base, PARTNER);
  const offeringIds = new Set<string>();
  for (const q of DISCOVERY_QUERIES) {
    for (const o of items(expectOk(await request(base, "GET", `/api/marketplace/offerings?${q}`, { cookie: manager }), "discovery").body))
      offeringIds.add(o.id);
  }
  if (offeringIds.size === 0) throw new Error("the demo marketplace has no offerings");
  const engagements = items(expectOk(await request(base, "GET", "/api/engagements?limit=50", { cookie: manager }), "engagements").body);
  const messageEngagementIds = engagements.map((e) => e.id).slice(0, 5);
  if (messageEngagementIds.length === 0) throw new Error("the demo company has no engagements");

  // PGlite: one process owns the folder, so there is no second connection to publish the upload offering with.
  if (!databaseUrl) return { manager, partner, offeringIds: [...offeringIds], messageEngagementIds, uploadEngagementId: "" };
  let reportOfferingId = "";
  {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO offering (org_id, title, category, delivery_mode, price_from_cents, price_unit, status, provider_name, output_data_types)
         SELECT o.id, 'Lasttest-Bericht', 'survey_analysis', 'remote', 50000, 'flat', 'published', o.name, '{report_pdf}'
           FROM organization o WHERE o.name = 'SurveyPro GmbH' RETURNING id`,
      );
      reportOfferingId = rows[0]?.id ?? "";
    } finally {
      await client.end();
    }
  }
  if (!reportOfferingId) throw new Error("could not publish the upload offering");
  const created = expectOk(
    await request(base, "POST", "/api/engagements", {
      cookie: manager,
      json: { offeringId: reportOfferingId, brief: { what: "Lasttest Bericht" } },
    }),
    "quote request",
  );
  const id = JSON.parse(created.body).id as string;
  expectOk(
    await request(base, "POST", `/api/engagements/${id}/quotes`, {
      cookie: partner,
      json: { priceCents: 50_000, scopeOfWork: "Bericht", validUntil: "2099-12-31" },
    }),
    "quote",
  );
  expectOk(
    await request(base, "POST", `/api/engagements/${id}/transitions`, { cookie: manager, json: { action: "accept_quote" } }),
    "accept",
  );
  expectOk(await request(base, "POST", `/api/engagements/${id}/transitions`, { cookie: partner, json: { action: "start" } }), "start");
  return { manager, partner, offeringIds: [...offeringIds], messageEngagementIds, uploadEngagementId: id };
}

const DASHBOARDS = ["/api/project", "/api/engagements?limit=20", "/api/todos", "/api/notifications"];
const PDF = pdfOf(20 * 1024);

let n = 0;
/** Marks the quote requests of one run (or one fault), so rows written but never acknowledged can be counted. */
let tag = "run";
export const setWriteTag = (t: string) => {
  tag = t;
};
const at = <T>(list: readonly T[], i: number) => list[i % list.length] as T;

export function quoteRequest(base: string, w: World, ack: Acknowledged): Planned {
  const i = n++;
  return {
    kind: "quote_request",
    run: () =>
      request(base, "POST", "/api/engagements", {
        cookie: w.manager,
        json: { offeringId: at(w.offeringIds, i), brief: { what: `Lasttest Anfrage ${tag} ${i}` } },
      }),
    onOk: (res) => ack.engagements.push(JSON.parse(res.body).id),
  };
}

export function upload(base: string, w: World, ack: Acknowledged, pdf = PDF): Planned {
  const i = n++;
  return {
    kind: "upload",
    run: () => {
      const { body, contentType } = multipart(
        { outputType: "report_pdf", payload: JSON.stringify({ title: `Bericht ${i}`, summary: "Lasttest" }), note: "" },
        [{ name: `bericht-${i}.pdf`, content: pdf }],
      );
      return request(base, "POST", `/api/partner/engagements/${w.uploadEngagementId}/results`, { cookie: w.partner, body, contentType });
    },
    onOk: (res) => ack.results.push(JSON.parse(res.body).id),
  };
}

/** One request of the mix, drawn by its share. */
export function mixedPicker(base: string, w: World, ack: Acknowledged): () => Planned {
  return () => {
    const r = Math.random() * 100;
    const i = n++;
    if (r < 60) {
      return {
        kind: "discovery",
        run: () => request(base, "GET", `/api/marketplace/offerings?${at(DISCOVERY_QUERIES, i)}`, { cookie: w.manager }),
      };
    }
    if (r < 85) return { kind: "dashboard", run: () => request(base, "GET", at(DASHBOARDS, i), { cookie: w.manager }) };
    if (r < 94) return quoteRequest(base, w, ack);
    if (r < 98) {
      return {
        kind: "message",
        run: () =>
          request(base, "POST", `/api/engagements/${at(w.messageEngagementIds, i)}/messages`, {
            cookie: w.manager,
            json: { text: `Lasttest: Rückfrage zum Angebot (${i})`, topic: null },
          }),
        onOk: (res) => ack.messages.push(JSON.parse(res.body).id),
      };
    }
    return upload(base, w, ack);
  };
}

/** Which acknowledged ids are in the database (and, for results, whether every file row's bytes exist). */
export async function countInDatabase(databaseUrl: string, ack: Acknowledged) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const count = async (table: string, ids: string[]) =>
      ids.length === 0 ? 0 : Number((await client.query(`SELECT count(*) AS n FROM ${table} WHERE id = ANY($1::uuid[])`, [ids])).rows[0].n);
    return {
      engagements: await count("engagement", ack.engagements),
      messages: await count("engagement_message", ack.messages),
      results: await count("partner_result", ack.results),
    };
  } finally {
    await client.end();
  }
}
