import { auditLog, offering } from "@bgm/db";
import { TASK_KEYS } from "@bgm/domain";
import { eq, sql } from "drizzle-orm";
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
import { offeringBody, publishOffering } from "./test-fixtures.js";

let t: TestApp;
let provider: OrgUser;
let as: Api;
let otherProvider: Api;
let company: Api;
let member: Api;

async function offeringCount(orgId: string) {
  const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(offering).where(eq(offering.orgId, orgId));
  return row?.n ?? 0;
}

beforeAll(async () => {
  t = await createTestApp();
  provider = await signUpProvider(t.app, { name: "Bewegt GmbH" });
  as = api(t.app, provider.cookie);
  otherProvider = api(t.app, (await signUpProvider(t.app, { name: "Konkurrenz AG" })).cookie);
  company = api(t.app, (await signUpCompany(t.app, { name: "Kunde GmbH" })).cookie);
  member = api(t.app, (await addMember(t, provider, "partner_member")).cookie);
});
afterAll(() => t?.close());

describe("provider profile", () => {
  it("shows the organization name and empty fields before the first save", async () => {
    const res = await as.get("/api/provider/profile");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ organizationId: provider.orgId, name: "Bewegt GmbH", regions: [], isHealthInsurer: false });
  });

  it("creates the profile on the first PATCH and updates it afterwards", async () => {
    const first = await as.patch("/api/provider/profile", { description: "Bewegung im Betrieb", regions: ["Hamburg"] });
    expect(first.statusCode).toBe(200);
    const second = await as.patch("/api/provider/profile", { contactEmail: "info@bewegt.example" });
    expect(second.json()).toMatchObject({ description: "Bewegung im Betrieb", regions: ["Hamburg"], contactEmail: "info@bewegt.example" });
    expect((await member.get("/api/provider/profile")).json().contactEmail).toBe("info@bewegt.example");
  });

  it("lets only the partner admin edit it and rejects bad input", async () => {
    expect((await member.patch("/api/provider/profile", { description: "x" })).statusCode).toBe(403);
    expect((await company.patch("/api/provider/profile", { description: "x" })).statusCode).toBe(403);
    expect((await company.get("/api/provider/profile")).statusCode).toBe(403);
    expect((await as.patch("/api/provider/profile", { website: "not a url" })).statusCode).toBe(400);
    expect((await as.patch("/api/provider/profile", { isHealthInsurer: true })).statusCode).toBe(400);
  });
});

describe("offerings CRUD", () => {
  it("creates a draft with the provider name copied in and audits it", async () => {
    const res = await as.post("/api/provider/offerings", offeringBody({ relevantTasks: ["run_interventions"], relevantPhases: [4] }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      status: "draft",
      providerName: "Bewegt GmbH",
      providerOrgId: provider.orgId,
      certifications: [],
      turnaroundDays: null,
      relevantTasks: ["run_interventions"],
    });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, body.id));
    expect(audits.map((a) => a.action)).toEqual(["offering.created"]);
  });

  it("answers 422 naming the field and the unknown key, and stores nothing", async () => {
    const before = await offeringCount(provider.orgId);
    const res = await as.post("/api/provider/offerings", offeringBody({ relevantTasks: ["employee_survey", "yoga_retreat"] }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: "unprocessable",
      details: { field: "relevantTasks", key: "yoga_retreat", allowed: TASK_KEYS },
    });
    expect(res.json().error.message).toContain("yoga_retreat");
    const scope = await as.post("/api/provider/offerings", offeringBody({ requiredDataScopes: ["salary"] }));
    expect(scope.json().error.details).toMatchObject({ field: "requiredDataScopes", key: "salary" });
    const phase = await as.post("/api/provider/offerings", offeringBody({ relevantPhases: [9] }));
    expect(phase.json().error.details).toMatchObject({ field: "relevantPhases", key: 9 });
    expect(await offeringCount(provider.orgId)).toBe(before);
  });

  it("rejects negative prices, oversized texts and unknown fields with 400", async () => {
    const before = await offeringCount(provider.orgId);
    for (const body of [
      offeringBody({ priceFromCents: -1 }),
      offeringBody({ title: "x".repeat(201) }),
      offeringBody({ description: "x".repeat(5001) }),
      offeringBody({ title: "   " }),
      offeringBody({ category: "astrology" }),
      offeringBody({ status: "published" }),
      offeringBody({ providerName: "Fake" }),
    ]) {
      const res = await as.post("/api/provider/offerings", body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect(await offeringCount(provider.orgId)).toBe(before);
  });

  it("moves draft → published → archived → draft and refuses other moves with 409", async () => {
    const id = (await as.post("/api/provider/offerings", offeringBody({ title: "Lebenszyklus" }))).json().id;
    const archiveDraft = await as.patch(`/api/provider/offerings/${id}`, { status: "archived" });
    expect(archiveDraft.statusCode).toBe(409);
    expect(archiveDraft.json().error.details).toEqual({ from: "draft", to: "archived", allowed: ["published"] });
    expect(archiveDraft.json().error.message).toContain("allowed: published");
    expect((await as.patch(`/api/provider/offerings/${id}`, { status: "published" })).json().status).toBe("published");
    expect((await as.patch(`/api/provider/offerings/${id}`, { status: "draft" })).statusCode).toBe(409);
    expect((await as.patch(`/api/provider/offerings/${id}`, { status: "archived" })).json().status).toBe("archived");
    expect((await as.patch(`/api/provider/offerings/${id}`, { status: "published" })).statusCode).toBe(409);
    expect((await as.patch(`/api/provider/offerings/${id}`, { status: "draft" })).json().status).toBe("draft");
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.filter((a) => a.action === "offering.status_changed")).toHaveLength(3);
  });

  it("edits fields, validates keys on update and rejects an empty patch", async () => {
    const id = (await as.post("/api/provider/offerings", offeringBody({ title: "Vorher" }))).json().id;
    const res = await as.patch(`/api/provider/offerings/${id}`, { title: "Nachher", priceFromCents: 0, capacity: 12 });
    expect(res.json()).toMatchObject({ title: "Nachher", priceFromCents: 0, capacity: 12 });
    const bad = await as.patch(`/api/provider/offerings/${id}`, { outputDataTypes: ["video"] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details).toMatchObject({ field: "outputDataTypes", key: "video" });
    expect((await as.patch(`/api/provider/offerings/${id}`, { priceFromCents: -5 })).statusCode).toBe(400);
    expect((await as.patch(`/api/provider/offerings/${id}`, {})).statusCode).toBe(400);
    expect((await member.get("/api/provider/offerings")).json().items.find((o: { id: string }) => o.id === id).title).toBe("Nachher");
  });

  it("lists own offerings in every state and nobody else's", async () => {
    await publishOffering(otherProvider, { title: "Fremdes Angebot" });
    const list = (await as.get("/api/provider/offerings")).json().items as { title: string; status: string; providerOrgId: string }[];
    expect(list.length).toBeGreaterThan(2);
    expect(list.every((o) => o.providerOrgId === provider.orgId)).toBe(true);
    expect(new Set(list.map((o) => o.status))).toContain("draft");
  });

  it("keeps other providers, members and companies out", async () => {
    const id = (await as.post("/api/provider/offerings", offeringBody({ title: "Meins" }))).json().id;
    const foreign = await otherProvider.patch(`/api/provider/offerings/${id}`, { title: "gekapert" });
    expect(foreign.statusCode).toBe(404);
    expect((await member.patch(`/api/provider/offerings/${id}`, { title: "x" })).statusCode).toBe(403);
    expect((await member.post("/api/provider/offerings", offeringBody())).statusCode).toBe(403);
    expect((await company.post("/api/provider/offerings", offeringBody())).statusCode).toBe(403);
    expect((await company.patch(`/api/provider/offerings/${id}`, { title: "x" })).statusCode).toBe(403);
    expect((await company.get("/api/provider/offerings")).statusCode).toBe(403);
    expect((await api(t.app).post("/api/provider/offerings", offeringBody())).statusCode).toBe(401);
    const [row] = await t.database.db.select().from(offering).where(eq(offering.id, id));
    expect(row?.title).toBe("Meins");
  });
});

describe("the provider behind an offering (detail page)", () => {
  it("shows the public profile and the other published offerings, never a draft", async () => {
    await as.patch("/api/provider/profile", {
      description: "Bewegung im Betrieb",
      regions: ["Hamburg"],
      certifications: ["ZPP"],
      contactEmail: "info@bewegt.example",
      website: "https://bewegt.example",
    });
    const main = await publishOffering(as, offeringBody({ title: "Detail Hauptangebot" }));
    const other = await publishOffering(as, offeringBody({ title: "Detail Zweitangebot" }));
    const draft = await as.post("/api/provider/offerings", offeringBody({ title: "Detail Entwurf geheim" }));
    expect(draft.statusCode).toBe(201);

    for (const viewer of [company, otherProvider, as]) {
      const res = await viewer.get(`/api/marketplace/offerings/${main.id}/provider`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.profile).toEqual({
        organizationId: provider.orgId,
        name: "Bewegt GmbH",
        description: "Bewegung im Betrieb",
        regions: ["Hamburg"],
        certifications: ["ZPP"],
        contactEmail: "info@bewegt.example",
        website: "https://bewegt.example",
        isHealthInsurer: false,
      });
      const titles = body.otherOfferings.map((o: { title: string }) => o.title);
      expect(titles).toContain(other.title);
      expect(titles).not.toContain(main.title);
      expect(res.body).not.toContain("Detail Entwurf geheim");
      expect(body.otherOfferings.every((o: { status: string }) => o.status === "published")).toBe(true);
    }
  });

  it("keeps a draft's provider behind the draft: 404 for others, the owner sees its own", async () => {
    const draft = await as.post("/api/provider/offerings", offeringBody({ title: "Detail Entwurf zwei" }));
    const id = draft.json().id as string;
    expect((await company.get(`/api/marketplace/offerings/${id}/provider`)).statusCode).toBe(404);
    expect((await otherProvider.get(`/api/marketplace/offerings/${id}/provider`)).statusCode).toBe(404);
    const own = await as.get(`/api/marketplace/offerings/${id}/provider`);
    expect(own.statusCode).toBe(200);
    expect(own.json().otherOfferings.every((o: { status: string }) => o.status === "published")).toBe(true);
    expect((await company.get("/api/marketplace/offerings/00000000-0000-4000-8000-000000000000/provider")).statusCode).toBe(404);
  });

  it("answers for a provider that never saved a profile with its name and empty fields", async () => {
    const fresh = api(t.app, (await signUpProvider(t.app, { name: "Ohne Profil KG" })).cookie);
    const o = await publishOffering(fresh, offeringBody({ title: "Ohne-Profil-Angebot" }));
    const res = await company.get(`/api/marketplace/offerings/${o.id}/provider`);
    expect(res.json()).toMatchObject({
      profile: { name: "Ohne Profil KG", description: "", regions: [], contactEmail: "", website: "" },
      otherOfferings: [],
    });
  });
});
