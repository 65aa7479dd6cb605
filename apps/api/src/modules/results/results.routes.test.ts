import { readdirSync } from "node:fs";
import { outputType } from "@bgm/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, signUpCompany, signUpProvider, TEST_FILE_DIR, type TestApp } from "../../../test/helpers.js";
import { EXECUTABLE, makeResultWorld, multipart, PDF, type ResultWorld } from "./test-fixtures.js";

const COPSOQ = outputType("copsoq_analysis")?.example as Record<string, unknown>;
const copy = <T>(v: T): T => structuredClone(v);

function storedFileCount(): number {
  try {
    return readdirSync(TEST_FILE_DIR, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
  } catch {
    return 0;
  }
}

describe("partner results: upload and review", () => {
  let t: TestApp;
  let w: ResultWorld;
  const upload = (body: unknown, engagementId = w.engagementId, as = w.asPartner) =>
    as.post(`/api/partner/engagements/${engagementId}/results`, body);
  const list = async (as = w.asCompany) =>
    (await as.get(`/api/engagements/${w.engagementId}/results`)).json().items as Record<string, unknown>[];

  beforeAll(async () => {
    t = await createTestApp();
    w = await makeResultWorld(t);
  });
  afterAll(async () => t.close());

  it("lists every output type with its JSON Schema and a valid example, without signing in", async () => {
    const res = await api(t.app).get("/api/output-types");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { key: string }) => i.key)).toEqual([
      "copsoq_analysis",
      "intervention_plan",
      "participation_stats",
      "ergonomic_assessment",
      "report_pdf",
    ]);
    const copsoq = body.items[0];
    expect(copsoq.jsonSchema.properties.scales.type).toBe("array");
    expect(copsoq.jsonSchema.required).toContain("respondingCount");
    expect(copsoq.landsIn).toBe("phase2_analysis");
    expect(body.maxFileBytes).toBe(20 * 1024 * 1024);
    for (const item of body.items) expect(outputType(item.key)?.schema.safeParse(item.example).success).toBe(true);
  });

  it("refuses a payload that breaks the schema with every problem and its JSON path; nothing is stored", async () => {
    const bad = copy(COPSOQ) as { scales: { mean: number }[]; invitedCount?: number };
    (bad.scales[0] as { mean: number }).mean = 120;
    delete bad.invitedCount;
    const res = await upload({ outputType: "copsoq_analysis", payload: bad });
    expect(res.statusCode).toBe(422);
    const paths = res.json().error.details.issues.map((i: { path: unknown[] }) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["payload.scales.0.mean", "payload.invitedCount"]));
    expect(await list()).toEqual([]);
  });

  it("refuses a group below the minimum group size, naming the group", async () => {
    const small = copy(COPSOQ) as { groups: { name: string; n: number; scales: { n: number }[] }[] };
    small.groups.push({ name: "Lager", n: 2, scales: [] });
    const res = await upload({ outputType: "copsoq_analysis", payload: small });
    expect(res.statusCode).toBe(422);
    const issue = res.json().error.details.issues.find((i: { path: unknown[] }) => i.path.join(".") === "payload.groups.2.n");
    expect(issue.message).toContain("Lager");
    expect(issue.message).toContain("n = 2");
    // Named in the shared registry too, so the upload form can say it in German.
    expect(issue).toMatchObject({ issue: "group_too_small", values: { group: "Lager", n: 2, min: 5 } });
    expect(await list()).toEqual([]);
  });

  it("refuses unknown fields of a delivery with 422 like its other problems (elsewhere the API answers 400)", async () => {
    const top = await upload({ outputType: "copsoq_analysis", payload: COPSOQ, priority: "hoch" });
    expect(top.statusCode, top.body).toBe(422);
    expect(top.json().error.code).toBe("validation_failed");
    const inner = await upload({ outputType: "copsoq_analysis", payload: { ...copy(COPSOQ), extra: true } });
    expect(inner.statusCode, inner.body).toBe(422);
    expect(inner.json().error.code).toBe("validation_failed");
    expect(JSON.stringify(inner.json().error.details)).toContain("extra");
    expect(await list()).toEqual([]);
  });

  it("refuses an output type the offering does not declare", async () => {
    const res = await upload({ outputType: "participation_stats", payload: outputType("participation_stats")?.example });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("output_type_not_declared");
    expect(res.json().error.details.declared).toEqual(["copsoq_analysis", "report_pdf"]);
  });

  it("refuses an executable named .pdf and a file over the limit; nothing is stored", async () => {
    const before = storedFileCount();
    const exe = multipart({ outputType: "report_pdf", payload: JSON.stringify({ title: "Bericht", summary: "Kurz" }) }, [
      { name: "bericht.pdf", content: EXECUTABLE },
    ]);
    const res = await w.asPartner.raw({
      method: "POST",
      url: `/api/partner/engagements/${w.engagementId}/results`,
      payload: exe.payload,
      headers: { "content-type": exe.contentType },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: "file_type_mismatch", details: { detectedType: "unknown", fileName: "bericht.pdf" } });

    const big = multipart({ outputType: "report_pdf", payload: JSON.stringify({ title: "Bericht", summary: "Kurz" }) }, [
      { name: "gross.pdf", content: Buffer.concat([PDF, Buffer.alloc(50 * 1024 * 1024)]) },
    ]);
    const tooLarge = await w.asPartner.raw({
      method: "POST",
      url: `/api/partner/engagements/${w.engagementId}/results`,
      payload: big.payload,
      headers: { "content-type": big.contentType },
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe("payload_too_large");
    expect(await list()).toEqual([]);
    expect(storedFileCount()).toBe(before);
  });

  it("answers a malformed multipart body with 400 and an unknown output type with 422, never 500", async () => {
    const truncated = await w.asPartner.raw({
      method: "POST",
      url: `/api/partner/engagements/${w.engagementId}/results`,
      payload: '------x\r\nContent-Disposition: form-data; name="outputType"\r\n\r\nrepo',
      headers: { "content-type": "multipart/form-data; boundary=----x" },
    });
    expect(truncated.statusCode).toBe(400);
    const noBoundary = await w.asPartner.raw({
      method: "POST",
      url: `/api/partner/engagements/${w.engagementId}/results`,
      payload: "irgendwas",
      headers: { "content-type": "multipart/form-data" },
    });
    expect(noBoundary.statusCode).toBe(400);
    const unknown = await upload({ outputType: "horoscope", payload: {} });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details.issues[0].path).toEqual(["outputType"]);
    expect(await list()).toEqual([]);
  });

  it("refuses uploads by the company, by another provider and to a foreign engagement", async () => {
    const company = await upload({ outputType: "copsoq_analysis", payload: COPSOQ }, w.engagementId, w.asCompany);
    expect(company.statusCode).toBe(403);
    const other = await signUpProvider(t.app, { name: "Fremd AG" });
    const foreign = await upload({ outputType: "copsoq_analysis", payload: COPSOQ }, w.engagementId, api(t.app, other.cookie));
    expect(foreign.statusCode).toBe(404);
    expect(await list()).toEqual([]);
  });

  it("stores a report PDF sent as multipart; the company downloads it as an attachment, the partner cannot", async () => {
    const body = multipart(
      { outputType: "report_pdf", payload: JSON.stringify({ title: "Zwischenbericht", summary: "Rücklauf 70 %" }), note: "Erste Fassung" },
      [{ name: "zwischenbericht.pdf", content: PDF }],
    );
    const res = await w.asPartner.raw({
      method: "POST",
      url: `/api/partner/engagements/${w.engagementId}/results`,
      payload: body.payload,
      headers: { "content-type": body.contentType },
    });
    expect(res.statusCode).toBe(201);
    const result = res.json();
    expect(result).toMatchObject({ outputType: "report_pdf", version: 1, status: "submitted", note: "Erste Fassung", viaApiKey: false });
    expect(result.files).toHaveLength(1);
    const url = `/api/engagements/${w.engagementId}/results/${result.id}/files/${result.files[0].id}`;
    const download = await w.asCompany.get(url);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-disposition"]).toContain("attachment");
    expect(download.headers["content-type"]).toContain("application/pdf");
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await w.asPartner.get(url)).statusCode).toBe(403);
  });

  it("a new upload of the same type is a new version; older versions stay visible", async () => {
    const first = await upload({ outputType: "copsoq_analysis", payload: COPSOQ, note: "v1" });
    expect(first.statusCode).toBe(201);
    const second = await upload({ outputType: "copsoq_analysis", payload: COPSOQ, note: "v2" });
    expect(second.statusCode).toBe(201);
    expect(second.json().version).toBe(2);
    const copsoq = (await list()).filter((r) => r.outputType === "copsoq_analysis");
    expect(copsoq.map((r) => [r.version, r.status])).toEqual([
      [2, "submitted"],
      [1, "superseded"],
    ]);
    // The company heard about it, in the app and on the shared timeline.
    const timeline = (await w.asPartner.get(`/api/engagements/${w.engagementId}`)).json().timeline;
    expect(timeline.filter((e: { kind: string }) => e.kind === "result_submitted")).toHaveLength(3);
    const notes = (await w.asCompany.get("/api/notifications")).json().items;
    expect(notes.some((n: { title: string }) => n.title === "Neues Ergebnis")).toBe(true);
  });

  it("only while the engagement is in progress", async () => {
    const other = await makeResultWorld(t, { companyName: "Spät GmbH" });
    const done = await other.asPartner.post(`/api/engagements/${other.engagementId}/transitions`, {
      action: "mark_delivered",
      message: "",
    });
    expect(done.statusCode).toBe(200);
    const res = await other.asPartner.post(`/api/partner/engagements/${other.engagementId}/results`, {
      outputType: "copsoq_analysis",
      payload: COPSOQ,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.status).toBe("delivered");
  });

  it("a partner's API key reads the results with the company's decisions, as the portal shows them; another provider's key gets 404", async () => {
    const d = await makeResultWorld(t, { companyName: "Entscheid GmbH" });
    const created = await d.asPartner.post("/api/provider/api-keys", { name: "Auswertung" });
    expect(created.statusCode, created.body).toBe(201);
    const key = created.json().key as string;
    const byKey = (url: string, k = key) => t.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${k}` } });
    const url = `/api/partner/engagements/${d.engagementId}/results`;
    const deliver = async (outputType: string, payload: unknown) => {
      const res = await d.asPartner.post(url, { outputType, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const decide = async (id: string, body: unknown) =>
      expect((await d.asCompany.post(`/api/engagements/${d.engagementId}/results/${id}/decision`, body)).statusCode).toBe(200);

    const first = await deliver("copsoq_analysis", COPSOQ);
    await decide(first, { decision: "request_changes", reason: "Bitte Abteilungen ergänzen" });
    const second = await deliver("copsoq_analysis", COPSOQ);
    await decide(second, { decision: "accept" });
    const third = await deliver("copsoq_analysis", COPSOQ);
    const fourth = await deliver("copsoq_analysis", COPSOQ);

    const res = await byKey(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual((await d.asPartner.get(`/api/engagements/${d.engagementId}/results`)).json());
    const byId = new Map((res.json().items as Record<string, unknown>[]).map((r) => [r.id, r]));
    expect(byId.get(first)).toMatchObject({
      status: "changes_requested",
      decisionReason: "Bitte Abteilungen ergänzen",
      decidedAt: expect.any(String),
      decidedByName: "Entscheid GmbH Admin",
    });
    expect(byId.get(second)).toMatchObject({ status: "accepted", decidedAt: expect.any(String) });
    expect(byId.get(third)).toMatchObject({ status: "superseded" });
    expect(byId.get(fourth)).toMatchObject({ status: "submitted", decidedAt: null });

    const stranger = (await w.asPartner.post("/api/provider/api-keys", { name: "Fremd" })).json().key as string;
    const foreign = await byKey(url, stranger);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe("not_found");
    expect(foreign.body).not.toContain("Entscheid");
    expect((await d.asCompany.get(url)).statusCode).toBe(403);
  });

  it("another company sees none of it", async () => {
    const stranger = await signUpCompany(t.app, { name: "Neugier GmbH" });
    const as = api(t.app, stranger.cookie);
    const [any] = await list();
    expect((await as.get(`/api/engagements/${w.engagementId}/results`)).statusCode).toBe(404);
    expect((await as.post(`/api/engagements/${w.engagementId}/results/${any?.id}/decision`, { decision: "accept" })).statusCode).toBe(404);
    expect((await as.get("/api/analysis/copsoq")).json().items).toEqual([]);
  });
});

describe("the database holds the provider to superseding its own undecided versions", () => {
  let t: TestApp;
  let w: ResultWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await makeResultWorld(t);
  });
  afterAll(async () => t.close());

  it("refuses any other change a provider-side transaction tries on a result row", async () => {
    const { partnerResult, withTenantTx } = await import("@bgm/db");
    const { eq } = await import("drizzle-orm");
    const res = await w.asPartner.post(`/api/partner/engagements/${w.engagementId}/results`, {
      outputType: "copsoq_analysis",
      payload: COPSOQ,
    });
    const id = res.json().id as string;
    const tamper = withTenantTx(t.database.db, w.partner.orgId, (tx) =>
      tx.update(partnerResult).set({ status: "accepted", decisionReason: "forged" }).where(eq(partnerResult.id, id)),
    );
    await expect(tamper).rejects.toThrow();
    const supersede = withTenantTx(t.database.db, w.partner.orgId, (tx) =>
      tx.update(partnerResult).set({ status: "superseded" }).where(eq(partnerResult.id, id)),
    );
    await expect(supersede).resolves.toBeDefined();
  });
});
